"""Official lists as data: readers for list files (one small registered
class per format over the engine in formats.py), the import of a file's
editions into a store (editions.py), whether a listing still holds
(status.py), and the listed names the recogniser is given (known.py)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .editions import EditionConflict, EditionResult, ListImport, import_list
    from .entry import ListEntry, ListFileError
    from .formats import ListFile, read_list, readers
    from .status import LIST_METHOD, ListingStatus, is_current, listing_status

#: each public name and the module that defines it, imported on first use:
#: the stores import status.py on every start, and importing this package
#: must not load the list readers and the import machinery with it
_HOMES = {
    "EditionConflict": "editions",
    "EditionResult": "editions",
    "ListImport": "editions",
    "import_list": "editions",
    "ListEntry": "entry",
    "ListFileError": "entry",
    "ListFile": "formats",
    "read_list": "formats",
    "readers": "formats",
    "LIST_METHOD": "status",
    "ListingStatus": "status",
    "is_current": "status",
    "listing_status": "status",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value

__all__ = list(_HOMES)
