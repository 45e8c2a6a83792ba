"""A company called by its town's people: "de Nijmegenaren", "die Dresdner".

Dutch and German business news names a company again by the inhabitants of
its seat ("De Veldhovenaren leveren ...", "Die Münchner beliefern ...", "bei
den Herzogenrathern").  Reading that as "the company" would take the wrong
one after "X kocht machines bij Y" (the subject X), so the demonym is read
as a name: the one company of the article tied to that town, either by the
article itself ("Besi uit Duiven", "Aixtron aus Herzogenrath") or by where
the industry's best-known companies sit (the reference data's "towns",
``chipgraph.graph.reference.company_towns``).  When no company, or more
than one, is tied to the town, the demonym stays unread.

A word counts as a demonym when it is a town's name plus a demonym ending,
stands after a plural article and is no adjective ("die Dresdner Fabrik": a
capitalised noun follows).  Nationalities ("die Amerikaner", "de Japanners")
name states or peoples, never a company, so they never count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from chipgraph.graph.reference import company_towns

__all__ = ["demonyms", "town_links", "towns_for_companies"]

#: nationalities and peoples, which name states, not companies
_PEOPLES = frozenset(
    "amerikaner amerikanern amerikanen japaner japanern japanners taiwaner taiwanezen koreaner koreanen europäer "
    "europeanen niederländer nederlanders holländer hollanders duitsers deutschen briten britten schweden zweden finnen "
    "franzosen fransen chinesen chinezen russen israelis inder indiërs singaporeaner singaporezen schweizer zwitsers "
    "österreicher oostenrijkers belgier belgen".split())
_ENDING = re.compile(r"(aren|naren|enaren|aars|ers|ders|er|ern|ner|nern|aner|anern|ener|enern)$")
#: a plural article, the candidate word and what follows it
_CANDIDATE = re.compile(r"\b(?i:de|die|den|der)\s+(?P<word>[A-ZÄÖÜ][a-zäöüßë]{3,})\b(?P<after>\s+\S)?")
#: a name followed by its town ("Besi uit Duiven", "Aixtron aus Herzogenrath", "... GmbH (SVT) aus Dresden": the
#: short form in brackets ends right before the town)
_FROM_TOWN = re.compile(r"\)?\s*,?\s*(?:uit|aus|in|te|from)\s+([A-ZÄÖÜ][a-zäöüß-]{2,})\b")


def _town_of(word: str, towns: Iterable[str]) -> str | None:
    """The town ``word`` names its people of ("Nijmegenaren" -> "nijmegen",
    "Dresdner" -> "dresden", "Almeerders" -> "almere"): it shares all but the
    town's last two letters (at least four) and ends like a demonym."""
    low = word.lower()
    if low in _PEOPLES or not _ENDING.search(low):
        return None
    for town in towns:
        shared = next((i for i, (a, b) in enumerate(zip(low, town)) if a != b), min(len(low), len(town)))
        if shared >= max(4, len(town) - 2) and len(low) > shared and len(low) - shared <= 6:
            return town
    return None


def town_links(names: Mapping[str, Iterable[str]], text: str, mentions: Iterable[tuple[int, int, str]]) -> dict[str, set[str]]:
    """Town -> the companies tied to it: by the reference data's towns (``names``: key ->
    its names) and by the article's "X uit Duiven" (``mentions``: start, end,
    key over ``text``)."""
    links: dict[str, set[str]] = {}
    for key, key_names in names.items():
        low = {n.lower() for n in key_names}
        for town, companies in company_towns().items():
            if low & companies:
                links.setdefault(town, set()).add(key)
    for start, end, key in mentions:
        m = _FROM_TOWN.match(text, end)
        if m:
            links.setdefault(m.group(1).lower(), set()).add(key)
    return links


def demonyms(text: str, names: list[tuple[int, int]], links: Mapping[str, set[str]]) -> list[tuple[int, int, str]]:
    """(start, end, company key) for each demonym in ``text`` that stands for
    the one company ``links`` ties to its town; spans in ``names`` (the
    sentence's names: "Freiberger Compound Materials") are left alone."""
    if not links or ("er" not in text and "aar" not in text):
        return []
    out = []
    for m in _CANDIDATE.finditer(text):
        word, after = m.group("word"), m.group("after")
        if after and after.strip()[:1].isupper():
            continue  # "die Dresdner Fabrik": an adjective before a noun
        start, end = m.start("word"), m.end("word")
        if any(a < end and start < b for a, b in names):
            continue
        town = _town_of(word, links)
        if town and len(links[town]) == 1:
            out.append((start, end, next(iter(links[town]))))
    return out


#: goods from a town ("beziehen Anlagen aus Veldhoven", "chips uit Nijmegen"): "uit/aus" + the town's name
_FROM_TOWN_AS_SOURCE = re.compile(r"\b(?:uit|aus)\s+(?P<town>[A-ZÄÖÜ][a-zäöüß]{2,})\b")


def towns_for_companies(text: str, names: list[tuple[int, int]], links: Mapping[str, set[str]]) -> list[tuple[int, int, str]]:
    """(start, end, company key) for a town named as where goods come from ("aus
    Veldhoven") that ``links`` ties to one company, read as that company; not a
    town right after a name ("ASML aus Veldhoven" says where ASML sits)."""
    if not links:
        return []
    out = []
    for m in _FROM_TOWN_AS_SOURCE.finditer(text):
        town = m.group("town").lower()
        if len(links.get(town, ())) != 1 or any(re.fullmatch(r"\s*,?\s*", text[b:m.start()]) for _, b in names if b <= m.start()):
            continue
        out.append((m.start("town"), m.end("town"), next(iter(links[town]))))
    return out

