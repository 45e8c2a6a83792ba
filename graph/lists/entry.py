"""One row of an official list, whatever file it came from, and the error a
bad row raises.

Every reader (csl.py, dod1260h.py, ...) turns its format's rows into
:class:`ListEntry`; everything after reading (entities, facts, editions,
removals) is written once, over this model, in editions.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ChipgraphError
from ..model import EntityType

__all__ = ["ListEntry", "ListFileError"]


@dataclass(frozen=True)
class ListEntry:
    """A party named on a list.

    ``list_name`` is the canonical name of the list entity the entry is on
    ("US Entity List"), ``list_source`` the list's name as the file writes
    it; ``row`` is the entry's line (or row) number in its file, so every
    fact imported from it can be traced back to the row.
    """

    name: str
    list_name: str
    row: int
    aliases: tuple[str, ...] = ()
    type: EntityType = EntityType.ORG
    program: str | None = None
    listed: str | None = None
    source_url: str | None = None
    country: str | None = None
    parents: tuple[str, ...] = ()
    list_source: str | None = None


class ListFileError(ChipgraphError, ValueError):
    """A list file that cannot be read, named with its row and column so the
    user can fix it; nothing of the import is written."""

    def __init__(self, file: str, message: str, *, row: int | None = None, column: str | None = None) -> None:
        self.file = file
        self.row = row
        self.column = column
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}")
