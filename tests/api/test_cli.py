"""The `chipgraph` command through click's CliRunner, on real stores."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from chipgraph.api.cli import EXIT_NOT_FOUND, cli

SEEDLIKE = (
    "Orbit Foundry, which is owned by China Electronics Corporation, bought tools in 2024.\n\n"
    "ASML supplied a lithography machine to Orbit Foundry in 2024.\n"
)


def run(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_ingest_path_and_reingest(tmp_path: Path) -> None:
    store = str(tmp_path / "g.sqlite")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "orbit.txt").write_text(SEEDLIKE, encoding="utf-8")
    first = run("--store", store, "ingest", str(tmp_path / "a"))
    assert first.exit_code == 0, first.output
    assert "1 article(s) added" in first.output
    again = run("--store", store, "ingest", str(tmp_path / "a"))
    assert "0 article(s) added" in again.output and "1 already in the store" in again.output

    out = run("--store", store, "path", "ASML", "military")
    assert out.exit_code == 0, out.output
    assert "ASML -[SUPPLIED]-> Orbit Foundry -[OWNED_BY]-> China Electronics Corporation -[MILITARY_LINK]-> military" in out.output
    assert "source:" in out.output

    js = json.loads(run("--store", store, "path", "ASML", "military", "--json").output)
    assert js["paths"][0]["hops"][0]["evidence"][0]["sentence"]


def test_unknown_entity_exits_with_suggestions(sample_store_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--store", str(sample_store_path), "path", "ASMLL", "military"])
    assert result.exit_code == EXIT_NOT_FOUND
    assert "closest matches" in result.output and "ASML" in result.output
    assert "Traceback" not in result.output


def test_bad_files_are_reported_and_others_kept(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "latin1.txt").write_bytes("Caf\xe9 ASML supplied tools to Orbit Foundry.".encode("latin-1") + b"\xff\xfe\x00")
    (folder / "good.txt").write_text(SEEDLIKE, encoding="utf-8")
    store = str(tmp_path / "g.sqlite")
    result = CliRunner().invoke(cli, ["--store", store, "ingest", str(folder)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "binary.txt" in result.output
    assert "Traceback" not in result.output
    stats = run("--store", store, "stats").output
    assert "documents" in stats
    # the good article is stored despite its neighbours
    assert run("--store", store, "path", "Orbit Foundry", "China Electronics Corporation").exit_code == 0


def test_extract_prints_scorer_lines(tmp_path: Path) -> None:
    f = tmp_path / "orbit.txt"
    f.write_text(SEEDLIKE, encoding="utf-8")
    line = json.loads(run("extract", str(f), "--format", "jsonl").output.strip())
    assert line["file"] == "orbit.txt"
    assert {"head": "Orbit Foundry", "type": "OWNED_BY", "tail": "China Electronics Corporation"}.items() <= {
        k: v for r in line["relations"] if r["type"] == "OWNED_BY" for k, v in r.items()
    }.items()


def test_render_writes_offline_escaped_page(sample_store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "gta.html"
    result = run("--store", str(sample_store_path), "render", "GTA Semiconductor", "--depth", "2", "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "GTA Semiconductor" in html and "<script src=" not in html
    gml = tmp_path / "gta.graphml"
    assert run("--store", str(sample_store_path), "render", "gta semiconductor", "-o", str(gml)).exit_code == 0
    assert "<graphml" in gml.read_text(encoding="utf-8")


def test_render_cuts_a_neighbourhood_to_the_caps_and_says_so(sample_store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "asml.graphml"
    result = run("--store", str(sample_store_path), "render", "ASML", "--depth", "3", "--max-nodes", "3", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "cut to the caps" in result.output
    assert out.read_text(encoding="utf-8").count("<node ") <= 3
    assert run("--store", str(sample_store_path), "render", "ASML", "--max-nodes", "0", "-o", str(out)).exit_code == 2


def test_demo_prints_the_headline_chain(tmp_path: Path) -> None:
    result = run("demo", "--out", str(tmp_path / "demo.sqlite"))
    assert result.exit_code == 0, result.output
    assert (
        "ASML -[SUPPLIED]-> GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation -[MILITARY_LINK]-> military"
        in result.output
    )
    assert (tmp_path / "demo.html").exists()


def test_unsupported_store_url_is_a_clear_error() -> None:
    result = CliRunner().invoke(cli, ["--store", "postgres://x", "stats"])
    assert result.exit_code == 2 and "unknown store" in result.output


def test_eval_prints_scorer_table_first_then_languages_and_rules() -> None:
    from chipgraph.ingest import Extractor, evaluate

    fixtures = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"
    gold, articles = str(fixtures / "gold.jsonl"), str(fixtures / "articles")
    report = evaluate(fixtures / "gold.jsonl", fixtures / "articles", Extractor())
    out = run("eval", gold, articles, "--no-errors").output
    # backwards compatible: the scorer's table, unchanged, comes first
    assert out.startswith(report.table() + "\n\n")
    assert out.index("language en (") < out.index("language nl (") < out.index("language de (")
    assert "rule " not in out and "MISS" not in out
    with_rules = run("eval", gold, articles, "--by-rule", "--no-by-language", "--no-errors").output
    assert with_rules.startswith(report.table() + "\n\n" + report.rule_table())
    assert "language en" not in with_rules
