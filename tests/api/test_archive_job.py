"""The archive job on a local Dask cluster builds the graph `chipgraph ingest` builds."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from chipgraph.api.cli import cli
from chipgraph.data.synthetic import write_synthetic_archive
from chipgraph.graph.extraction_io import ExtractionFileError
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.store import GraphStore

ARCHIVE_SIZE = 300  # "a few hundred articles"


def everything(store: GraphStore) -> tuple:
    return (
        store.counts(),
        sorted((e.to_dict() for e in store.entities()), key=lambda d: d["id"]),
        sorted((r.to_dict() for r in store.relations()), key=lambda d: (d["head"], d["type"], d["tail"])),
        sorted((d for d in store.documents()), key=lambda d: d.id),
    )


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    write_synthetic_archive(folder, ARCHIVE_SIZE, seed=3)
    (folder / "empty.txt").write_text("", encoding="utf-8")  # fails on both paths alike
    return folder


@pytest.fixture(scope="module")
def job_output(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("job") / "extractions"
    result = CliRunner().invoke(cli, ["job", "extract", str(archive), "--out", str(out), "--workers", "2",
                                      "--partition-files", "40"])
    return out, result.output


@pytest.fixture(scope="module")
def ingested(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ingest") / "ingest.sqlite"
    result = CliRunner().invoke(cli, ["--store", str(path), "ingest", str(archive)])  # every core by default
    assert result.exit_code == 1, result.output  # the empty file is reported, the rest stored
    assert f"{ARCHIVE_SIZE} article(s) added" in result.output
    return path


def test_job_reports_partitions_workers_and_failures(job_output: tuple[Path, str]) -> None:
    out, output = job_output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["articles"] == ARCHIVE_SIZE
    assert len(manifest["parts"]) == 8  # 301 files in partitions of 40
    assert [p for p in manifest["parts"]] == sorted(manifest["parts"])
    assert any(path.endswith("empty.txt") for path in manifest["failed"])
    assert "on 2 worker(s)" in output and "1 failed" in output
    from chipgraph.graph.extraction_io import read_extractions

    stated = sum(len(x.relations) for part in manifest["parts"] for x in read_extractions(out / part))
    assert manifest["relations"] == stated > 0  # the loader's hint of the load's size


def test_a_big_job_load_into_a_small_file_builds_read_indexes_once(
    job_output: tuple[Path, str], ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest's relation count reaches the store's bulk_load: SQLite
    drops its read-only indexes for the load and builds them at its end
    (here with the threshold lowered to this small archive)."""
    from chipgraph.api.pipeline import load_extraction_folder
    from chipgraph.graph import sqlite_indexes

    monkeypatch.setattr(sqlite_indexes, "DEFER_MIN_ROWS", 1)
    seen: list[bool] = []
    deferred = sqlite_indexes.deferred

    def spy(transaction, rows):  # type: ignore[no-untyped-def]
        with deferred(transaction, rows) as dropped:
            seen.append(dropped)
            yield dropped

    monkeypatch.setattr(sqlite_indexes, "deferred", contextmanager(spy))
    out, _ = job_output
    with SQLiteStore(tmp_path / "bulk.sqlite") as target:
        load_extraction_folder(target, out, progress=False)
        assert seen == [True]  # one deferral for the whole load, not one per batch
        names = {row[0] for row in target._query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert set(sqlite_indexes.READ_INDEXES) <= names
        with SQLiteStore(ingested, create=False) as reference:
            assert everything(target) == everything(reference)


@pytest.mark.parametrize("kind", ["sqlite", "falkordb"])
def test_job_then_load_equals_ingest(
    kind: str, job_output: tuple[Path, str], ingested: Path, new_store: Callable[[str], GraphStore]
) -> None:
    out, _ = job_output
    from chipgraph.api.pipeline import load_extraction_folder

    target = new_store(kind)
    summary = load_extraction_folder(target, out, progress=False)
    assert len(summary.added) == ARCHIVE_SIZE and len(summary.failed) == 1
    with SQLiteStore(ingested, create=False) as reference:
        assert everything(target) == everything(reference)
    again = load_extraction_folder(target, out, progress=False)  # loading twice adds nothing
    assert not again.added and len(again.unchanged) == ARCHIVE_SIZE


def test_cli_load_writes_the_store(job_output: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = job_output
    path = tmp_path / "loaded.sqlite"
    result = CliRunner().invoke(cli, ["--store", str(path), "job", "load", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{ARCHIVE_SIZE} article(s) added" in result.output


def test_an_unfinished_job_is_not_loaded(tmp_path: Path) -> None:
    from chipgraph.api.pipeline import load_extraction_folder

    (tmp_path / "part-00000.jsonl").write_text("", encoding="utf-8")
    with SQLiteStore(tmp_path / "s.sqlite") as store, pytest.raises(ExtractionFileError, match="manifest"):
        load_extraction_folder(store, tmp_path)
