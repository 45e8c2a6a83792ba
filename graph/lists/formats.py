"""The one engine every list format plugs into: a registry of readers, the
sniffing that picks one for a file, and the helpers readers share.

A format is a small class (see csl.py, dod1260h.py) registered with
:func:`register`: a name, a one-line description, ``sniff`` (does this file
look like mine?) and ``entries`` (its rows as :class:`ListEntry`).  Adding a
list format is adding one such class; nothing here changes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Callable, ClassVar, Iterator, Protocol, Sequence

from .entry import ListEntry, ListFileError

__all__ = ["ListReader", "ListFile", "register", "readers", "reader", "read_list", "csv_rows", "split_multi"]


class ListReader(Protocol):
    """What a list format provides."""

    name: ClassVar[str]
    description: ClassVar[str]

    def sniff(self, file: str, head: str) -> bool:
        """Whether a file named ``file`` starting with ``head`` is in this format."""
        ...

    def entries(self, text: str, file: str) -> Iterator[ListEntry]:
        """Every entry of the file; a bad row raises ListFileError naming it."""
        ...


_READERS: dict[str, ListReader] = {}

#: the formats chipgraph ships, registered by importing them when the
#: registry is first asked (a store that only asks whether a listing still
#: holds never loads the readers)
BUILTIN_FORMATS = ("csl", "dod1260h")


def register(cls: type) -> type:
    """Class decorator: make a list format available by its ``name``."""
    _READERS[cls.name] = cls()
    return cls


def _registry() -> dict[str, ListReader]:
    import importlib

    for module in BUILTIN_FORMATS:
        importlib.import_module(f"{__package__}.{module}")
    return _READERS


def readers() -> tuple[ListReader, ...]:
    """Every registered format, in registration order."""
    return tuple(_registry().values())


def reader(name: str) -> ListReader:
    """The format called ``name``; a ValueError lists the known ones."""
    known = _registry()
    try:
        return known[name]
    except KeyError:
        raise ValueError(f"unknown list format {name!r}; choose from {', '.join(known)}") from None


@dataclass(frozen=True)
class ListFile:
    """A list file read in full: its entries, the format that read them and
    the bytes' SHA-256 (what makes an edition's identity)."""

    file: str
    format: str
    entries: tuple[ListEntry, ...]
    sha256: str


def decode(data: bytes, file: str) -> str:
    """The file's text: UTF-8 (a byte-order mark is dropped), else a clear error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ListFileError(file, "not UTF-8 text (save the file as UTF-8 CSV or JSON lines)", row=line) from None


def read_list(data: bytes, file: str, format: str | None = None) -> ListFile:
    """Read a whole list file with the format named, else the first one
    whose ``sniff`` accepts it.  Reading is complete before anything is
    written, so a bad row anywhere fails the import as a whole."""
    import hashlib

    text = decode(data, file)
    if format is not None:
        try:
            chosen = reader(format)
        except ValueError as exc:
            raise ListFileError(file, str(exc)) from None
    else:
        head = text[:4096]
        chosen = next((r for r in readers() if r.sniff(file, head)), None)
        if chosen is None:
            known = "; ".join(f"{r.name}: {r.description}" for r in readers())
            raise ListFileError(file, f"not a list format chipgraph reads ({known}); give --list to choose one")
    entries = tuple(chosen.entries(text, file))
    if not entries:
        raise ListFileError(file, f"no entries found (read as {chosen.name})")
    return ListFile(file, chosen.name, entries, hashlib.sha256(data).hexdigest())


def split_multi(value: str | None) -> tuple[str, ...]:
    """The values of a ``; ``-joined cell, stripped, without blanks."""
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def csv_rows(
    text: str, file: str, required: Sequence[str], check: Callable[[list[str]], None] | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row by column name) of a CSV file whose header holds
    every ``required`` column; a row with more cells than the header is an
    error naming it."""
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(rows)]
    except StopIteration:
        raise ListFileError(file, "empty file") from None
    except csv.Error as exc:
        raise ListFileError(file, f"not CSV ({exc})", row=1) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise ListFileError(file, f"the header has no column {missing[0]!r} (it has: {', '.join(header)})", row=1)
    if check is not None:
        check(header)
    try:
        for cells in rows:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise ListFileError(file, f"{len(cells)} cells for {len(header)} columns", row=rows.line_num)
            yield rows.line_num, {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
    except csv.Error as exc:
        raise ListFileError(file, f"not CSV ({exc})", row=rows.line_num) from None
