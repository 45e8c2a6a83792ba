"""Python's cycle collector paused for the length of a bulk write.

A bulk load holds hundreds of thousands of model objects (the caller's
articles, the batch's rows) and allocates as many again; every full
collection walks all of them although they hold no reference cycles.  With
the collector paused, a 200,000-relation ``add_many`` took 10-20% less CPU.
Reference counting still frees everything at once; cycles made meanwhile
are collected once it runs again.

The collector is one switch for the whole process, so pauses nest and
overlap across threads by count: the switch goes back on when the last
pause ends, and only if it was on when the first began.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["collection_paused"]

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cycle collector inside the block (see the module's docstring)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
