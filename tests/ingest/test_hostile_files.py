"""Files that go wrong the way real folders do: unreadable, not regular files,
damaged or legacy encodings, formats chipgraph does not read yet.

Each is reported by name with the reason and never stops the others; none is
stored as garbage (issue 10, items 7 and 8).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from chipgraph.ingest import (
    ArticleError,
    UndecodableArticle,
    UnreadableArticle,
    read_article,
    scan_article_paths,
)

GERMAN = "Die Übernahme der Größe AG durch eine Münchner Firma wurde am Montag unterzeichnet; weiß man mehr?"
ENGLISH = "Orbit Foundry\u2019s caf\u00e9 deal with a Tokyo supplier was signed on Monday in the city."


def _fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(path)
    return path


def _run_with_timeout(fn, seconds: float = 10.0):  # type: ignore[no-untyped-def]
    """Run ``fn`` in a thread and fail (instead of hanging the suite) if it blocks."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            box["error"] = exc

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"blocked for more than {seconds}s"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


# -- item 7: unreadable and non-regular files ------------------------------------------------
def test_fifo_named_txt_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "pipe.txt")
    with pytest.raises(UnreadableArticle, match=r"pipe\.txt.*named pipe"):
        _run_with_timeout(lambda: read_article(fifo))


def test_fifo_in_a_folder_is_skipped_by_name(tmp_path: Path) -> None:
    _fifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    scan = _run_with_timeout(lambda: scan_article_paths([tmp_path]))
    assert [p.name for p in scan.files] == ["good.txt"]
    assert [(s.path.name, "named pipe" in s.reason) for s in scan.skipped] == [("pipe.txt", True)]


def test_permission_denied_is_an_article_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may run as root, who reads chmod 000 files: the refusal is
    simulated at os.open, where a real one would surface."""
    p = tmp_path / "locked.txt"
    p.write_text(ENGLISH, encoding="utf-8")
    real_open = os.open

    def deny(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == p:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(UnreadableArticle, match=r"locked\.txt: permission denied"):
        read_article(p)


def test_chmod_000_file_is_an_article_error(tmp_path: Path) -> None:
    """A real unreadable file; run as an unprivileged user when the tests run as root."""
    p = tmp_path / "locked.txt"
    p.write_text(ENGLISH, encoding="utf-8")
    p.chmod(0)
    check = (
        "import os, sys\n"
        "from chipgraph.ingest import read_article\n"
        "from chipgraph.ingest.errors import UnreadableArticle\n"
        "if os.geteuid() == 0:\n"
        "    os.setgid(65534); os.setuid(65534)\n"
        "try:\n"
        "    read_article(sys.argv[1])\n"
        "except UnreadableArticle as e:\n"
        "    print('refused:', e)\n"
        "    sys.exit(0)\n"
        "sys.exit('read a file it may not read')\n"
    )
    tmp_path.chmod(0o755)
    try:
        done = subprocess.run([sys.executable, "-c", check, str(p)], capture_output=True, text=True, timeout=60)
    finally:
        p.chmod(0o600)
    assert done.returncode == 0, done.stderr
    assert "permission denied" in done.stdout


def test_folder_named_like_an_article_is_searched_not_read(tmp_path: Path) -> None:
    odd = tmp_path / "x.txt"
    odd.mkdir()
    (odd / "inner.txt").write_text(ENGLISH, encoding="utf-8")
    assert [p.name for p in scan_article_paths([tmp_path]).files] == ["inner.txt"]
    with pytest.raises(ArticleError, match="folder"):
        read_article(odd)


# -- item 8: encodings and unsupported files -------------------------------------------------
def test_utf8_with_one_stray_byte_is_refused_not_mojibake(tmp_path: Path) -> None:
    p = tmp_path / "damaged.txt"
    data = GERMAN.encode("utf-8")
    p.write_bytes(data[:20] + b"\x9f" + data[20:])
    with pytest.raises(UndecodableArticle, match=r"damaged\.txt: UTF-8 text with an invalid byte \(byte 20"):
        read_article(p)


def test_plain_windows_1252_is_read_and_named(tmp_path: Path) -> None:
    for name, text in (("en.txt", ENGLISH), ("de.txt", GERMAN)):
        p = tmp_path / name
        p.write_bytes(text.encode("cp1252"))
        art = read_article(p)
        assert art.text == text
        assert art.encoding == "cp1252"


def test_bytes_plausible_in_no_encoding_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(UndecodableArticle, match="not UTF-8"):
        read_article(p)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(tmp_path: Path, codec: str) -> None:
    p = tmp_path / "wide.txt"
    raw = ENGLISH.encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    p.write_bytes(raw)
    art = read_article(p)
    assert art.text == ENGLISH
    assert art.encoding.startswith(codec[:6])


def test_utf8_reads_as_utf8(tmp_path: Path) -> None:
    p = tmp_path / "ok.txt"
    p.write_bytes(b"\xef\xbb\xbf" + GERMAN.encode("utf-8"))
    art = read_article(p)
    assert art.text == GERMAN and art.encoding == "utf-8"


def test_every_file_left_out_of_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".DS_Store").write_bytes(b"hidden")
    (tmp_path / "good.md").write_text(ENGLISH, encoding="utf-8")
    scan = scan_article_paths([tmp_path])
    assert [p.name for p in scan.files] == ["good.md"]
    reasons = {s.path.name: s.reason for s in scan.skipped}
    assert set(reasons) == {"photo.jpg", "sheet.xlsx"}
    assert ".jpg" in reasons["photo.jpg"] and ".xlsx" in reasons["sheet.xlsx"]
