"""Families named as owners: "the Leibinger family", "Familie Leibinger",
"de familie Van Eerd".

Reporting on family firms names the owner by the family, not by a person
("Trumpf belongs to the Leibinger family"), and the recogniser knows no such
name: in English the NER takes the surname alone for a person, in Dutch and
German nothing reads it at all.  A family is its members, so it is kept as a
person-like owner under the name the text gives it, the family word
included ("Leibinger family", "Familie Leibinger").
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType

__all__ = ["family_spans"]

#: the family word after the surname (English) and before it (Dutch, German)
_AFTER = frozenset({"family"})
_BEFORE = frozenset({"familie"})
#: lower-case words inside a surname ("de familie Van der Valk", "Familie von Siemens")
_PARTICLES = frozenset("van de der den ter ten von zu vom".split())
Span = tuple[int, int, EntityType, Any]


def _surname_before(doc: Any, end: int, start_limit: int) -> int:
    """The first token of the surname that ends right before ``end`` (``end`` if none)."""
    i = end
    while i - 1 >= start_limit and end - i < 3 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
        i -= 1
    return i


def _surname_after(doc: Any, start: int) -> int:
    """The end of the surname that starts at ``start`` (``start`` if none)."""
    j, end = start, start
    while j < len(doc) and j - start < 4:
        t = doc[j]
        if t.text[:1].isupper() and t.is_alpha:
            j += 1
            end = j
        elif t.lower_ in _PARTICLES and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
            j += 1
        else:
            break
    return end


def family_spans(doc: Any, spans: list[Span], language: str) -> list[Span]:
    """``spans`` with the families the text names as spans of their own
    (a person span of the surname alone grows to take the family word)."""
    out = list(spans)
    taken = {i: n for n, (s, e, _, _) in enumerate(out) for i in range(s, e)}
    for t in doc:
        if language == "en" and t.lower_ in _AFTER and t.i >= 2 and doc[t.i - 1].text[:1].isupper() \
                and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of"):
            start = _surname_before(doc, t.i, t.sent.start + 1)
            if start == t.i or doc[start - 1].lower_ != "the":
                continue  # "the Leibinger family", not "Trumpf family-owned" or a headline's "Family"
            inside = {taken[i] for i in range(start, t.i) if i in taken}
            if any(out[n][2] != EntityType.PERSON or out[n][3] for n in inside):
                continue  # "the Samsung family": a company's name before the word
            out = [s for n, s in enumerate(out) if n not in inside] + [(start, t.i + 1, EntityType.PERSON, None)]
        elif language != "en" and t.lower_ in _BEFORE and t.i + 1 < len(doc):
            end = _surname_after(doc, t.i + 1)
            if end == t.i + 1 or any(i in taken for i in range(t.i, end)):
                continue
            out.append((t.i, end, EntityType.PERSON, None))
        else:
            continue
        taken = {i: n for n, (s, e, _, _) in enumerate(out) for i in range(s, e)}
    return sorted(out)
