"""Companies named after their parent: "Samsung Display", "Siemens Healthineers".

The reference ruler knows "Samsung" and "Siemens" and tags just that word, so
"Samsung Display, the panel-making subsidiary of Samsung Electronics" would
read as Samsung Electronics being its own subsidiary, and every fact about the
display maker would land on its parent.  A known company's name followed by
one or two capitalised words that the parser makes the head of the name
("Samsung Display said", "SK Hynix America, the U.S. sales arm") names a
company of its own (a subsidiary, a unit, a sister company): the span is
widened over those words and no longer resolves to the known entity.  Whether
it belongs to the parent is left to what the text says ("a subsidiary of").

The same holds where the words after the known name are industry words that
the organisation recogniser would otherwise read as the known company's
longer name ("Huawei Technologies" is Huawei): "Samsung Display" is not
Samsung Electronics, because the known company's own full name goes on with
other words ("Electronics") than the text does ("Display").

Not widened: a word the name only modifies ("Samsung Galaxy phones", "Nvidia
Blackwell chips", "TSMC Chairman Mark Liu": the word is a compound of what
follows), legal forms, other known names and products, names after a
determiner ("the Huawei Mate"), and headlines written in title case, where
every word is capitalised ("Intel Ends Shipments").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from chipgraph.graph.model import normalise_name
from chipgraph.graph.reference import reference_entities

__all__ = ["parent_named_end", "names_another_company"]

#: most words of a sentence capitalised: a headline, whose capitals say nothing about names
_TITLE_SHARE = 0.6
#: words that follow a company's name as the thing it owns or does, never as part of a name
_NOT_NAME_WORDS = frozenset("chairman chairwoman president founder chief ceo boss spokesman spokeswoman spokesperson "
                            "executive says said shares stock".split())


def _headline(tok: Any) -> bool:
    words = [t for t in tok.sent if t.is_alpha]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) / len(words) >= _TITLE_SHARE


def parent_named_end(doc: Any, start: int, end: int, legal: frozenset[str]) -> int:
    """The end of the name of a company named after the known company tagged
    at [start, end) ("Samsung" + "Display"), or ``end`` when the words after
    it are no part of another name."""
    if start > 0 and doc[start - 1].lower_ in ("the", "a", "an"):
        return end
    j = end
    while j < len(doc) and j - end < 2:
        t = doc[j]
        if not (t.is_title and t.is_alpha and t.pos_ == "PROPN") or t.ent_id_ or t.ent_type_ == "PRODUCT" \
                or t.lower_ in legal or t.lower_ in _NOT_NAME_WORDS:
            break
        j += 1
    if j == end:
        return end
    last = doc[j - 1]
    if last.dep_ in ("compound", "amod", "nmod") or not all(end <= doc[i].head.i < j or doc[i].head.i == doc[i].i or start <= doc[i].head.i < end
                                                        for i in range(start, end)):
        return end  # "Samsung Galaxy phones": the words modify what follows
    if _headline(doc[start]):
        return end
    return j


@lru_cache(maxsize=1)
def _name_words() -> dict[str, tuple[frozenset[str], int]]:
    """reference id -> (every word of its names and aliases, words in its canonical name)."""
    return {e.id: (frozenset(w for n in e.names() for w in normalise_name(n).split()), len(normalise_name(e.name).split()))
            for e in reference_entities()}


def names_another_company(doc: Any, known_start: int, known_end: int, end: int) -> bool:
    """The known company tagged at [known_start, known_end), followed by the
    words up to ``end`` ("Samsung" + "Display"), names another company: words
    none of the known company's names has, after a short form of a longer
    canonical name ("Samsung" of "Samsung Electronics"), or two or more such
    words ("Sony" + "Semiconductor Solutions")."""
    ids = {doc[i].ent_id_ for i in range(known_start, known_end) if doc[i].ent_id_}
    if len(ids) != 1 or known_end >= end:
        return False
    words, canonical = _name_words().get(ids.pop(), (frozenset(), 0))
    after = [w for t in doc[known_end:end] for w in normalise_name(t.text).split()]
    new = [w for w in after if w not in words]
    if not after or len(new) != len(after):
        return False
    return canonical > known_end - known_start or len(new) >= 2 or _longer_name_elsewhere(doc, known_start, end)


def _longer_name_elsewhere(doc: Any, start: int, end: int) -> bool:
    """The words [start, end) start a longer capitalised name elsewhere in the
    text ("Inspur Electronic" after "Inspur Electronic Information
    Industry"): they are that company's short form, not the known one's."""
    words = [t.text for t in doc[start:end]]
    k = len(words)
    return any(doc[i].text == words[0] and [t.text for t in doc[i:i + k]] == words and i + k < len(doc)
               and doc[i + k].is_title and doc[i + k].pos_ == "PROPN" for i in range(len(doc) - k) if i != start)
