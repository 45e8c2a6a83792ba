"""The country an article gives a company it does not know: "Chinese buyers
such as X", "X, a Chinese laser maker", "Dutch toolmaker X".

"The Dutch company" must never be read as a company the text itself calls
Chinese.  The reference data gives countries only for the companies it
knows; for the rest, a nationality adjective on the noun the name stands
beside (its apposition, the noun it is an example of, the noun it names)
is what the reporter said.  Only the parse around each mention is read.
"""

from __future__ import annotations

from typing import Any, Mapping

__all__ = ["stated_countries"]

_EXAMPLE_PREPS = frozenset({"as", "including", "like"})


def _nouns_beside(r: Any) -> list[Any]:
    """Nouns that describe the name whose head token is ``r``."""
    out = [c for c in r.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if r.dep_ == "appos" and r.head.pos_ == "NOUN":
        out.append(r.head)  # "the Chinese laser maker, X"
    if r.dep_ == "pobj" and r.head.lower_ in _EXAMPLE_PREPS:
        h = r.head.head
        if h.lower_ == "such" and h.head.pos_ == "NOUN":
            h = h.head
        if h.pos_ == "NOUN":
            out.append(h)  # "Chinese buyers such as X", "Chinese firms including X"
    out += [c for c in r.children if c.dep_ in ("amod", "compound") and c.pos_ == "NOUN"]
    return out


def stated_countries(doc: Any, mentions: Mapping[str, list[tuple[int, int]]], demonyms: Mapping[str, str]) -> dict[str, str]:
    """key -> the one country the text's nationality adjectives give it
    (keys given two countries, or none, are left out)."""
    out: dict[str, str] = {}
    for key, spans in mentions.items():
        found: set[str] = set()
        for s, e in spans:
            r = doc[s:e].root
            heads = [r, *_nouns_beside(r)]
            found |= {demonyms[a.lower_] for n in heads for a in n.children
                      if a.dep_ in ("amod", "compound", "npadvmod") and a.lower_ in demonyms}
            if s > 0 and doc[s - 1].lower_ in demonyms and doc[s - 1].dep_ in ("amod", "compound"):
                found.add(demonyms[doc[s - 1].lower_])  # "Dutch toolmaker X", "Chinese X"
        if len(found) == 1:
            out[key] = found.pop()
    return out
