"""Quotable evidence: a sentence span widened to whole sentences of the document.

spaCy's sentence splitter cuts after abbreviations and inside names ("Fujian
Jinhua Integrated Circuit Co. | Ltd. supplies ..."), so a rule can fire on a
span that starts or ends mid-sentence.  A journalist quotes the evidence, so it
must be the whole sentence: ``whole_sentence`` widens a span to the nearest
real sentence ends in the document text (never past a line break, so a
headline never runs into its paragraph), keeping the offsets exact.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Quote", "whole_sentence", "MAX_WIDENING"]

#: Words whose trailing full stop does not end a sentence (lower case, without
#: the final dot).  Legal forms, titles and the abbreviations news uses inside
#: names and figures.
_ABBREVIATIONS = frozenset(
    """co corp inc ltd llc plc bhd pty cie mfg intl int'l bros no nos nr vs etc approx
    dept gov govt sen rep mr mrs ms dr prof st jr sr gen col lt sgt capt adm mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_TERMINATORS = ".!?"
_CLOSERS = "\"'\u201d\u2019)]"
#: At most this many characters are added on either side; a span whose
#: sentence end lies further away keeps its own boundary on that side.
MAX_WIDENING = 400


class Quote(NamedTuple):
    """``text`` is ``document[start:end]``."""

    text: str
    start: int
    end: int


def _word_before(text: str, i: int) -> str:
    """The letters, apostrophes and inner dots just before position ``i``."""
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in ".'"):
        j -= 1
    return text[j:i]


def _ends_sentence(text: str, i: int) -> int | None:
    """If the terminator at ``i`` ends a sentence, the position just after it
    (and any closing quote or bracket); else None.

    A full stop ends nothing when it closes an abbreviation ("Co.", "No."), an
    initial ("J."), a dotted acronym ("U.S."), or when the next word starts in
    lower case or with a digit.
    """
    if text[i] not in _TERMINATORS:
        return None
    j = i + 1
    while j < len(text) and text[j] in _CLOSERS:
        j += 1
    if j < len(text) and not text[j].isspace():
        return None  # "3.5", "chipgraph.org", "U.S.-based"
    if text[i] == ".":
        word = _word_before(text, i)
        if word.lower() in _ABBREVIATIONS or len(word) == 1 or "." in word:
            return None
        k = j
        while k < len(text) and text[k] in " \t":
            k += 1
        if k < len(text) and (text[k].islower() or text[k].isdigit()):
            return None
    return j


def whole_sentence(text: str, start: int, end: int) -> Quote:
    """The span ``text[start:end]`` widened to whole-sentence boundaries.

    Left: back to just after the last sentence end (or the line start) before
    ``start``.  Right: on to the first sentence end (or the line end) at or
    after ``end``.  Neither side moves by more than ``MAX_WIDENING``
    characters, and the result never starts or ends with white space that the
    span did not.  Offsets out of range are clipped.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    # -- left
    line_start = text.rfind("\n", 0, start) + 1
    floor = max(line_start, start - MAX_WIDENING)
    new_start: int | None = None
    for i in range(start - 1, floor - 1, -1):
        after = _ends_sentence(text, i) if text[i] in _TERMINATORS else None
        if after is not None and after <= start:
            new_start = after
            break
    if new_start is None:
        new_start = line_start if floor == line_start else start
    while new_start < start and text[new_start].isspace():
        new_start += 1
    # -- right: is the span's own last terminator a sentence end?
    tail = end
    while tail > start and text[tail - 1] in _CLOSERS:
        tail -= 1
    new_end: int | None = end if tail > start and _ends_sentence(text, tail - 1) is not None else None
    if new_end is None:
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        ceiling = min(line_end, end + MAX_WIDENING)
        for i in range(end, ceiling):
            after = _ends_sentence(text, i) if text[i] in _TERMINATORS else None
            if after is not None:
                new_end = after
                break
        if new_end is None:
            new_end = line_end if ceiling == line_end else end
    while new_end > end and text[new_end - 1].isspace():
        new_end -= 1
    return Quote(text[new_start:new_end], new_start, new_end)
