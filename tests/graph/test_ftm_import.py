"""FtM import (issue 11) on every store: export -> import -> export gives the
same facts (entities with names, aliases, types and countries; relations;
each sentence with its article's title, date and URL or file name, its
confidence and what it states); a bad line is an error naming it, and nothing
of that file is written; importing twice adds nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from chipgraph.graph.errors import ImportFormatError
from chipgraph.graph.exports import GraphData, exporter
from chipgraph.graph.ftm_import import IMPORT_METHOD, import_ftm
from chipgraph.graph.store import GraphStore

from export_samples import EXTRACTIONS


def facts(store: GraphStore) -> dict[str, Any]:
    """What a reader sees of the graph, without ids of documents or methods."""
    data = GraphData.from_store(store)
    entities = sorted((e.id, e.name, e.type.value, tuple(sorted(e.aliases)), e.country) for e in data.entities)
    relations = {}
    for r in data.relations:
        relations[r.key] = sorted(
            (
                ev.sentence,
                round(ev.confidence, 4),
                tuple(ev.attributes.items()),
                data.source_of(ev),
                data.documents[ev.document_id].title,
                data.documents[ev.document_id].date,
            )
            for ev in r.evidence
        )
    return {"entities": entities, "relations": relations}


def exported(store: GraphStore, path: Path) -> Path:
    (out,) = exporter("ftm").write_files(GraphData.from_store(store), path)
    return out


@pytest.fixture
def source(new_store: Callable[[str], GraphStore]) -> GraphStore:
    store = new_store("sqlite")
    for x in EXTRACTIONS:
        store.add(x)
    return store


def test_export_import_export_keeps_the_facts(source: GraphStore, store: GraphStore, tmp_path: Path) -> None:
    report = import_ftm(store, exported(source, tmp_path / "a.ftm.jsonl"))
    assert report.relations == source.counts()["relations"] and report.evidence == source.counts()["evidence"]
    assert facts(store) == facts(source)
    for r in store.relations():
        assert all(ev.method.startswith(f"{IMPORT_METHOD}:a.ftm.jsonl:") for ev in r.evidence)
        for ev in r.evidence:  # offsets point into the stored text, as for any document
            doc = store.get_document(ev.document_id)
            assert doc is not None and doc.text[ev.start : ev.end] == ev.sentence
    # and once more: the imported graph exports to the same facts again
    again = exported(store, tmp_path / "b.ftm.jsonl")
    assert sorted(json.loads(x)["schema"] for x in again.read_text().splitlines()) == sorted(
        json.loads(x)["schema"] for x in (tmp_path / "a.ftm.jsonl").read_text().splitlines()
    )


def test_importing_twice_adds_nothing(source: GraphStore, store: GraphStore, tmp_path: Path) -> None:
    path = exported(source, tmp_path / "a.ftm.jsonl")
    first = import_ftm(store, path)
    counts = store.counts()
    second = import_ftm(store, path)
    assert first.documents_added == first.documents > 0 and second.documents_added == 0
    assert store.counts() == counts


def _lines(source: GraphStore, tmp_path: Path) -> list[str]:
    return exported(source, tmp_path / "good.ftm.jsonl").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda lines: lines.insert(2, "{not json"), "line 3: not JSON"),
        (lambda lines: lines.insert(4, '["a list"]'), "line 5: not a JSON object"),
        (lambda lines: lines.insert(0, '{"schema": "Company", "properties": {}}'), 'line 1: no "id"'),
        (lambda lines: lines.append('{"id": "x", "schema": "Company", "properties": {"name": "ASML"}}'), "lists of strings"),
        (lambda lines: lines.append('{"id": "l", "schema": "UnknownLink", "properties": {"subject": ["nobody"], "object": ["nobody"], "role": ["supplied"]}}'),
         "no line of the file defines it"),
        (lambda lines: lines.append(lines[0]), "is used again (first on line 1)"),
        (lambda lines: lines.append('{"id": "s", "schema": "Sanction", "properties": {"entity": ["%s"]}}' % json.loads(lines[0])["id"]),
         "needs a program"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_written(
    source: GraphStore, store: GraphStore, tmp_path: Path, mutate: Callable[[list[str]], None], message: str
) -> None:
    lines = _lines(source, tmp_path)
    mutate(lines)
    bad = tmp_path / "bad.ftm.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        import_ftm(store, bad)
    assert str(bad) in str(info.value)
    assert store.counts() == {"documents": 0, "entities": 0, "relations": 0, "evidence": 0}


def test_other_schemata_are_skipped_and_counted(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "other.ftm.jsonl"
    lines = [
        {"id": "a", "schema": "Company", "properties": {"name": ["Acme Wafers"], "country": ["de"]}},
        {"id": "b", "schema": "LegalEntity", "properties": {"name": ["Beta Holdings"], "alias": ["Beta"]}},
        {"id": "o", "schema": "Ownership", "properties": {"owner": ["b"], "asset": ["a"], "percentage": ["60"]}},
        {"id": "a2", "schema": "Company", "properties": {"name": ["Acme Wafers"], "alias": ["Acme"]}},
        {"id": "s", "schema": "Sanction", "properties": {"entity": ["a2"], "program": ["Entity List"], "summary": ["Acme is on the list."]}},
        {"id": "x", "schema": "Address", "properties": {"full": ["1 Main St"]}},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    report = import_ftm(store, path)
    assert report.skipped == {"Address": 1}
    owned, listed = sorted(store.relations(), key=lambda r: r.type.value != "OWNED_BY")
    assert owned.key == ("org:acme-wafers", "OWNED_BY", "org:beta")  # the asset is owned by the owner
    assert listed.key == ("org:acme-wafers", "DESIGNATED", "list:entity-list")
    (ev,) = listed.evidence  # a sentence without an article is kept, in the file's own document
    doc = store.get_document(ev.document_id)
    assert doc is not None and doc.text[ev.start : ev.end] == "Acme is on the list." and doc.source.startswith("other.ftm.jsonl")
    acme = store.get_entity("org:acme-wafers")
    assert acme.country == "DE" and "Acme" in acme.aliases  # two lines naming one company: one entity
    assert "Beta" in store.get_entity("org:beta").aliases


def test_an_unreadable_file_is_a_clear_error(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "latin1.ftm.jsonl"
    path.write_bytes(b'{"id": "a", "schema": "Company", "properties": {"name": ["Caf\xe9"]}}\n')
    with pytest.raises(ImportFormatError, match="not UTF-8"):
        import_ftm(store, path)
    with pytest.raises(ImportFormatError, match="cannot read"):
        import_ftm(store, tmp_path / "missing.ftm.jsonl")
