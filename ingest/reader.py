"""Files (and pasted text) in, :class:`Article` out.

Reading is where real input goes wrong: empty files, PDFs renamed .txt,
Windows-1252 exports, a 2 GB dump in the articles folder.  Each case gets its
own :class:`~chipgraph.ingest.errors.ArticleError` naming the file and the fix,
so one bad file is reported and skipped instead of stopping a whole ingest.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .cleaning import CleanText, html_to_text, looks_like_html, markdown_to_text, strip_chrome
from .errors import (
    ArticleNotFound,
    ArticleTooLarge,
    BinaryArticle,
    EmptyArticle,
    UndecodableArticle,
    UnreadableArticle,
    UnsupportedFormat,
)

__all__ = [
    "Article",
    "ArticleScan",
    "SkippedFile",
    "read_article",
    "article_from_text",
    "article_from_bytes",
    "iter_article_paths",
    "scan_article_paths",
    "SUFFIX_FORMATS",
]

SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
_FORMATS = ("txt", "md", "html")
#: bytes read at most from a text file, and from a PDF (pictures and fonts make PDFs larger)
MAX_TEXT_BYTES = 5_000_000
MAX_PDF_BYTES = 25_000_000
#: spaCy's default Doc length limit; longer texts are refused, not parsed for minutes
MAX_CHARS = 1_000_000
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
#: byte-order marks, longest first (the UTF-32 LE mark starts with UTF-16 LE's)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: The only legacy encodings a non-UTF-8 file may be read as: the Western
#: European code pages news exports in English, Dutch and German come in.
#: charset-normalizer picks among them and refuses bytes that read as
#: gibberish in all of them.
FALLBACK_ENCODINGS = ("cp1252", "iso8859_15", "latin_1")
#: a well-formed UTF-8 multi-byte sequence: text in a legacy code page almost
#: never contains one, so its presence means "UTF-8 with damaged bytes"
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


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
    #: how the file's bytes were decoded ("utf-8", "utf-16-le", "cp1252"...);
    #: text given in memory is already decoded and says "utf-8"
    encoding: str = "utf-8"


@dataclass(frozen=True)
class SkippedFile:
    """A file found in a folder that is not read, and why (shown to the user)."""

    path: Path
    reason: str


@dataclass(frozen=True)
class ArticleScan:
    """What :func:`scan_article_paths` found: the article files to read, and
    every other file it met with the reason it is left out."""

    files: list[Path]
    skipped: list[SkippedFile] = field(default_factory=list)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The text in ``data`` and the encoding it was read with.

    Decoding is strict: UTF-8 (or UTF-16/32 announced by a byte-order mark)
    or nothing, except that bytes which are plausibly Windows-1252/Latin-1 text
    and contain no UTF-8 sequence at all are read in that code page.  A UTF-8
    file with a damaged byte is refused rather than stored as mojibake.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableArticle(
                    f"{name}: starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                    f"(byte {exc.start + len(bom)}: {exc.reason}); re-save it as UTF-8"
                ) from None
    if data.startswith(b"%PDF"):
        raise BinaryArticle(f"{name}: is a PDF named like a text file; rename it to .pdf to read it")
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise BinaryArticle(f"{name}: looks like a binary file (PDF, image or archive), not text; convert it to .txt, .md or .html first")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    where = f"byte {utf8_error.start}: {utf8_error.reason}"
    if _UTF8_SEQUENCE.search(data):
        raise UndecodableArticle(
            f"{name}: UTF-8 text with an invalid byte ({where}); the file is damaged or mixes encodings, "
            "fix or re-save it as UTF-8"
        )
    encoding = _legacy_encoding(data)
    if encoding is None:
        raise UndecodableArticle(
            f"{name}: not UTF-8 text ({where}) and not plausibly Windows-1252/Latin-1 either; "
            "re-save it as UTF-8 (e.g. `iconv -f <encoding> -t utf-8`)"
        )
    return data.decode(encoding), encoding


def _legacy_encoding(data: bytes) -> str | None:
    """The Western European code page ``data`` plausibly is, or None.

    charset-normalizer (already a dependency of trafilatura and requests)
    measures how much the decoded text looks like language; it is asked
    only about :data:`FALLBACK_ENCODINGS`, so a file is never read as an
    exotic code page that happens to map every byte.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _clean(raw: str, fmt: str) -> CleanText:
    if fmt == "html":
        return html_to_text(raw)
    if fmt == "md":
        return markdown_to_text(raw)
    return strip_chrome(raw)


def read_article(path: Path, *, max_bytes: int | None = None) -> Article:
    """Read one article file (.txt, .md/.markdown, .html/.htm, .pdf) as cleaned text.

    ``max_bytes`` defaults to :data:`MAX_TEXT_BYTES` (:data:`MAX_PDF_BYTES`
    for a PDF).  Raises an :class:`ArticleError` subclass that names the file
    when it is missing, too large, binary, undecodable, empty, a PDF without
    text (:class:`NeedsOCR`) or of an unknown kind.
    """
    path = Path(path)
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except PermissionError:
        raise UnreadableArticle(f"{path}: permission denied (a folder on its path cannot be entered); "
                                "check its permissions") from None
    except OSError as e:
        raise UnreadableArticle(f"{path}: cannot be read ({e.strerror or e}); check the path") from None
    if not exists:
        raise ArticleNotFound(f"{path}: no such file; check the path")
    if is_dir:
        raise UnsupportedFormat(f"{path}: is a folder; pass it to iter_article_paths() to read the articles inside")
    if fmt is None:
        raise UnsupportedFormat(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; use one of {', '.join(sorted(SUFFIX_FORMATS))}"
        )
    if max_bytes is None:
        max_bytes = MAX_PDF_BYTES if fmt == "pdf" else MAX_TEXT_BYTES
    data = _read_bytes(path, max_bytes)
    return article_from_bytes(data, source=str(path), fmt=fmt, file_name=path.name)


def article_from_bytes(
    data: bytes, *, source: str, fmt: str, file_name: str, charset: str | None = None
) -> Article:
    """An Article from a file's or a web page's bytes, read as ``fmt``
    ("txt", "md", "html" or "pdf").

    ``charset`` is the encoding a web server declared; without it the bytes
    are decoded as files are (UTF-8, a byte-order mark, or a Western code page).
    """
    if not data.strip():
        raise EmptyArticle(f"{source}: the file is empty; remove it or add the article text")
    if fmt == "pdf":
        from .pdf import pdf_to_text  # pypdf is imported only when a PDF comes

        cleaned, encoding = pdf_to_text(data, source), "utf-8"
    else:
        raw, encoding = _decode_declared(data, source, charset)
        if fmt == "txt" and looks_like_html(raw):
            fmt = "html"
        cleaned = _clean(raw, fmt)
    if not cleaned.text.strip():
        raise EmptyArticle(f"{source}: no article text left after removing page chrome; check that it is an article")
    if len(cleaned.text) > MAX_CHARS:
        raise ArticleTooLarge(f"{source}: {len(cleaned.text):,} characters of text is over the {MAX_CHARS:,} limit; split the file into articles")
    return Article(
        text=cleaned.text,
        source=source,
        title=cleaned.title,
        date=cleaned.date,
        format=fmt,
        file_name=file_name,
        site_names=cleaned.site_names,
        encoding=encoding,
    )


def _decode_declared(data: bytes, name: str, charset: str | None) -> tuple[str, str]:
    """Bytes in the charset a server declared, else as a file is decoded."""
    if charset:
        try:
            encoding = codecs.lookup(charset).name
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: read the bytes as a file's
    return _decode(data, name)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most ``max_bytes``.

    The file is opened non-blocking and checked on the open descriptor, so a
    FIFO or device named like an article is refused without ever blocking
    (opening a FIFO for reading waits for a writer), and what is checked is
    what is read.  Every OS error becomes an :class:`UnreadableArticle`.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise UnreadableArticle(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise UnreadableArticle(f"{path}: cannot be opened ({exc.strerror or exc}); check the file") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableArticle(f"{path}: {_kind(info.st_mode)}, not a regular file; only files are read")
        if info.st_size > max_bytes:
            raise ArticleTooLarge(f"{path}: {info.st_size:,} bytes is over the {max_bytes:,}-byte limit; split it or raise the limit")
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:  # the file grew while it was read
            raise ArticleTooLarge(f"{path}: over the {max_bytes:,}-byte limit; split it or raise the limit")
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableArticle(f"{path}: cannot be read ({exc.strerror or exc}); check the file") from None
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, word in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return word
    return "not a regular file"


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
    """Every article file under ``paths`` (see :func:`scan_article_paths`),
    without the list of files left out."""
    return scan_article_paths(paths).files


def scan_article_paths(paths: Sequence[Path]) -> ArticleScan:
    """Every article file under ``paths``, sorted and without duplicates, and
    every file left out with the reason.

    Files given by name are taken as given (reading them reports what is
    wrong).  Folders are searched recursively: a file with a known extension
    is an article if it is a regular file (a FIFO named ``.txt`` would block
    a reader forever); any other file is listed in ``skipped`` by name with
    the reason, so a PDF in a folder is never dropped without a word.  Hidden
    files and folders (``.git``, ``.DS_Store``) are not articles and are left
    out silently.  A path that does not exist raises :class:`ArticleNotFound`
    up front, before any work is done.
    """
    out: set[Path] = set()
    skipped: dict[Path, str] = {}
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise ArticleNotFound(f"{p}: no such file or folder; check the path")
        if not p.is_dir():
            out.add(p)
            continue

        def unreadable_folder(exc: OSError) -> None:
            skipped[Path(exc.filename or p)] = f"folder cannot be read ({exc.strerror or exc})"

        for root, dirs, files in os.walk(p, onerror=unreadable_folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                if f.startswith("."):
                    continue
                full = Path(root) / f
                reason = _not_an_article(full)
                if reason is None:
                    out.add(full)
                else:
                    skipped[full] = reason
    return ArticleScan(
        files=sorted(out),
        skipped=[SkippedFile(path, reason) for path, reason in sorted(skipped.items()) if path not in out],
    )


def _not_an_article(path: Path) -> str | None:
    """Why a file found in a folder is not read, or None when it is an article."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        return f"unsupported file type {suffix or '(none)'!r}; articles are {', '.join(sorted(SUFFIX_FORMATS))}"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(mode):
        return f"{_kind(mode)}, not a regular file; only files are read"
    return None
