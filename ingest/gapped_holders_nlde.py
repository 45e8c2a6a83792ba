"""Shareholders listed after a holding with the verb left out, in Dutch and German.

"TSMC hält 70 Prozent an dem Gemeinschaftsunternehmen, Bosch, Infineon und
NXP jeweils zehn Prozent", "An X hält der Bund 25,1 Prozent, der Konzern Y
knapp 23 Prozent", "A bezit 60 procent van X, B en C elk 20 procent": the
pieces after the first holding name more holders of the same company and a
share each, but no verb, so no rule of the grammar reads them.  This reads
those pieces on the surface: after a comma (or "und"/"en"), only names,
articles, coordinators and describing words, then an optional "each"/"about"
and a share.  The English counterpart is ``ellipsis.share_with_gapped_holders``.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

__all__ = ["gapped_pieces", "holders_in"]

#: a share with the verb left out: names (any words, checked below), maybe "jeweils"/"knapp", a number and "Prozent"
_GAPPED_SHARE = re.compile(
    r"\s*(?P<names>[^;:.()]{2,120}?)\s+"
    r"(?:(?:jeweils|je|elk|elks|ieder|telkens|knapp|rund|gut|etwa|ruim|bijna|circa|zo'n|weitere|nog)\s+)?"
    r"(?:\d+(?:[,.]\d+)?|ein|eine|een|zehn|zwanzig|fünf|drei|vier|acht|tien|twintig|vijf|drie)\s*(?:prozent|procent|%)",
    re.I)
#: the endings of the nouns a company is described by ("Rüstungskonzern", "staatsfonds")
_COMPANY_NOUN_ENDINGS = ("konzern", "fonds", "bedrijf", "unternehmen", "firma", "gruppe", "groep", "investor", "investeerder",
                         "holding", "hersteller", "fabrikant", "bank", "gesellschaft", "maatschappij")
#: where such a piece may start, and the first share it follows
_SEPARATOR = re.compile(r",|\b(?:und|en|sowie)\b", re.I)
_SHARE = re.compile(r"\b(?:prozent|procent)\b|%", re.I)
#: the words that may stand beside the names in such a piece, besides company nouns and nationalities (``_filler``)
_FILLER = frozenset("der die das den dem de het und en sowie auch ook staat partner aandeelhouder aktionär "
                    # a clause of its own opening the piece, its verb after the share ("während A und B je 10 Prozent halten")
                    "während wobei terwijl waarbij".split())


def holders_in(pieces: Sequence[tuple[int, int]], mentions: Sequence[tuple[int, int, str]], ok: Callable[[str], bool]) -> list[str]:
    """The holders named in the verbless share pieces ``pieces`` (from
    ``gapped_pieces``), in order.  ``mentions`` are (start, end, key) of the
    sentence's names; ``ok`` says which keys may hold a share (a piece with
    any other name names none)."""
    found: list[str] = []
    for a, b in pieces:
        inside = [k for s, e, k in mentions if a <= s and e <= b]
        if all(ok(k) for k in inside):
            found += [k for k in inside if k not in found]
    return found


def _pieces(text: str, after: int, mentions: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The name spans of verbless share pieces that start at a comma (or
    "und"/"en") after ``after``: the first such piece at each place, its
    words only names and fillers."""
    out: list[tuple[int, int]] = []
    for sep in _SEPARATOR.finditer(text, after):
        if out and sep.start() < out[-1][1]:
            continue  # inside the piece found already
        m = _GAPPED_SHARE.match(text, sep.end())
        if m is None:
            continue
        a, b = m.span("names")
        inside = [(s, e) for s, e, _ in mentions if a <= s and e <= b]
        if not inside:
            continue
        rest = text[a:b]
        for s, e in sorted(inside, reverse=True):
            rest = rest[:s - a] + " " + rest[e - a:]
        if all(_filler(w) for w in re.findall(r"[\w'-]+", rest)):
            out.append((a, b))
    return out


def _filler(word: str) -> bool:
    """A word that may stand beside a holder's name: an article or coordinator, a
    company noun ("der Rüstungskonzern X"), a nationality ("der italienische
    Konzern", "het Chinese fonds")."""
    w = word.lower()
    return w in _FILLER or w.endswith(_COMPANY_NOUN_ENDINGS) or w.endswith(("isch", "ische", "ischen", "ischer", "isches")) \
        or word[:1].isupper() and w.endswith(("se", "sche"))


def gapped_pieces(text: str, mentions: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The spans of ``text`` after its first share that name holders of a
    verbless share piece: their names are no members of a list before them
    ("an X, B und C jeweils zehn Prozent": B and C hold, X is held), and they
    hold part of what the first holding is in (``holders_in``)."""
    share = _SHARE.search(text)
    return _pieces(text, share.end(), mentions) if share else []
