"""Official lists as data: the readers (one per format, over one engine),
and importing editions into every store (the ``store`` fixture runs each
store test on SQLite and on the Neo4j store over FalkorDB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chipgraph.graph import curation, questions
from chipgraph.graph.accepted import accepted_view
from chipgraph.graph.lists import EditionConflict, ListFileError, import_list, listing_status, read_list
from chipgraph.graph.lists.csl import CSL_COLUMNS, canonical_list
from chipgraph.graph.lists.known import listed_names
from chipgraph.graph.model import MILITARY_ID, Entity, EntityType, RelationType, entity_id
from chipgraph.graph.paths import PathQuery
from chipgraph.graph.store import GraphStore

from test_conformance import article

FIXTURES = Path(__file__).with_name("fixtures")
CSL_2024, CSL_2025 = FIXTURES / "csl-2024-06-01.csv", FIXTURES / "csl-2025-02-01.csv"
DOD_2024, DOD_2025 = FIXTURES / "1260h-2024.csv", FIXTURES / "1260h-2025.jsonl"
ENTITY_LIST = entity_id("US Entity List", EntityType.LIST)
DOD_LIST = entity_id("DoD Section 1260H list", EntityType.LIST)
QUORVANE = entity_id("Quorvane Lithotech Co., Ltd.", EntityType.ORG)
SMIC = entity_id("Semiconductor Manufacturing International Corporation", EntityType.ORG)
KALDROVEX = entity_id("Kaldrovex Microelectronics Group", EntityType.ORG)
KSI = entity_id("Kaldrovex Sensing Institute", EntityType.ORG)
AVIC = entity_id("Aviation Industry Corporation of China", EntityType.ORG)
D = RelationType.DESIGNATED


def imported(store: GraphStore, path: Path, edition: str, fmt: str | None = None):  # type: ignore[no-untyped-def]
    return import_list(store, path.read_bytes(), path.name, format=fmt, edition=edition)


def relation(store: GraphStore, head: str, rtype: RelationType, tail: str):  # type: ignore[no-untyped-def]
    return store.relations_by_key([(head, rtype.value, tail)])[(head, rtype.value, tail)]


# -- readers ----------------------------------------------------------------------
def test_csl_fixture_has_the_real_header() -> None:
    assert CSL_2024.read_text(encoding="utf-8").splitlines()[0].split(",") == list(CSL_COLUMNS)
    assert len(CSL_COLUMNS) == 29


def test_csl_rows_become_entries_of_canonical_lists() -> None:
    read = read_list(CSL_2024.read_bytes(), CSL_2024.name)
    assert read.format == "csl"
    by_name = {e.name: e for e in read.entries}
    assert "SEA LANTERN" not in by_name  # a vessel is no party of a supply chain
    q = by_name["Quorvane Lithotech Co., Ltd."]
    assert (q.list_name, q.aliases, q.listed, q.program, q.country, q.row) == (
        "US Entity List", ("Quorvane Litho", "Wuxi Quorvane"), "2023-03-02", "EAR", "CN", 2)
    assert q.source_url == "https://www.bis.gov/entity-list"
    assert by_name["Tessomar Trading Limited"].list_name == "Unverified List"
    assert by_name["Kaldrovex Microelectronics Group"].list_name == "NS-CMIC List"
    person = by_name["PETRENKO, Arkady"]
    assert person.type is EntityType.PERSON
    assert person.list_name == "Specially Designated Nationals (SDN) - Treasury Department"


@pytest.mark.parametrize(
    ("source", "canonical"),
    [
        ("Entity List (EL) - Bureau of Industry and Security", "US Entity List"),
        ("Unverified List (UVL) - Bureau of Industry and Security", "Unverified List"),
        ("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department", "NS-CMIC List"),
        ("Military End User (MEU) List - Bureau of Industry and Security",
         "Military End User (MEU) List - Bureau of Industry and Security"),
    ],
)
def test_csl_sources_map_to_the_lists_articles_name(source: str, canonical: str) -> None:
    assert canonical_list(source) == canonical


def test_1260h_csv_and_json_lines_read_alike() -> None:
    csv_entries = read_list(DOD_2024.read_bytes(), DOD_2024.name).entries
    json_entries = read_list(DOD_2025.read_bytes(), DOD_2025.name).entries
    assert {e.list_name for e in (*csv_entries, *json_entries)} == {"DoD Section 1260H list"}
    ksi = next(e for e in csv_entries if e.name == "Kaldrovex Sensing Institute")
    assert (ksi.aliases, ksi.parents, ksi.listed, ksi.row) == (("KSI",), ("Kaldrovex Microelectronics Group",), "2024-01-31", 3)
    avic_csv = next(e for e in csv_entries if e.name.startswith("Aviation"))
    avic_json = next(e for e in json_entries if e.name.startswith("Aviation"))
    assert (avic_csv.aliases, avic_csv.parents) == (avic_json.aliases, avic_json.parents) == (("AVIC",), ())


_HEADER = ",".join(CSL_COLUMNS)
_EMPTY = "," * 22


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("bad-date.csv", f"{_HEADER}\nx1,Entity List (EL) - Bureau of Industry and Security,,,EAR,Foo Ltd,,,,03/02/2023{_EMPTY[:-3]}\n",
         "bad-date.csv, row 2, column 'start_date'"),
        ("no-alt-names.csv", "_id,source,entity_number,type,programs,name,addresses,start_date,source_list_url\n",
         "no-alt-names.csv, row 1"),
        ("bad-type.csv", f"{_HEADER}\nx1,Entity List (EL) - Bureau of Industry and Security,,Company,EAR,Foo Ltd{_EMPTY}\n",
         "bad-type.csv, row 2, column 'type'"),
        ("broken.jsonl", '{"name": "Foo Group"}\n{"name": "Bar\n', "broken.jsonl, row 2"),
        ("aliases.jsonl", '{"name": "Foo Group", "aliases": 7}\n', "aliases.jsonl, row 1, column 'aliases'"),
        ("column.csv", "name,aliases,owner\nFoo Group,,Bar\n", "column.csv, row 1, column 'owner'"),
        ("noname.csv", "name,aliases\nFoo Group,\n,Bar\n", "noname.csv, row 3, column 'name'"),
        ("latin1.csv", "name\nSoci\xe9t\xe9 Foo\n", "latin1.csv, row 2"),
        ("other.txt", "hello world\n", "other.txt: not a list format"),
    ],
)
def test_a_bad_file_names_its_row_and_column(name: str, content: str, where: str) -> None:
    data = content.encode("latin-1") if name == "latin1.csv" else content.encode("utf-8")
    with pytest.raises(ListFileError) as err:
        read_list(data, name)
    assert str(err.value).startswith(where)


# -- importing into a store (every store) ---------------------------------------------
def test_csl_import_writes_listings_with_their_row(store: GraphStore) -> None:
    done = imported(store, CSL_2024, "2024-06-01")
    assert done.format == "csl"
    assert {e.list_name: e.entries for e in done.editions} == {
        "US Entity List": 3, "Unverified List": 1, "NS-CMIC List": 1,
        "Specially Designated Nationals (SDN) - Treasury Department": 1,
    }
    quorvane = store.get_entity(QUORVANE)
    assert quorvane is not None and {"Quorvane Litho", "Wuxi Quorvane"} <= set(quorvane.aliases)
    assert quorvane.country == "CN"
    rel = relation(store, QUORVANE, D, ENTITY_LIST)
    (ev,) = rel.evidence
    assert ev.method == "list-import" and ev.source == CSL_2024.name
    assert dict(ev.attributes) == {
        "edition": "2024-06-01", "file": CSL_2024.name, "row": "2", "program": "EAR", "listed": "2023-03-02",
        "source_url": "https://www.bis.gov/entity-list",
        "list_source": "Entity List (EL) - Bureau of Industry and Security",
    }
    doc = store.get_document(ev.document_id)
    assert doc is not None and doc.text[ev.start:ev.end] == ev.sentence and doc.date == "2024-06-01"
    # a listed company the reference data knows is that entity, not a new one
    assert any(e.method == "list-import" for e in relation(store, SMIC, D, ENTITY_LIST).evidence)
    # NS-CMIC is a list of Chinese military companies: the import gives the military link too
    mil = relation(store, KALDROVEX, RelationType.MILITARY_LINK, MILITARY_ID)
    assert [e.method for e in mil.evidence] == ["list-import"]
    lists = store.entity_ids_of_type(EntityType.LIST)
    assert lists == sorted(lists) and {ENTITY_LIST, MILITARY_ID} <= set(lists) and QUORVANE not in lists
    person = store.lookup("PETRENKO, Arkady")
    assert [e.type for e in person] == [EntityType.PERSON]


def test_reimporting_an_edition_changes_nothing(store: GraphStore) -> None:
    imported(store, CSL_2024, "2024-06-01")
    before = store.counts()
    again = imported(store, CSL_2024, "2024-06-01")
    assert not any(e.added for e in again.editions)
    assert store.counts() == before


def test_a_newer_edition_shows_removals_and_keeps_history(store: GraphStore) -> None:
    imported(store, CSL_2024, "2024-06-01")
    done = imported(store, CSL_2025, "2025-02-01")
    el = next(e for e in done.editions if e.list_name == "US Entity List")
    assert el.removed == ("Quorvane Lithotech Co., Ltd.",)
    rel = relation(store, QUORVANE, D, ENTITY_LIST)
    assert len(rel.evidence) == 2  # the listing and its removal: nothing deleted
    status = listing_status(rel)
    assert status is not None and not status.current
    assert status.describe() == (
        "listed on 2023-03-02 by the edition of 2024-06-01 (csl-2024-06-01.csv, row 2); removed on 2025-02-01"
    )
    smic = listing_status(relation(store, SMIC, D, ENTITY_LIST))
    assert smic is not None and smic.current and smic.edition == "2025-02-01"
    virenta = store.resolve("Virenta Semiconductor Equipment")
    assert listing_status(relation(store, virenta.id, D, ENTITY_LIST)).current  # type: ignore[union-attr]

    # screening no longer counts the removed listing; the page shows its history
    assert questions.exposure(store, QUORVANE).hits == ()
    members = {h.entity.id for h in questions.exposure(store, ENTITY_LIST, reverse=True, max_hops=0).hits}
    assert SMIC in members and virenta.id in members and QUORVANE not in members
    page = questions.entity_page(store, QUORVANE)
    (listing,) = page.to_dict()["lists"]
    assert listing["listing"] == {"listed": "2023-03-02", "edition": "2024-06-01", "file": CSL_2024.name,
                                  "row": "2", "removed": "2025-02-01", "current": False}


def test_an_older_edition_imported_late_finds_its_removals(store: GraphStore) -> None:
    imported(store, CSL_2025, "2025-02-01")
    imported(store, CSL_2024, "2024-06-01")
    status = listing_status(relation(store, QUORVANE, D, ENTITY_LIST))
    assert status is not None and (status.current, status.removed, status.edition) == (False, "2025-02-01", "2024-06-01")
    smic = listing_status(relation(store, SMIC, D, ENTITY_LIST))
    assert smic is not None and smic.current and smic.edition == "2025-02-01"


def test_one_edition_from_two_files_is_refused_and_nothing_written(store: GraphStore) -> None:
    imported(store, CSL_2024, "2024-06-01")
    before = store.counts()
    with pytest.raises(EditionConflict, match="US Entity List edition of 2024-06-01"):
        imported(store, CSL_2025, "2024-06-01")
    assert store.counts() == before


def test_a_bad_file_writes_nothing(store: GraphStore, tmp_path: Path) -> None:
    imported(store, CSL_2024, "2024-06-01")
    before = store.counts()
    lines = CSL_2025.read_text(encoding="utf-8").splitlines()
    lines[-1] = lines[-1].replace("2025-01-15", "15 Jan 2025")
    with pytest.raises(ListFileError, match=r"row 8, column 'start_date'"):
        import_list(store, "\n".join(lines).encode(), "edited.csv", edition="2025-02-01")
    assert store.counts() == before


def test_1260h_gives_ownership_military_links_and_removals(store: GraphStore) -> None:
    imported(store, DOD_2024, "2024-01-31")
    owned = relation(store, KSI, RelationType.OWNED_BY, KALDROVEX)
    assert [(e.method, e.attributes["row"]) for e in owned.evidence] == [("list-import", "3")]
    assert relation(store, KSI, RelationType.MILITARY_LINK, MILITARY_ID).evidence[0].method == "list-import"
    assert relation(store, AVIC, D, DOD_LIST) is not None  # the reference data's AVIC
    done = imported(store, DOD_2025, "2025-01-07")
    assert done.editions[0].removed == ("Kaldrovex Sensing Institute",)
    for rtype, tail in ((D, DOD_LIST), (RelationType.MILITARY_LINK, MILITARY_ID)):
        status = listing_status(relation(store, KSI, rtype, tail))
        assert status is not None and (status.current, status.removed) == (False, "2025-01-07")
    assert questions.exposure(store, KSI, max_hops=0).hits == ()
    morvath = store.resolve("Morvath Aerospace Electronics")
    assert relation(store, morvath.id, RelationType.OWNED_BY, AVIC).evidence[0].method == "list-import"
    # KSI is owned by a company still listed: one hop away, that is exposure
    (hit,) = questions.exposure(store, KSI, max_hops=1).hits
    assert hit.entity.id == KALDROVEX


def _described(store: GraphStore, source: str, target: str, **kw: object) -> list[str]:
    return [p.describe() for p in store.paths(PathQuery(source, target, **kw))]  # type: ignore[arg-type]


def test_paths_leave_out_what_a_newer_edition_removed(store: GraphStore) -> None:
    # our own sentences: a buyer of a listed company's tools, and of a delisted one's
    text = "Brenmoor Foundry bought steppers from Quorvane Lithotech. Brenmoor Foundry also bought etchers from SMIC."
    brenmoor = Entity.create("Brenmoor Foundry", EntityType.ORG)
    quorvane, smic = store_entity(store, QUORVANE), store_entity(store, SMIC)
    imported(store, CSL_2024, "2024-06-01")
    store.add(article(text, "https://news.example/brenmoor", [
        (quorvane, RelationType.SUPPLIED, brenmoor, "Brenmoor Foundry bought steppers from Quorvane Lithotech."),
        (smic, RelationType.SUPPLIED, brenmoor, "Brenmoor Foundry also bought etchers from SMIC."),
    ]))
    both = dict(direction="both", max_hops=2)
    listed = _described(store, brenmoor.id, ENTITY_LIST, **both)
    assert len(listed) == 2 and any("Quorvane" in p for p in listed)

    imported(store, CSL_2025, "2025-02-01")  # no longer names Quorvane
    (still,) = _described(store, brenmoor.id, ENTITY_LIST, **both)
    assert "Semiconductor Manufacturing International" in still and "Quorvane" not in still
    assert _described(store, QUORVANE, ENTITY_LIST) == []
    # the history is one flag away, and the accepted-only view agrees
    assert _described(store, brenmoor.id, ENTITY_LIST, include_removed=True, **both) == listed
    assert _described(store, QUORVANE, ENTITY_LIST, include_removed=True) == [
        "Quorvane Lithotech Co., Ltd. -[DESIGNATED]-> US Entity List"]
    for key in ((QUORVANE, "DESIGNATED", ENTITY_LIST), (quorvane.id, "SUPPLIED", brenmoor.id)):
        curation.accept(store, key, "ana", "checked")
    view = accepted_view(store, True)
    assert view.paths(PathQuery(brenmoor.id, ENTITY_LIST, direction="both", max_hops=2)) == []
    assert len(view.paths(PathQuery(brenmoor.id, ENTITY_LIST, direction="both", max_hops=2, include_removed=True))) == 1


def test_a_military_link_an_article_states_outlives_its_removal_from_a_list(store: GraphStore) -> None:
    imported(store, DOD_2024, "2024-01-31")
    imported(store, DOD_2025, "2025-01-07")  # no longer names KSI
    # KSI's own link lapsed; its listed owner's still holds
    assert _described(store, KSI, MILITARY_ID) == [
        "Kaldrovex Sensing Institute -[OWNED_BY]-> Kaldrovex Microelectronics Group -[MILITARY_LINK]-> military"]
    assert len(_described(store, KSI, MILITARY_ID, include_removed=True)) == 2
    text = "Kaldrovex Sensing Institute builds seekers for the air force."
    ksi, military = store_entity(store, KSI), store_entity(store, MILITARY_ID)
    store.add(article(text, "https://news.example/ksi", [(ksi, RelationType.MILITARY_LINK, military, text)]))
    assert _described(store, KSI, MILITARY_ID)[0] == "Kaldrovex Sensing Institute -[MILITARY_LINK]-> military"
    # an article's military link does not re-list it: only its owner's listing remains
    assert _described(store, KSI, DOD_LIST) == [
        "Kaldrovex Sensing Institute -[OWNED_BY]-> Kaldrovex Microelectronics Group -[DESIGNATED]-> DoD Section 1260H list"]


def store_entity(store: GraphStore, entity_id: str) -> Entity:
    """The stored entity, or the one the reference data will write under that id."""
    found = store.get_entity(entity_id)
    if found is not None:
        return found
    names = {QUORVANE: "Quorvane Lithotech Co., Ltd.", SMIC: "Semiconductor Manufacturing International Corporation"}
    return Entity.create(names[entity_id], EntityType.ORG)


def test_listed_names_for_the_recogniser(store: GraphStore) -> None:
    assert listed_names(store).entities == ()
    imported(store, CSL_2024, "2024-06-01")
    first = listed_names(store)
    assert QUORVANE in {e.id for e in first.entities} and SMIC in {e.id for e in first.entities}
    assert listed_names(store) is first  # unchanged lists: the same (cached) answer
    imported(store, CSL_2025, "2025-02-01")
    second = listed_names(store)
    assert second.version != first.version
    assert QUORVANE in {e.id for e in second.entities}  # removed, still a company to recognise
