"""The reference data (data/reference/): every organisation has a public
source, and no name or alias stands for two entities of one type, which
would make every mention of it ambiguous to the rulers and the scorer."""

from __future__ import annotations

from collections import defaultdict

from chipgraph.graph.model import EntityType, normalise_name
from chipgraph.graph.reference import company_towns, reference_entities


def test_names_are_unambiguous_within_a_type() -> None:
    owners: dict[tuple[str, EntityType], set[str]] = defaultdict(set)
    for ent in reference_entities():
        for name in ent.names():
            owners[(normalise_name(name), ent.type)].add(ent.name)
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert not shared, shared



def test_a_country_adjective_names_its_government() -> None:
    """A place row's "demonyms" give its government's names ("Indian
    authorities"), so a ban or stake stated by them has its country."""
    places = {e.name: e for e in reference_entities() if e.type == EntityType.GPE}
    india = set(places["India"].names())
    assert {"Indian government", "Indian authorities", "Indian regulators", "Indian watchdog"} <= india
    assert "Indian" not in india  # the adjective alone is no name of the state
    assert "Chinese regulators" in set(places["China"].names())


def test_company_towns_come_from_the_rows_with_their_sources() -> None:
    """A company's town is reference data with the row's public source, read
    with every name the company goes by."""
    towns = company_towns()
    assert {"asml", "asml holding"} <= towns["veldhoven"]
    assert "besi" in towns["duiven"]
    assert all(town == town.lower() and names for town, names in towns.items())
