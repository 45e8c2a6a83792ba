"""One sentence's rules failing costs that sentence, not the article.

The rules are many small readings of a parse; a reading that fails on some
parse nobody foresaw (a recursion through a pronoun, an index past a
sentence's end) used to end the whole article's extraction, and with it a
whole ``chipgraph ingest`` of thousands.  Each sentence is read under this
guard instead: when its rules raise, the facts it had added are taken back,
a ``SentenceUnread`` warning names the sentence and the error (so the bug is
seen and can be reported), and the next sentence is read as usual.  The test
suite turns the warning into an error (pyproject.toml), so that no rule
failure passes unnoticed there.
"""

from __future__ import annotations

import warnings
from typing import Callable, TypeVar

__all__ = ["SentenceUnread", "read_guarded"]

T = TypeVar("T")


class SentenceUnread(UserWarning):
    """A sentence whose rules failed: its facts are left out, the rest of the article is read."""


def read_guarded(read: Callable[[], T], facts: list, where: tuple[int, int], text: str, fallback: T) -> T:
    """``read()``, or ``fallback`` when it raises: the facts it appended to
    ``facts`` are then removed and a :class:`SentenceUnread` warning names
    the sentence by its character offsets ``where`` and its ``text``."""
    first = len(facts)
    try:
        return read()
    except Exception as exc:  # noqa: BLE001 (any rule failure: the article must still be read)
        del facts[first:]
        start, end = where
        snippet = text if len(text) <= 120 else text[:117] + "..."
        warnings.warn(
            SentenceUnread(f"the sentence at characters {start}-{end} was not read ({type(exc).__name__}: {exc}); "
                           f"its facts are left out, please report it with the sentence: {snippet!r}"),
            stacklevel=2,
        )
        return fallback
