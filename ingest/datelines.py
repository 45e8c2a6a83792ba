"""The dateline that opens a wire story ("HONG KONG, July 2 (Reuters) -").

The parser often makes the dateline's city the subject of the first clause
("SHANGHAI ... - X holds a 6% stake in Y" read as SHANGHAI holding it), so
rules that look for a subject skip it and take the name after the dash; and
the text is parsed apart after a dateline at a paragraph's start
(``dateline_ends``, used by extractor.text_pieces).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["in_dateline", "after_dateline", "dateline_ends"]

_DASHES = frozenset("- – — --".split())
#: a dateline opening a paragraph: "TAIPEI, March 3 (Reuters) - ", "KUMAMOTO, Japan -- ", "BEIJING - "
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’/ -]*[A-Z.]"
    r"(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?"  # the country or state
    r"(?:,?[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2})?"  # the date
    r"(?:[ \t]+\([^()\n]{2,40}\))?"  # the agency
    r"[ \t]+(?:" + "|".join(sorted(map(re.escape, _DASHES), key=len, reverse=True)) + r")[ \t]+(?=[A-Z])")


def dateline_ends(text: str) -> list[int]:
    """Where the story starts after each paragraph-opening dateline in ``text``."""
    return [m.end() for m in _DATELINE.finditer(text)]
#: how far into a sentence a dateline's dash may come ("SAN FRANCISCO/WASHINGTON, March 12 (Reuters) -")
_REACH = 14


def _dash(tok: Any) -> Any | None:
    """The dash that ends the dateline ``tok`` starts, or None."""
    sent = tok.sent
    for t in tok.doc[tok.i + 1:min(sent.end, sent.start + _REACH)]:
        if t.text in _DASHES and _stands_alone(t):
            return t
    return None


def _stands_alone(dash: Any) -> bool:
    """A dash set off by spaces ("SEOUL, April 8 - SK Square"), not the
    hyphen inside a word ("JASM is majority-owned by ...")."""
    before = dash.doc[dash.i - 1] if dash.i > 0 else None
    return dash.text != "-" or before is None or bool(before.whitespace_) or bool(dash.whitespace_)


def in_dateline(tok: Any) -> bool:
    """``tok`` is a word of the capitalised city that opens its sentence and
    ends at a dash a few words later."""
    if not (tok.is_upper and tok.is_alpha and len(tok.text) > 1):
        return False
    if not any(t.text in _DASHES and _stands_alone(t) for t in tok.doc[tok.i + 1:tok.i + _REACH]):
        return False  # cheap test first: no dash near, no dateline
    sent = tok.sent
    if any(not (t.is_upper or t.is_punct or t.is_space) for t in tok.doc[sent.start:tok.i]):
        return False
    return _dash(tok) is not None


def after_dateline(tok: Any) -> list[Any]:
    """The tokens the parser hung on a dateline's city that come after its
    dash (the real subject read as an apposition: "SEOUL, April 8 - SK Square holds")."""
    dash = _dash(tok)
    if dash is None:
        return []
    return [c for c in tok.children if c.dep_ == "appos" and c.i > dash.i]
