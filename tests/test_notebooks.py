"""The researchers' notebooks in notebooks/ (issue 11): committed clean, and
run top to bottom on the sample articles in the project's own kernel.

Each notebook is executed with nbclient in the ``python3`` kernel, which
``bash .ci/setup`` registers inside .venv (``ipykernel install --sys-prefix``),
so the kernel is the venv's Python.  A cell error fails the test.  Each
notebook writes a summary of what it found to $CHIPGRAPH_NOTEBOOK_SUMMARY_DIR,
and the tests check those answers against the sample articles.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from chipgraph.graph.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
DEMO_QUESTIONS = json.loads((ROOT / "data" / "articles" / "demo.json").read_text(encoding="utf-8"))
#: the kernel's interpreter, printed by a cell the test appends (never saved)
WHICH_PYTHON = "import sys; print(sys.executable)"


def committed() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def run_notebook(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **env: str) -> tuple[Any, dict[str, Any]]:
    """Execute notebooks/``name`` (in memory: the file is not changed) and
    return the executed notebook and the summary it wrote."""
    summary_dir = tmp_path / "summary"
    summary_dir.mkdir()
    monkeypatch.setenv("CHIPGRAPH_NOTEBOOK_SUMMARY_DIR", str(summary_dir))
    monkeypatch.delenv("CHIPGRAPH_NOTEBOOK_BOLT_URL", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nb.cells.append(new_code_cell(WHICH_PYTHON))
    # the kernel starts in a scratch folder, so nothing lands in the checkout
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    kernel_python = nb.cells[-1].outputs[0]["text"].strip()
    assert Path(kernel_python).resolve() == Path(sys.executable).resolve(), "the notebook ran outside the project's .venv"
    summary = json.loads((summary_dir / name.replace(".ipynb", ".json")).read_text(encoding="utf-8"))
    return nb, summary


def outputs(nb: Any, mime: str) -> list[str]:
    """Every output of ``mime`` type the executed notebook shows (``stream`` for printed text)."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if mime == "stream" and out["output_type"] == "stream":
                found.append(out["text"])
            elif mime in out.get("data", {}):
                found.append(out["data"][mime])
    return found


# -- committed clean -------------------------------------------------------------------
def test_the_three_notebooks_are_committed() -> None:
    assert [p.name for p in committed()] == [
        "compare-two-stores.ipynb",
        "screen-a-suppliers-customers.ipynb",
        "trace-who-owns-a-company.ipynb",
    ]


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_committed_notebook_has_no_outputs_and_no_execution_counts(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code and any(cell.cell_type == "markdown" for cell in nb.cells)
    for cell in code:
        assert cell.outputs == [], f"{path.name}: a cell has outputs; strip them: .venv/bin/nbstripout {path.relative_to(ROOT)}"
        assert cell.execution_count is None, f"{path.name}: a cell has an execution count; run nbstripout on it"
    assert nb.metadata.kernelspec.name == "python3"


def test_committed_notebooks_are_as_nbstripout_leaves_them() -> None:
    """The same check by the tool that fixes it: ``nbstripout --verify`` exits
    non-zero when it would change a file."""
    nbstripout = Path(sys.executable).with_name("nbstripout")
    result = subprocess.run([str(nbstripout), "--verify", *map(str, committed())], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# -- run top to bottom -------------------------------------------------------------------
def test_screen_a_suppliers_customers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb, summary = run_notebook("screen-a-suppliers-customers.ipynb", tmp_path, monkeypatch)
    assert summary["supplier"] == "ASML"
    # the sales the ASML article and the GTA article state
    assert set(summary["customers"]) == {
        "24th Research Institute of CETC",
        "GTA Semiconductor",
        "Shenzhen International Quantum Academy",
    }
    hits = {(h["customer"], h["flagged entity"], h["list"], h["hops"]): h["path"] for h in summary["hits"]}
    assert hits[("24th Research Institute of CETC", "24th Research Institute of CETC", "military", 0)]
    assert hits[("GTA Semiconductor", "China Electronics Corporation", "NS-CMIC List", 1)] == (
        "GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation"
    )
    assert not [h for h in summary["hits"] if h["customer"] == "Shenzhen International Quantum Academy"]
    # the plot counts each flagged (entity, list) once
    plotted = sum(bar["entities"] for bar in summary["by_list_and_hops"])
    assert plotted == len({(h["flagged entity"], h["list"]) for h in summary["hits"]}) > 0
    # the hits table cites the article (title, date, file) of each hop
    table = next(md for md in outputs(nb, "text/markdown") if "flagged entity" in md)
    assert "gta-semiconductor-and-cec.txt" in table and "(2025-12-11)" in table
    assert len(outputs(nb, "image/png")) == 1


def test_trace_who_owns_a_company(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb, summary = run_notebook("trace-who-owns-a-company.ipynb", tmp_path, monkeypatch)
    assert summary["company"] == "Nexperia"
    assert summary["ultimate_owners"] == ["Wingtech Technology"]
    assert summary["chains"] == ["Nexperia -[OWNED_BY]-> Wingtech Technology"]
    assert summary["owner_lists"] == {"Wingtech Technology": ["US Entity List"]}
    assert summary["owned_by_ultimate_owners"] == {"Wingtech Technology": ["Nexperia"]}
    assert summary["ambiguous_candidates"] == ["China Electronics Corporation", "China Electronics Technology Group Corporation"]
    printed = "".join(outputs(nb, "stream"))
    assert "'China Electronics' could mean 2 entities" in printed and "org:china-electronics-technology" in printed
    assert "nexperia-wingtech.nl.txt" in printed  # the Dutch article behind the chain
    # Nexperia -> Wingtech, GTA -> CEC, the CETC institute -> CETC
    assert summary["picture"] == {"nodes": 6, "edges": 3}
    assert len(outputs(nb, "image/png")) == 1


def check_comparison(summary: dict[str, Any], second_store: str) -> None:
    assert summary["second_store"] == second_store
    assert summary["disagree"] == []
    assert summary["agree"] == summary["questions"]
    assert len(summary["questions"]) == 8 + len(DEMO_QUESTIONS)
    assert summary["counts"]["documents"] > 6 and summary["counts"]["evidence"] > 0
    assert "China Electronics Corporation" in summary["exposure_hits"]


def test_compare_two_stores_sqlite_and_its_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb, summary = run_notebook("compare-two-stores.ipynb", tmp_path, monkeypatch)
    check_comparison(summary, "sqlite-copy")
    assert "give the same answers" in "".join(outputs(nb, "stream"))


def test_compare_two_stores_sqlite_and_bolt(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_store: Callable[[str], GraphStore],
    falkordb_server: Any,
) -> None:
    new_store("falkordb")  # an empty FalkorDB graph for this test, dropped after it
    nb, summary = run_notebook(
        "compare-two-stores.ipynb", tmp_path, monkeypatch, CHIPGRAPH_NOTEBOOK_BOLT_URL=falkordb_server.url_for("notebook")
    )
    check_comparison(summary, "bolt")
    assert "Bolt: 6 article(s) added" in "".join(outputs(nb, "stream"))
