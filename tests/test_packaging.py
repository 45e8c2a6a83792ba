"""The wheel ships every data file and builds without setuptools warnings
(issue 10, item 12).

The build is the one `bash .ci/setup` does (pip, isolated build backend), run
on a copy of the source so the worktree gets no build/ or egg-info folders.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: source folder -> installed package (pyproject.toml's package-dir)
PACKAGE_DIRS = {"ingest": "chipgraph/ingest", "graph": "chipgraph/graph", "api": "chipgraph/api", "data": "chipgraph/data"}
#: what setuptools prints when the project's configuration is at fault
PROJECT_WARNINGS = re.compile(
    r"BuildBackendWarning|SetuptoolsDeprecationWarning|SetuptoolsWarning|Package would be ignored|is absent from the `packages`"
)
IGNORE = shutil.ignore_patterns(".venv", ".git", "node_modules", "build", "dist", "*.egg-info", "__pycache__", "*.sqlite*", ".pytest_cache")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    src = tmp_path_factory.mktemp("src") / "chipgraph"
    shutil.copytree(ROOT, src, ignore=IGNORE)
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-v", "-w", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    (wheel,) = out.glob("chipgraph-*.whl")
    return wheel, log


#: source and build products, not data: Python, and the compiled path search's
#: Cython source, its generated C++ and an in-place build of it
_SOURCE_SUFFIXES = (".py", ".pyc", ".pyx", ".cpp", ".so")


def data_files() -> list[str]:
    """Every file of the product that is not Python source, as its path in the wheel."""
    out = []
    for folder, package in PACKAGE_DIRS.items():
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix not in _SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                out.append(f"{package}/{path.relative_to(ROOT / folder).as_posix()}")
    return sorted(out)


def test_wheel_contains_every_data_file(built: tuple[Path, str]) -> None:
    wheel, _ = built
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = data_files()
    for required in ("chipgraph/ingest/grammar/en.toml", "chipgraph/data/reference/facts.jsonl",
                     "chipgraph/graph/templates/subgraph.html.j2", "chipgraph/data/articles/demo.json"):
        assert required in expected
    assert [f for f in expected if f not in names] == []


def test_wheel_contains_the_compiled_path_search(built: tuple[Path, str]) -> None:
    wheel, _ = built
    names = zipfile.ZipFile(wheel).namelist()
    assert [n for n in names if re.fullmatch(r"chipgraph/graph/_path_kernel\.[\w.-]+\.so", n)], names


def test_build_prints_no_setuptools_warnings(built: tuple[Path, str]) -> None:
    _, log = built
    assert [line for line in log.splitlines() if PROJECT_WARNINGS.search(line)] == []
