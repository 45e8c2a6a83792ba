"""Items in lists of a fixed size, read lazily: what a bulk write sends per
transaction or statement (``chipgraph copy``, ``SQLiteStore.add_many``)."""

from __future__ import annotations

from typing import Iterable, Iterator, TypeVar

__all__ = ["batches"]

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` ``size`` at a time (the last list may be shorter), each
    item taken from the iterable only when its list is filled."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
