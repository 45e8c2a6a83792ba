"""Pictures of the sample articles through the CLI and the API, on every
store: the chain a reader of those articles expects (ASML to GTA
Semiconductor to China Electronics Corporation), sourced and credited."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient
from matplotlib import image as mpimg

from chipgraph.api.app import create_app
from chipgraph.api.cli import EXIT_NOT_FOUND, EXIT_USAGE, cli
from chipgraph.api.security import SecurityConfig
from chipgraph.graph import questions as q
from chipgraph.graph import scenes
from chipgraph.graph.picture import render_picture
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.store import GraphStore

SVG = "{http://www.w3.org/2000/svg}"
CHAIN_NAMES = ["ASML", "GTA Semiconductor", "China Electronics Corporation"]


def texts(svg: bytes) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_the_sample_chain_asml_gta_cec_is_drawn_in_order(samples: GraphStore, svg_labels) -> None:
    result = q.exposure(samples, samples.resolve_unique("ASML").id, max_hops=3)
    scene = scenes.exposure_scene(samples, result)
    svg = render_picture(scene.subgraph, "svg", **scene.picture_options())
    shown = texts(svg)
    pos = svg_labels(svg)
    xs = [pos[n][0] for n in CHAIN_NAMES]
    assert xs == sorted(xs) and len(set(xs)) == 3  # read left to right, as the chain runs
    assert "military" in shown and "24th Research Institute of CETC" in " ".join(shown)
    assert any("asml-shipments-to-chinese-defence-research.txt" in t for t in shown)
    assert any(t.startswith("chipgraph \u00b7 ") and t.endswith("sources listed") for t in shown)
    assert svg == render_picture(scene.subgraph, "svg", **scene.picture_options())


def test_cli_draws_each_kind_of_picture(sample_store_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()

    def run(*args: str) -> str:
        res = runner.invoke(cli, ["--store", str(sample_store_path), "render", *args], catch_exceptions=False)
        assert res.exit_code == 0, res.output
        return res.output

    run("--path", "ASML", "CEC", "-o", str(tmp_path / "chain.svg"))
    shown = texts((tmp_path / "chain.svg").read_bytes())
    assert "How ASML is connected to China Electronics Corporation" in shown
    assert all(n in " ".join(shown) for n in CHAIN_NAMES)

    run("--exposure", "ASML", "-o", str(tmp_path / "exposure.png"), "--date", "2026-11-26")
    png = (tmp_path / "exposure.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and mpimg.imread(io.BytesIO(png), format="png").shape[1] > 1000

    run("--owners", "GTA Semiconductor", "-o", str(tmp_path / "owners.svg"))
    assert "Who owns GTA Semiconductor" in texts((tmp_path / "owners.svg").read_bytes())
    run("GTA Semiconductor", "--depth", "2", "-o", str(tmp_path / "hood.svg"))
    run("GTA Semiconductor", "-o", str(tmp_path / "hood.html"))  # the page still works
    assert "GTA Semiconductor" in (tmp_path / "hood.html").read_text("utf-8")

    both = runner.invoke(cli, ["--store", str(sample_store_path), "render", "ASML", "--owners", "CEC", "-o", str(tmp_path / "x.png")])
    assert both.exit_code == EXIT_USAGE and "one thing to draw" in both.output
    missing = runner.invoke(cli, ["--store", str(sample_store_path), "render", "--path", "ASML", "Nobody Such Corp", "-o", str(tmp_path / "x.png")])
    assert missing.exit_code == EXIT_NOT_FOUND and "Traceback" not in missing.output


def test_api_serves_pictures_with_their_media_types(sample_store: SQLiteStore) -> None:
    client = TestClient(create_app(sample_store, security=SecurityConfig()), base_url="http://localhost")
    png = client.get("/render", params={"entity": "GTA Semiconductor", "depth": 1})
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n"
    svg = client.get("/render/path", params={"source": "ASML", "target": "CEC", "format": "svg"})
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert "script-src" not in svg.headers["content-security-policy"] and "default-src 'none'" in svg.headers["content-security-policy"]
    assert all(n in " ".join(texts(svg.content)) for n in CHAIN_NAMES)
    exposure = client.get("/render/exposure", params={"entity": "ASML", "format": "svg", "title": "<b>ASML</b>"})
    assert exposure.status_code == 200 and "<b>ASML</b>" in texts(exposure.content)
    owners = client.get("/render/owners", params={"entity": "GTA Semiconductor", "format": "svg"})
    assert "Who owns GTA Semiconductor" in texts(owners.content)
    assert client.get("/render", params={"entity": "Nobody Such Corp"}).status_code == 404
    assert client.get("/render", params={"entity": "ASML", "max_nodes": 5000}).status_code == 422
    assert client.get("/render", params={"entity": "ASML", "format": "gif"}).status_code == 422


def test_api_pictures_need_a_read_key_when_keys_are_set(sample_store: SQLiteStore) -> None:
    client = TestClient(create_app(sample_store, security=SecurityConfig(read_keys=frozenset({"r" * 32}))), base_url="http://localhost")
    assert client.get("/render", params={"entity": "ASML"}).status_code == 401
    ok = client.get("/render", params={"entity": "ASML", "format": "svg"}, headers={"X-API-Key": "r" * 32})
    assert ok.status_code == 200


def test_the_same_picture_in_every_process(sample_store_path: Path, tmp_path: Path) -> None:
    """Two runs with different hash seeds (set and dict orders) write the same bytes."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"military-{seed}.png"
        subprocess.run(
            [sys.executable, "-m", "chipgraph.api.cli", "--store", str(sample_store_path), "render",
             "--exposure", "military", "--reverse", "--hops", "2", "-o", str(out)],
            check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0][:8] == b"\x89PNG\r\n\x1a\n"
