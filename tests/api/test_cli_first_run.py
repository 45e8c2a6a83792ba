"""A careless first run: hostile files in the folder, mistyped paths, the
wrong store.  Every problem is named, nothing is created by mistake, and the
rest of the work is done (issue 10, items 7, 8 and 12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from chipgraph.api.cli import EXIT_NOT_FOUND, EXIT_PARTIAL, cli

ARTICLE = (
    "Orbit Foundry, which is owned by China Electronics Corporation, bought tools in 2024.\n\n"
    "ASML supplied a lithography machine to Orbit Foundry in 2024.\n"
)
LEGACY = "Caf\u00e9 owners said Kestrel Devices\u2019 parent, Halvard Group, owns Kestrel Devices outright.\n"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def test_unreadable_fifo_pdf_and_legacy_files_are_named_and_the_rest_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "legacy.txt").write_bytes(LEGACY.encode("cp1252"))
    (folder / "locked.txt").write_text("Anything at all about chips.", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
    real_open = os.open

    def deny(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked.txt":  # root ignores chmod 000: refuse where the OS would
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    store = tmp_path / "g.sqlite"
    result = invoke("--store", str(store), "ingest", str(folder))
    assert result.exit_code == EXIT_PARTIAL, result.output
    assert "Traceback" not in result.output
    assert "locked.txt: permission denied" in result.output
    assert "scan.pdf: not a readable PDF" in result.output
    if hasattr(os, "mkfifo"):
        assert "pipe.txt: a named pipe (FIFO), not a regular file" in result.output
    assert "legacy.txt is not UTF-8; read it as cp1252" in result.output
    assert "2 article(s) added" in result.output and "2 failed" in result.output
    assert invoke("--store", str(store), "path", "Orbit Foundry", "China Electronics Corporation").exit_code == 0


def test_stats_on_a_missing_store_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "x.sqlite"
    result = invoke("--store", str(target), "stats")
    assert result.exit_code != 0
    assert "no store at" in result.output and "x.sqlite" in result.output
    assert not target.parent.exists()


def test_copy_from_a_mistyped_store_creates_nothing(tmp_path: Path) -> None:
    result = invoke("copy", "--from", str(tmp_path / "typo.sqlite"), "--to", str(tmp_path / "out.sqlite"))
    assert result.exit_code != 0 and "no store at" in result.output
    assert not (tmp_path / "typo.sqlite").exists() and not (tmp_path / "out.sqlite").exists()


def test_ingest_of_a_missing_path_creates_no_store(tmp_path: Path) -> None:
    store = tmp_path / "g.sqlite"
    result = invoke("--store", str(store), "ingest", str(tmp_path / "no-such-folder"))
    assert result.exit_code != 0 and "no such file or folder" in result.output
    assert not store.exists()


def test_path_on_an_empty_store_says_so_and_names_it(tmp_path: Path) -> None:
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    store = tmp_path / "fresh.sqlite"
    assert invoke("--store", str(store), "ingest", str(empty_folder)).exit_code == 0
    result = invoke("--store", str(store), "path", "ASML", "military")
    assert result.exit_code == EXIT_NOT_FOUND
    assert f"the store {store} is empty" in result.output


def test_unknown_name_on_a_filled_store_names_the_store(sample_store_path: Path) -> None:
    result = invoke("--store", str(sample_store_path), "path", "Nobody Whatsoever Ltd", "military")
    assert result.exit_code == EXIT_NOT_FOUND
    assert f"(store: {sample_store_path})" in result.output and "is empty" not in result.output
