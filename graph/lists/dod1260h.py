"""The DoD Section 1260H list ("Chinese military companies") in the simple
shape users write from the Department of Defense's PDF.

The list has no official machine format.  chipgraph reads either a CSV with
the header ``name,aliases,parents`` (optional columns ``listed``,
``source_url``, ``country``; ``aliases`` and ``parents`` ``; ``-joined) or
JSON lines ``{"name": ..., "aliases": [...], "parents": [...]}`` with the
same optional keys.  A parent makes an ownership fact (entry -> parent) as
well as the listing.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

from .entry import ListEntry, ListFileError
from .formats import csv_rows, register, split_multi

__all__ = ["DOD_1260H", "Section1260H", "FIELDS"]

DOD_1260H = "DoD Section 1260H list"
#: The columns (or JSON keys) read; only ``name`` is required.
FIELDS: tuple[str, ...] = ("name", "aliases", "parents", "listed", "source_url", "country")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _values(value: Any, file: str, row: int, column: str) -> tuple[str, ...]:
    """A JSON value or a CSV cell as names: a list of strings or one ``; ``-joined string."""
    if value is None:
        return ()
    if isinstance(value, str):
        return split_multi(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise ListFileError(file, "give a list of names or one '; '-joined string", row=row, column=column)


def _entry(fields: dict[str, Any], file: str, row: int) -> ListEntry:
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ListFileError(file, f"unknown field (the fields are {', '.join(FIELDS)})", row=row, column=unknown[0])
    name = fields.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ListFileError(file, "no name", row=row, column="name")
    for key in ("listed", "source_url", "country"):
        if fields.get(key) is not None and not isinstance(fields[key], str):
            raise ListFileError(file, "give a string", row=row, column=key)
    listed = (fields.get("listed") or "").strip() or None
    if listed and not _DATE.fullmatch(listed):
        raise ListFileError(file, f"{listed!r} is not a date (YYYY-MM-DD)", row=row, column="listed")
    return ListEntry(
        name=name.strip(),
        list_name=DOD_1260H,
        row=row,
        aliases=_values(fields.get("aliases"), file, row, "aliases"),
        program="Section 1260H, NDAA FY2021",
        listed=listed,
        source_url=(fields.get("source_url") or "").strip() or None,
        country=(fields.get("country") or "").strip() or None,
        parents=_values(fields.get("parents"), file, row, "parents"),
    )


@register
class Section1260H:
    """DoD 1260H list as CSV (name,aliases,parents) or JSON lines."""

    name = "1260h"
    description = "DoD Section 1260H list as CSV (header name,aliases,parents) or JSON lines"

    def sniff(self, file: str, head: str) -> bool:
        first = head.lstrip().split("\n", 1)[0].strip()
        if first.startswith("{"):
            return True
        return [c.strip() for c in first.split(",")][:1] == ["name"]

    def entries(self, text: str, file: str) -> Iterator[ListEntry]:
        if text.lstrip().startswith("{"):
            yield from self._json_lines(text, file)
            return
        for row, cells in csv_rows(text, file, ("name",), self._check_header(file)):
            yield _entry({k: v for k, v in cells.items() if v != "" or k == "name"}, file, row)

    @staticmethod
    def _check_header(file: str):  # type: ignore[no-untyped-def]
        def check(header: list[str]) -> None:
            unknown = [h for h in header if h not in FIELDS]
            if unknown:
                raise ListFileError(file, f"unknown column (the columns are {', '.join(FIELDS)})", row=1, column=unknown[0])

        return check

    @staticmethod
    def _json_lines(text: str, file: str) -> Iterator[ListEntry]:
        for row, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                fields = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ListFileError(file, f"not JSON ({exc.msg} at character {exc.pos + 1})", row=row) from None
            if not isinstance(fields, dict):
                raise ListFileError(file, "each line must be a JSON object", row=row)
            yield _entry(fields, file, row)
