"""Appositions known by their commas where the parser lost them.

"Soitec fell after STMicroelectronics, its main client, cut orders": the
small model may hang "client" on the main verb instead of on the name
before its comma.  The words still say it: a name, a comma, "its" and
modifiers, the noun, and a comma, "and" or the sentence's end.  Both the
description's reading (relations._Ctx.described) and what its "its" stands
for (salience: never the name it describes) use this one test.
"""

from __future__ import annotations

from typing import Any, Callable

__all__ = ["name_before_its"]

#: what may close such an apposition
_CLOSERS = frozenset({",", ".", ";", "and"})


def name_before_its(n: Any, key_at: Callable[[int], str | None]) -> str | None:
    """The entity key named right before the comma that opens "its ... ``n``",
    when that phrase is an apposition the parser did not attach."""
    if n.dep_ in ("appos", "pobj", "compound", "poss") or key_at(n.i):
        return None
    doc = n.doc
    left = n.left_edge
    if left.lower_ != "its" or left.i < 2 or doc[left.i - 1].text != ",":
        return None
    if any(n not in (doc[j].head, doc[j].head.head) for j in range(left.i, n.i)):
        return None  # "its" is not this noun's own ("its plans delayed, the client said")
    if n.i + 1 < len(doc) and doc[n.i + 1].text not in _CLOSERS:
        return None
    return key_at(left.i - 2)
