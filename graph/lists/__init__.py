"""Official lists as data: readers for list files (one small registered
class per format over the engine in formats.py), the import of a file's
editions into a store (editions.py), whether a listing still holds
(status.py), and the listed names the recogniser is given (known.py)."""

from __future__ import annotations

from . import csl, dod1260h  # noqa: F401  (registers the formats)
from .editions import EditionConflict, EditionResult, ListImport, import_list
from .entry import ListEntry, ListFileError
from .formats import ListFile, read_list, readers
from .status import LIST_METHOD, ListingStatus, is_current, listing_status

__all__ = [
    "EditionConflict",
    "EditionResult",
    "ListImport",
    "import_list",
    "ListEntry",
    "ListFileError",
    "ListFile",
    "read_list",
    "readers",
    "LIST_METHOD",
    "ListingStatus",
    "is_current",
    "listing_status",
]
