"""PDFs made by the tests themselves (reportlab), with sentences of our own.

A page is a list of columns, a column a list of paragraphs, a paragraph a
list of lines exactly as they are set (so a test decides where a word is
hyphenated across a line break).  Running headers and page numbers are drawn
like a newsletter's, to check that reading drops them.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

Paragraph = Sequence[str]
Column = Sequence[Paragraph]
Page = Sequence[Column]

LINE = 14.0  # points between lines of a paragraph
GAP = 10.0  # extra points between paragraphs


def pdf_bytes(
    pages: Sequence[Page],
    *,
    title: str | None = None,
    created: str | None = None,
    header: str | None = None,
    page_numbers: bool = False,
) -> bytes:
    """A PDF with a text layer; ``created`` is a PDF date (``D:20251103120000Z``)."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    width, height = A4
    for number, page in enumerate(pages, 1):
        canvas.setFont("Helvetica", 9)
        if header:
            canvas.drawString(72, height - 40, header)
        if page_numbers:
            canvas.drawCentredString(width / 2, 30, str(number))
        canvas.setFont("Helvetica", 10.5)
        col_width = (width - 144) / len(page)
        for c, column in enumerate(page):
            x, y = 72 + c * (col_width + 12), height - 90
            for paragraph in column:
                for line in paragraph:
                    canvas.drawString(x, y, line)
                    y -= LINE
                y -= GAP
        canvas.showPage()
    canvas.save()
    return _with_metadata(buf.getvalue(), title=title, created=created)


def image_only_pdf_bytes(*, pages: int = 1, title: str | None = None) -> bytes:
    """A "scanned" PDF: each page is one picture and there is no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    picture = Image.new("L", (400, 200), 255)
    draw = ImageDraw.Draw(picture)
    for row in range(8):  # lines of "print", as a scan shows them
        draw.rectangle((20, 20 + row * 20, 360 - (row % 3) * 40, 30 + row * 20), fill=30)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    for _ in range(pages):
        canvas.drawImage(ImageReader(picture), 72, 400, width=400, height=200)
        canvas.showPage()
    canvas.save()
    return _with_metadata(buf.getvalue(), title=title, created=None)


def encrypted_pdf_bytes(pages: Sequence[Page], password: str) -> bytes:
    """A PDF that opens only with ``password``."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(pages))))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_pdf(path: Path, pages: Sequence[Page], **kwargs: str | bool | None) -> Path:
    path.write_bytes(pdf_bytes(pages, **kwargs))  # type: ignore[arg-type]
    return path


def _with_metadata(data: bytes, *, title: str | None, created: str | None) -> bytes:
    """The PDF with exactly this document information (reportlab's own
    "untitled" and fixed date replaced), as a PDF writer would leave it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    info = {"/Producer": "chipgraph tests"}
    if title is not None:
        info["/Title"] = title
    if created is not None:
        info["/CreationDate"] = created
    writer.metadata = info
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
