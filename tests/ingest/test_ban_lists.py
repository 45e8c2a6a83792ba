"""A listing on a list that bars its members' goods is a ban by the list's keeper."""

from __future__ import annotations

from chipgraph.ingest import Extractor, article_from_text
from chipgraph.ingest.ban_lists import BAN_LISTS


def _facts(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(article_from_text(text))
    names = {e.id: e.name for e in ex.entities}
    return {(names[r.head], r.type.name, names[r.tail]) for r in ex.relations}


def test_covered_list_listing_is_a_ban_by_the_fcc(extractor: Extractor) -> None:
    got = _facts(extractor, "The FCC added Kestrel Devices to its Covered List in March.")
    assert ("Kestrel Devices", "BANNED", BAN_LISTS["FCC Covered List"]) in got
    assert not [f for f in got if f[1] == "DESIGNATED"], got


def test_covered_list_hedged_or_removed_is_no_ban(extractor: Extractor) -> None:
    text = "The FCC may add Kestrel Devices to its Covered List. Orvane Networks was removed from the Covered List."
    assert not [f for f in _facts(extractor, text) if f[1] in ("BANNED", "DESIGNATED")]


def test_export_lists_stay_listings(extractor: Extractor) -> None:
    got = _facts(extractor, "The Commerce Department added Kestrel Devices to the Entity List.")
    assert ("Kestrel Devices", "DESIGNATED", "US Entity List") in got
    assert not [f for f in got if f[1] == "BANNED"], got
