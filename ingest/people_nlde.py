"""People in Dutch and German text, found by the noun that introduces them.

No Dutch or German pipeline is installed, so the English NER's people are not
trusted in that text (it reads "Prozent" or "Hälfte" as names as readily as a
person).  Reporting names an owner or a founder with a noun before the name:
"medeoprichter Jan de Vries", "dem russischen Geschäftsmann Pawel Sorokin",
"die Gründer Katrin Hollmann und Peter Brandt".  The noun makes what follows
a person: capitalised words, with the particles of Dutch and German surnames
("van", "de", "von"), and a second name joined by "en"/"und" after it.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType

__all__ = ["PERSON_KINDS", "PERSON_NOUNS", "described_people"]

#: nouns (lower case) that say what a person is, not a role in a company: a preposition
#: before them governs the name after them ("van de Russische zakenman X")
PERSON_KINDS = frozenset(
    "zakenman zakenvrouw zakenlieden ondernemer miljardair oligarch investeerder "
    "geschäftsmann geschäftsfrau geschäftsleute unternehmer unternehmerin milliardär investor".split()
)
#: nouns (lower case) that introduce a person by role, or by what they are
PERSON_NOUNS = PERSON_KINDS | frozenset(
    # Dutch
    "oprichter oprichters medeoprichter medeoprichters mede-oprichter "
    "ondernemers topman topvrouw directeur-eigenaar eigenaar eigenaren grootaandeelhouder "
    "bestuursvoorzitter "
    # German
    "gründer gründerin gründern mitgründer mitgründerin mitbegründer firmengründer "
    "firmenchef firmenchefin inhaber inhaberin eigentümer eigentümerin "
    "gesellschafter gesellschafterin geschäftsführer geschäftsführerin investorin "
    "vorstandschef vorstandschefin großaktionär".split()
)
#: lower-case words inside a surname ("Jan de Vries", "Ursula von der Leyen")
_PARTICLES = frozenset("van de der den ter ten te von zu vom".split())
_JOINERS = frozenset({"en", "und"})


def _name_at(doc: Any, i: int, taken: set[int]) -> int:
    """The end of a person's name starting at token ``i`` (``i`` if none):
    two to four words, capitalised ones and surname particles, ending in a
    capitalised word; an initial ("Viktor K.") counts as a word."""
    j, words = i, 0
    end = i
    while j < len(doc) and j - i < 5 and j not in taken:
        t = doc[j]
        if t.text[:1].isupper() and (t.is_alpha or t.text.rstrip(".").isalpha() or "-" in t.text):
            words += 1
            j += 1
            if words >= 2:
                end = j
        elif t.text in _PARTICLES and words >= 1 and j + 2 < len(doc) and (
                doc[j + 1].text[:1].isupper() or doc[j + 1].text in _PARTICLES and doc[j + 2].text[:1].isupper()):
            j += 1  # "Jan de Vries", "Ine van der Berg"
        else:
            break
    return end


def described_people(doc: Any, spans: list[tuple[int, int, EntityType, str | None]]) -> list[tuple[int, int, EntityType, None]]:
    """Person spans after a role noun (none that overlaps ``spans``)."""
    taken = {i for s, e, _, _ in spans for i in range(s, e)}
    out: list[tuple[int, int, EntityType, None]] = []
    for t in doc:
        if t.lower_ not in PERSON_NOUNS or t.i + 1 >= len(doc):
            continue
        start = t.i + 1
        end = _name_at(doc, start, taken)
        while end > start:
            out.append((start, end, EntityType.PERSON, None))
            taken.update(range(start, end))
            if end + 1 < len(doc) and doc[end].lower_ in _JOINERS:
                start = end + 1
                end = _name_at(doc, start, taken)
            else:
                break
    return out
