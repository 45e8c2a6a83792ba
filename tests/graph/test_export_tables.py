"""CSV tables (issue 11): nodes, one edge row per relation with its evidence
count, one evidence row per sentence with the article's title, date and URL
or file name; stable order, formula-safe cells, one zip for the API."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from chipgraph.graph.exports import exporter, relation_id
from chipgraph.graph.exports.tables import spreadsheet_safe

from export_samples import SCRIPT, data_of, hostile_extraction, sample
from test_conformance import ARTICLES


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_three_tables_named_from_the_stem(tmp_path: Path) -> None:
    data = sample()
    written = exporter("csv").write_files(data, tmp_path / "asml.csv")
    assert [p.name for p in written] == ["asml.nodes.csv", "asml.edges.csv", "asml.evidence.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)  # no temporary file left
    assert [p.name for p in exporter("csv").outputs(tmp_path / "asml")] == [p.name for p in written]

    nodes, edges, evidence = (rows(p) for p in written)
    assert [n["Id"] for n in nodes] == sorted(e.id for e in data.entities)
    assert {n["Label"] for n in nodes} == {spreadsheet_safe(e.name) for e in data.entities}
    assert [e["Id"] for e in edges] == [relation_id(r) for r in data.relations]  # one row per relation, by key
    for row, r in zip(edges, data.relations):
        assert (row["Source"], row["Target"], row["Label"], row["Type"]) == (r.head, r.tail, r.type.value, "Directed")
        assert int(row["evidence_count"]) == len(r.evidence)
    assert len(evidence) == sum(len(r.evidence) for r in data.relations)
    assert [e["edge_id"] for e in evidence] == [relation_id(r) for r in data.relations for _ in r.evidence]


def test_evidence_rows_cite_the_article(tmp_path: Path) -> None:
    _, _, ev_path = exporter("csv").write_files(data_of(ARTICLES), tmp_path / "g.csv")
    evidence = rows(ev_path)
    by_sentence = {e["sentence"]: e for e in evidence}
    for x in ARTICLES:
        for r in x.relations:
            for ev in r.evidence:
                row = by_sentence[ev.sentence]
                assert row["document_id"] == x.document.id
                assert row["url_or_file"] == x.document.source and row["date"] == (x.document.date or "")
                assert (int(row["start"]), int(row["end"]), row["method"]) == (ev.start, ev.end, ev.method)
                assert x.document.text[int(row["start"]) : int(row["end"])] == row["sentence"]


def test_formula_cells_are_text_and_html_stays_text(tmp_path: Path) -> None:
    _, edges_path, ev_path = exporter("csv").write_files(data_of([hostile_extraction()]), tmp_path / "h.csv")
    (ev,) = rows(ev_path)
    assert ev["title"].startswith("'=cmd")  # a spreadsheet shows it, never runs it
    assert SCRIPT in ev["title"] and SCRIPT in ev["target_name"]
    assert "type=-reserved name" in ev["attributes"]
    (edge,) = rows(edges_path)
    assert edge["type"] == "'-reserved name" and edge["date"] == "2024"  # one column per stated attribute
    with edges_path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert len(header) == len(set(header)) and "attr_confidence" in header and header.count("confidence") == 1
    assert spreadsheet_safe(-1.5) == -1.5 and spreadsheet_safe("@x") == "'@x" and spreadsheet_safe("ok") == "ok"


def test_reexport_is_byte_identical_and_zip_holds_the_same_tables(tmp_path: Path) -> None:
    first = [p.read_bytes() for p in exporter("csv").write_files(sample(), tmp_path / "a.csv")]
    second = [p.read_bytes() for p in exporter("csv").write_files(sample(), tmp_path / "b.csv")]
    assert first == second
    blob = exporter("csv").to_bytes(sample())
    assert blob == exporter("csv").to_bytes(sample())  # fixed timestamps: the same graph, the same zip
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        assert zf.namelist() == ["nodes.csv", "edges.csv", "evidence.csv"]
        assert [zf.read(n) for n in zf.namelist()] == first
