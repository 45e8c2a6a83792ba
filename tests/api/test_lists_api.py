"""Lists through the CLI and the API, and the listed names reaching the
recogniser: an article naming only an obscure listed company is read."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from chipgraph.api.app import create_app
from chipgraph.api.cli import cli
from chipgraph.api.pipeline import ingest_article, known_names
from chipgraph.api.security import SecurityConfig
from chipgraph.graph.lists import import_list
from chipgraph.graph.model import EntityType, RelationType, entity_id
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.ingest import Extractor, article_from_text

FIXTURES = Path(__file__).resolve().parents[1] / "graph" / "fixtures"
CSL_2024, CSL_2025 = FIXTURES / "csl-2024-06-01.csv", FIXTURES / "csl-2025-02-01.csv"
WRITE = "w-key-for-list-tests"
QUORVANE = entity_id("Quorvane Lithotech Co., Ltd.", EntityType.ORG)
#: our own sentences; Quorvane Lithotech (alias Wuxi Quorvane) is a made-up
#: company only the list names, which the NER takes for the city of Wuxi
ARTICLE = (
    "Wuxi Quorvane was added to the Entity List in March 2023.\n\n"
    "Wuxi Quorvane shipped etching machines to Hua Hong Semiconductor."
)


def _facts(extraction) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {r.key for r in extraction.relations}


def test_listed_names_reach_the_recogniser(tmp_path: Path, extractor: Extractor) -> None:
    article = article_from_text(ARTICLE, source="quorvane.txt")
    without = extractor.extract(article)
    assert QUORVANE not in {e.id for e in without.entities}  # the NER alone misses the name
    assert not any(QUORVANE in (r.head, r.tail) for r in without.relations)
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        import_list(store, CSL_2024.read_bytes(), CSL_2024.name, edition="2024-06-01")
        _, extraction = ingest_article(store, article, extractor)
        hua_hong = entity_id("Hua Hong Semiconductor", EntityType.ORG)
        entity_list = entity_id("US Entity List", EntityType.LIST)
        assert {(QUORVANE, "DESIGNATED", entity_list), (QUORVANE, "SUPPLIED", hua_hong)} <= _facts(extraction)
        # the article's evidence joins the list's on the one stored relation
        rel = store.relations_by_key([(QUORVANE, "DESIGNATED", entity_list)])[(QUORVANE, "DESIGNATED", entity_list)]
        assert {e.method for e in rel.evidence} >= {"list-import"} and len({e.document_id for e in rel.evidence}) == 2
        # the matcher is built once per version of the lists
        assert known_names(store).version == known_names(store).version


def test_cli_imports_and_show_tells_the_history(tmp_path: Path) -> None:
    store = str(tmp_path / "cli.sqlite")
    runner = CliRunner()
    first = runner.invoke(cli, ["--store", store, "lists", "import", str(CSL_2024), "--edition", "2024-06-01"])
    assert first.exit_code == 0, first.output
    assert "US Entity List, edition of 2024-06-01: 3 entries" in first.output
    second = runner.invoke(cli, ["--store", store, "lists", "import", str(CSL_2025), "--list", "csl",
                                 "--edition", "2025-02-01"])
    assert second.exit_code == 0, second.output
    assert "removed from the US Entity List on 2025-02-01: Quorvane Lithotech Co., Ltd." in second.output
    shown = runner.invoke(cli, ["--store", store, "show", "Quorvane Litho"])
    assert shown.exit_code == 0, shown.output
    assert ("listed on 2023-03-02 by the edition of 2024-06-01 (csl-2024-06-01.csv, row 2); "
            "removed on 2025-02-01  (no longer listed)") in shown.output
    # a path no longer ends at the removed listing, unless asked for history
    gone = runner.invoke(cli, ["--store", store, "path", "Quorvane Litho", "US Entity List"])
    assert gone.exit_code == 0 and gone.output.startswith("no path from Quorvane Lithotech Co., Ltd. to US Entity List")
    history = runner.invoke(cli, ["--store", store, "path", "Quorvane Litho", "US Entity List", "--include-removed"])
    assert history.exit_code == 0 and "Quorvane Lithotech Co., Ltd. -[DESIGNATED]-> US Entity List" in history.output
    # `ingest` hands the listed names to the recogniser too
    article = tmp_path / "quorvane.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(cli, ["--store", store, "ingest", str(article)]).exit_code == 0
    supplied = runner.invoke(cli, ["--store", store, "show", "Quorvane Litho", "--json"])
    assert [r["other_name"] for r in json.loads(supplied.output)["relations"]["SUPPLIED"]] == ["Hua Hong Semiconductor"]
    bad = tmp_path / "bad.csv"
    bad.write_text(CSL_2025.read_text(encoding="utf-8").replace("2025-01-15", "Jan 2025"), encoding="utf-8")
    failed = runner.invoke(cli, ["--store", store, "lists", "import", str(bad), "--edition", "2025-03-01"])
    assert failed.exit_code == 2 and "bad.csv, row 8, column 'start_date'" in failed.output
    assert "Traceback" not in failed.output
    wrong_date = runner.invoke(cli, ["--store", store, "lists", "import", str(CSL_2025), "--edition", "2025-13-01"])
    assert wrong_date.exit_code == 2 and "not a date" in wrong_date.output


def test_post_lists_needs_a_write_key_and_imports(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "api.sqlite") as store:
        app = create_app(store, security=SecurityConfig(write_keys=frozenset({WRITE})))
        with TestClient(app, base_url="http://localhost") as client:
            body = {"content": CSL_2024.read_text(encoding="utf-8"), "file": CSL_2024.name, "edition": "2024-06-01"}
            assert client.post("/lists", json=body).status_code == 401
            r = client.post("/lists", json=body, headers={"X-API-Key": WRITE})
            assert r.status_code == 201, r.text
            assert r.json()["format"] == "csl"
            assert {e["list"]: e["entries"] for e in r.json()["editions"]}["US Entity List"] == 3
            before = store.counts()
            bad = {**body, "content": body["content"].replace("2023-03-02", "March 2023"), "edition": "2024-07-01"}
            r = client.post("/lists", json=bad, headers={"X-API-Key": WRITE})
            assert r.status_code == 422
            assert r.json()["detail"].startswith("csl-2024-06-01.csv, row 2, column 'start_date'")
            assert store.counts() == before  # nothing of a failed import is written
            page = client.get("/show", params={"entity": "Quorvane Litho"}).json()
            assert page["lists"][0]["listing"]["current"] is True
            assert json.dumps(page)  # the answer is plain JSON
            assert RelationType.DESIGNATED.value in page["relations"]
            # a newer edition drops Quorvane: GET /paths leaves the listing out unless asked for history
            newer = {"content": CSL_2025.read_text(encoding="utf-8"), "file": CSL_2025.name, "edition": "2025-02-01"}
            assert client.post("/lists", json=newer, headers={"X-API-Key": WRITE}).status_code == 201
            ask = {"source": "Quorvane Litho", "target": "US Entity List"}
            assert client.get("/paths", params=ask).json()["paths"] == []
            (old,) = client.get("/paths", params={**ask, "include_removed": "true"}).json()["paths"]
            assert old["description"] == "Quorvane Lithotech Co., Ltd. -[DESIGNATED]-> US Entity List"


def test_the_workbench_path_page_follows_removed_listings_only_when_ticked(tmp_path: Path) -> None:
    """The path page, its drawing and its exports leave a listing a newer
    edition removed out, as GET /paths does, unless the box is ticked."""
    with SQLiteStore(tmp_path / "wb.sqlite") as store:
        import_list(store, CSL_2024.read_bytes(), CSL_2024.name, edition="2024-06-01")
        import_list(store, CSL_2025.read_bytes(), CSL_2025.name, edition="2025-02-01")
        with TestClient(create_app(store, security=SecurityConfig()), base_url="http://localhost") as client:
            ask = {"source": "Quorvane Litho", "target": "US Entity List"}
            now = client.get("/ui/path", params=ask)
            assert now.status_code == 200 and "No path of at most 4 hops" in now.text
            assert 'id="path-include-removed">' in now.text  # offered, not ticked
            then = client.get("/ui/path", params={**ask, "include_removed": "true"})
            assert then.status_code == 200 and "No path" not in then.text
            assert 'id="path-include-removed" checked>' in then.text
            assert "include_removed=true" in then.text  # the drawing and exports ask the same question
            drawing = {"kind": "path", **ask, "format": "graphml"}
            assert "DESIGNATED" in client.get("/ui/export", params={**drawing, "include_removed": "true"}).text
            assert "DESIGNATED" not in client.get("/ui/export", params=drawing).text
