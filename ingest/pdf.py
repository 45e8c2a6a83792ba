"""A PDF's text layer as article text, with its title and date.

pypdf reads the text layer (measured against pdfminer.six in
benchmarks/pdf_reading_order.py: the same word order on one column, the
right column order on two where pdfminer put the second column first, eight
times faster, and no compiled dependencies).  What a PDF adds over plain
text is layout: lines broken mid-word with a hyphen, running headers and
page numbers on every page, paragraphs known only by the gap above them.
This module undoes those, so extraction reads sentences, not lines.

A PDF with no text layer (a scan) raises :class:`NeedsOCR`; it is never
stored empty.  Password-protected and damaged files raise their own errors.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from typing import Any

from .cleaning import CleanText, strip_chrome
from .errors import ArticleTooLarge, DamagedPDF, EncryptedPDF, NeedsOCR

__all__ = ["pdf_to_text", "MAX_PDF_PAGES"]

#: pages read at most: a longer PDF is a book or a report archive, not an article
MAX_PDF_PAGES = 500
#: characters of text read at most before giving up (the reader's article cap, with room for chrome)
_MAX_RAW_CHARS = 2_000_000
#: a line alone on the top or bottom of a page that is only a page number
_PAGE_NUMBER = re.compile(r"^\W*(page|seite|pagina|p\.)?\s*\d{1,4}(\s*(of|/|von|van)\s*\d{1,4})?\W*$", re.I)
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)]$")
#: titles that PDF writers put in the metadata when the author gave none
_JUNK_TITLE = re.compile(r"^(untitled|document\d*|microsoft word - .*|\S+\.(docx?|pdf|indd|tex|odt))$", re.I)


# pypdf logs every oddity of a damaged file ("EOF marker not found") as a
# warning; the error raised here already says what is wrong, once.
logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass
class _Line:
    text: str
    x: float | None = None
    y: float | None = None
    size: float | None = None  # the font size as drawn (points)


def pdf_to_text(data: bytes, name: str) -> CleanText:
    """The article text of a PDF, with title and date from its metadata.

    ``name`` (a file name or URL) is used in error messages only.
    """
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        raise DamagedPDF(f"{name}: not a readable PDF ({_why(exc)}); check that the file is complete") from None
    if encrypted:
        _decrypt(reader, name)
    try:
        pages = reader.pages
        count = len(pages)
        if count > MAX_PDF_PAGES:
            raise ArticleTooLarge(f"{name}: {count:,} pages is over the {MAX_PDF_PAGES:,}-page limit; split out the article")
        page_lines: list[list[_Line]] = []
        size = 0
        images = 0
        for page in pages:
            lines = _page_lines(page)
            page_lines.append(lines)
            size += sum(len(line.text) for line in lines)
            if size > _MAX_RAW_CHARS:
                raise ArticleTooLarge(f"{name}: over {_MAX_RAW_CHARS:,} characters of text; split out the article")
            if not any(line.text.strip() for line in lines):
                images += _has_images(page)
        title, date = _metadata(reader)
    except ArticleTooLarge:
        raise
    except Exception as exc:  # a damaged page or stream deep inside the file
        raise DamagedPDF(f"{name}: a page cannot be read ({_why(exc)}); the PDF is damaged") from None
    if not any(line.text.strip() for lines in page_lines for line in lines):
        scanned = f"{images} of its {count} page(s) are images" if images else f"its {count} page(s) hold no text"
        raise NeedsOCR(
            f"{name}: the PDF has no text layer ({scanned}); it needs OCR: run it through an OCR tool "
            "(e.g. `ocrmypdf in.pdf out.pdf`) and ingest the result"
        )
    _drop_running_lines(page_lines)
    paragraphs = _paragraphs(page_lines)
    compounds = {w.lower() for p in paragraphs for line in p for w in re.findall(r"\w+-\w+", line)}
    text = "\n\n".join(_join_lines(p, compounds) for p in paragraphs)
    cleaned = strip_chrome(text)
    return CleanText(cleaned.text, title=title, date=date or cleaned.date, site_names=cleaned.site_names)


def _why(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def _decrypt(reader: Any, name: str) -> None:
    """Open a PDF encrypted with an empty user password (only printing or
    copying restricted, common in press releases); refuse one that needs a password."""
    try:
        opened = reader.decrypt("")
    except Exception:  # an unsupported cipher, or a missing crypto dependency
        opened = 0
    if not opened:
        raise EncryptedPDF(
            f"{name}: the PDF is password-protected; open it with its password and save an unprotected "
            "copy (print to PDF), then ingest that"
        )


def _page_lines(page: Any) -> list[_Line]:
    """The page's text lines in content order, each with where it starts.

    pypdf's visitor reports every run of text with its matrices; a run that
    ends in a newline ends a line.  Positions let paragraphs be found by the
    gap above them and running headers by their place on the page.
    """
    lines: list[_Line] = []
    current: list[str] = []
    where: list[float | None] = [None, None, None]

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if not text:
            return
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if part.strip() and where[0] is None:
                where[0] = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                where[1] = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                where[2] = abs(size * tm[3] * cm[3]) or None
            current.append(part)
            if i < len(parts) - 1:
                flush()

    def flush() -> None:
        line = "".join(current).strip()
        if line:
            lines.append(_Line(line, where[0], where[1], where[2]))
        current.clear()
        where[0] = where[1] = where[2] = None

    plain = page.extract_text(visitor_text=visit) or ""
    flush()
    if not lines and plain.strip():  # a PDF whose runs the visitor does not see
        lines = [_Line(line.strip()) for line in plain.splitlines() if line.strip()]
    return lines


def _has_images(page: Any) -> int:
    try:
        return 1 if page.images else 0
    except Exception:  # an image pypdf cannot decode is still an image
        return 1


def _metadata(reader: Any) -> tuple[str | None, str | None]:
    """Title and creation date (ISO) from the document information."""
    meta = reader.metadata
    if meta is None:
        return None, None
    title = (meta.title or "").strip() or None
    if title and _JUNK_TITLE.match(title):
        title = None
    try:
        created = meta.creation_date
    except Exception:  # a date string pypdf cannot parse: no date rather than no article
        created = None
    return title, created.date().isoformat() if created else None


def _running_key(text: str) -> str:
    """A header line with its numbers masked, so "Page 2"/"Page 3" match."""
    return re.sub(r"\d+", "#", text.strip().lower())


def _drop_running_lines(pages: list[list[_Line]]) -> None:
    """Remove page numbers and lines repeated at the top or bottom of most
    pages (running headers and footers), in place.

    Only the two highest and two lowest lines of a page are candidates, so a
    sentence repeated in the body is never touched.
    """
    edges = [[line for line in _edge_lines(lines) if len(line.text.split()) <= 15] for lines in pages]
    counts: dict[str, int] = {}
    for edge in edges:
        for key in {_running_key(line.text) for line in edge}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, (len(pages) + 1) // 2)
    for lines, edge in zip(pages, edges):
        drop = {
            id(line)
            for line in edge
            if _PAGE_NUMBER.match(line.text) or (len(pages) > 1 and counts[_running_key(line.text)] >= needed)
        }
        lines[:] = [line for line in lines if id(line) not in drop]


def _edge_lines(lines: list[_Line]) -> list[_Line]:
    if all(line.y is not None for line in lines):
        ordered = sorted(lines, key=lambda line: -(line.y or 0.0))
    else:
        ordered = lines
    return ordered[:2] + ordered[-2:] if len(ordered) > 4 else list(ordered)


def _paragraphs(pages: list[list[_Line]]) -> list[list[str]]:
    """Lines grouped into paragraphs, across pages.

    A new paragraph starts where the gap above a line is clearly wider than
    the usual line spacing, where text jumps up (a new column), or, without
    positions, after a short line that ends a sentence.  A paragraph cut by
    a page break (no sentence end, next page starting in lower case) is one.
    """
    out: list[list[str]] = []
    for lines in pages:
        steps = [a.y - b.y for a, b in zip(lines, lines[1:]) if a.y is not None and b.y is not None and a.y > b.y]
        # the usual line spacing: a low quantile, as paragraph gaps may be half
        # of the steps; never more than 1.35 times the font size (the widest
        # leading in use), so two lines a paragraph apart are not the norm
        sizes = sorted(line.size for line in lines if line.size)
        usual = sorted(steps)[len(steps) // 4] if steps else None
        if usual is not None and sizes:
            usual = min(usual, sizes[len(sizes) // 2] * 1.35)
        widest = max((len(line.text) for line in lines), default=0)
        page: list[list[str]] = []
        for prev, line in zip([None, *lines], lines):
            if prev is None:
                new = True
            elif usual is not None and prev.y is not None and line.y is not None:
                new = line.y >= prev.y or (prev.y - line.y) > usual * 1.4
            else:
                new = bool(_SENTENCE_END.search(prev.text)) and len(prev.text) < widest * 0.8
            if new:
                page.append([])
            page[-1].append(line.text)
        if page and out and not _SENTENCE_END.search(out[-1][-1]) and page[0][0][:1].islower():
            out[-1].extend(page.pop(0))
        out.extend(page)
    return out


def _join_lines(lines: list[str], compounds: set[str]) -> str:
    """One paragraph's lines as one line of text, hyphenated breaks joined.

    "semi-" + "conductor" becomes "semiconductor"; a compound that the
    document also writes with its hyphen mid-line ("state-owned") keeps it.
    """
    text = lines[0]
    for line in lines[1:]:
        m = re.search(r"(\w+)[-\u00ad]$", text)
        if m and line[:1].islower():
            head, tail = m.group(1), re.match(r"\w*", line).group(0)  # type: ignore[union-attr]
            if text.endswith("-") and f"{head}-{tail}".lower() in compounds:
                text = text + line
            else:
                text = text[:-1] + line
        elif m and text.endswith("-") and line[:1].isalnum():  # "US-" + "China": a compound of names
            text = text + line
        else:
            text = f"{text} {line}"
    return re.sub(r"[ \t]+", " ", text).strip()

