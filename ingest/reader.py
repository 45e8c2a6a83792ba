"""Files (and pasted text) in, :class:`Article` out.

Reading is where real input goes wrong: empty files, PDFs renamed .txt,
Windows-1252 exports, a 2 GB dump in the articles folder.  Each case gets its
own :class:`~chipgraph.ingest.errors.ArticleError` naming the file and the fix,
so one bad file is reported and skipped instead of stopping a whole ingest.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .cleaning import CleanText, html_to_text, looks_like_html, markdown_to_text, strip_chrome
from .errors import (
    ArticleNotFound,
    ArticleTooLarge,
    BinaryArticle,
    EmptyArticle,
    UndecodableArticle,
    UnsupportedFormat,
)

__all__ = ["Article", "read_article", "article_from_text", "iter_article_paths", "SUFFIX_FORMATS"]

SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
_FORMATS = ("txt", "md", "html")
#: spaCy's default Doc length limit; longer texts are refused, not parsed for minutes
MAX_CHARS = 1_000_000
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")


@dataclass(frozen=True)
class Article:
    """One article ready for extraction.

    ``text`` is the cleaned text: it is what extraction reads and what the
    store keeps, so evidence offsets point into it.
    """

    text: str
    source: str
    title: str | None = None
    date: str | None = None
    format: str = "txt"
    file_name: str = "<text>"
    #: names seen only in dropped page chrome (the site's own name): never organisations
    site_names: tuple[str, ...] = ()


def _decode(data: bytes, name: str) -> str:
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise BinaryArticle(f"{name}: looks like a binary file (PDF, image or archive), not text; convert it to .txt, .md or .html first")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # A fallback only when the bytes are clearly text in Windows-1252 (the usual
    # culprit): every byte decodes and almost none are control characters.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t")
        if controls <= len(text) // 1000:
            return text
    raise UndecodableArticle(
        f"{name}: not UTF-8 text (byte {utf8_error.start}: {utf8_error.reason}); "
        "re-save it as UTF-8 (e.g. `iconv -f <encoding> -t utf-8`)"
    )


def _clean(raw: str, fmt: str) -> CleanText:
    if fmt == "html":
        return html_to_text(raw)
    if fmt == "md":
        return markdown_to_text(raw)
    return strip_chrome(raw)


def read_article(path: Path, *, max_bytes: int = 5_000_000) -> Article:
    """Read one article file (.txt, .md/.markdown, .html/.htm) as cleaned text.

    Raises an :class:`ArticleError` subclass that names the file when it is
    missing, too large, binary, undecodable, empty or of an unknown kind.
    """
    path = Path(path)
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if not path.exists():
        raise ArticleNotFound(f"{path}: no such file; check the path")
    if path.is_dir():
        raise UnsupportedFormat(f"{path}: is a folder; pass it to iter_article_paths() to read the articles inside")
    if fmt is None:
        raise UnsupportedFormat(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; use one of {', '.join(sorted(SUFFIX_FORMATS))}"
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleTooLarge(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit; split it or raise the limit")
    data = path.read_bytes()
    if not data.strip():
        raise EmptyArticle(f"{path}: the file is empty; remove it or add the article text")
    raw = _decode(data, str(path))
    if fmt == "txt" and looks_like_html(raw):
        fmt = "html"
    cleaned = _clean(raw, fmt)
    if not cleaned.text.strip():
        raise EmptyArticle(f"{path}: no article text left after removing page chrome; check that it is an article")
    if len(cleaned.text) > MAX_CHARS:
        raise ArticleTooLarge(f"{path}: {len(cleaned.text):,} characters of text is over the {MAX_CHARS:,} limit; split the file into articles")
    return Article(
        text=cleaned.text,
        source=str(path),
        title=cleaned.title,
        date=cleaned.date,
        format=fmt,
        file_name=path.name,
        site_names=cleaned.site_names,
    )


def article_from_text(text: str, *, source: str = "<text>", fmt: str = "txt", title: str | None = None) -> Article:
    """An Article from text given in memory (POST /documents).

    ``fmt`` is "txt", "md", "html" or "auto" (HTML when it looks like a page).
    """
    fmt = (fmt or "txt").lower()
    if fmt == "auto":
        fmt = "html" if looks_like_html(text) else "txt"
    if fmt == "markdown":
        fmt = "md"
    if fmt not in _FORMATS:
        raise UnsupportedFormat(f"{source}: unsupported format {fmt!r}; use one of txt, md, html or auto")
    if "\x00" in text:
        raise BinaryArticle(f"{source}: the text contains NUL bytes; send the article as plain text")
    if not text.strip():
        raise EmptyArticle(f"{source}: the text is empty; send the article's text")
    cleaned = _clean(text, fmt)
    if not cleaned.text.strip():
        raise EmptyArticle(f"{source}: no article text left after removing page chrome")
    if len(cleaned.text) > MAX_CHARS:
        raise ArticleTooLarge(f"{source}: {len(cleaned.text):,} characters is over the {MAX_CHARS:,} limit; send one article at a time")
    name = source.rsplit("/", 1)[-1] if source else "<text>"
    return Article(text=cleaned.text, source=source, title=title or cleaned.title, date=cleaned.date, format=fmt, file_name=name,
                   site_names=cleaned.site_names)


def iter_article_paths(paths: Sequence[Path]) -> list[Path]:
    """Every article file under ``paths`` (files as given, folders searched
    recursively for known extensions), sorted and without duplicates.

    A path that does not exist raises :class:`ArticleNotFound` up front, before
    any work is done.
    """
    out: set[Path] = set()
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise ArticleNotFound(f"{p}: no such file or folder; check the path")
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for f in files:
                    if not f.startswith(".") and Path(f).suffix.lower() in SUFFIX_FORMATS:
                        out.add(Path(root) / f)
        else:
            out.add(p)
    return sorted(out)
