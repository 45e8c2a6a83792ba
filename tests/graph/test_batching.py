"""batches: fixed-size lists, the last shorter, items read only as needed."""

from __future__ import annotations

from typing import Iterator

from chipgraph.graph.batching import batches


def test_lists_of_the_size_asked_the_last_shorter() -> None:
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []


def test_items_are_read_only_when_their_list_fills() -> None:
    read: list[int] = []

    def items() -> Iterator[int]:
        for n in range(10):
            read.append(n)
            yield n

    first = next(batches(items(), 4))
    assert first == [0, 1, 2, 3] and read == [0, 1, 2, 3]  # a bad item later fails only its own batch
