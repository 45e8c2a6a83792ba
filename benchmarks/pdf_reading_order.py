"""How cleanly each PDF text library reads what chipgraph needs: words in
reading order, paragraphs kept, one- and two-column pages.

Run: .venv/bin/python benchmarks/pdf_reading_order.py [extra sys.path entry]

Generates its PDFs (tests/pdf_maker.py) and prints, per library and page
layout, the share of words in the right order (difflib ratio on the word
sequence against the text as written), the paragraphs found, and the seconds
taken.  pdfminer.six is measured when importable (pass a folder it is
installed in as the first argument); pypdf is what chipgraph ships.
"""

from __future__ import annotations

import difflib
import importlib.util
import io
import re
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if len(sys.argv) > 1:
    sys.path.append(sys.argv[1])

spec = importlib.util.spec_from_file_location("pdf_maker", ROOT / "tests" / "pdf_maker.py")
pdfs = importlib.util.module_from_spec(spec)
assert spec.loader is not None
spec.loader.exec_module(pdfs)

SENTENCES = [
    "Corvid Lithography delivered two immersion scanners to a fab near Dresden last spring.",
    "The scanners were paid for by a consortium of regional lenders and a state fund.",
    "Analysts expect the plant to reach full output before the end of the decade.",
    "Halvard Group owns Kestrel Devices, which designs power chips for trains.",
    "Kestrel Devices bought its etching tools from a supplier in Osaka.",
    "A spokesperson declined to say how many wafers the line will start each month.",
]


def wrap(text: str, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for w in words:
        if len(line) + len(w) + 1 > width and line:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return lines + [line]


def layouts() -> dict[str, tuple[bytes, list[str]]]:
    paras = [" ".join(SENTENCES[i:i + 2]) for i in range(0, len(SENTENCES), 2)]
    turns = [paras[i:] + paras[:i] for i in range(3)]  # each page different, as in a real document
    one = [[[wrap(p, 80) for p in page]] for page in turns]
    two = [[[wrap(p, 38) for p in paras[:2]], [wrap(p, 38) for p in paras[2:]]]]
    return {
        "one column, header + page numbers, 3 pages": (
            pdfs.pdf_bytes(one, header="Chip Ledger weekly", page_numbers=True), [p for t in turns for p in t]),
        "two columns": (pdfs.pdf_bytes(two), paras),
    }


def read_pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def read_pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def read_chipgraph(data: bytes) -> str:
    from chipgraph.ingest.pdf import pdf_to_text

    return pdf_to_text(data, "bench.pdf").text


def score(text: str, paras: list[str]) -> tuple[float, int]:
    want = " ".join(paras).split()
    got = text.split()
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    return difflib.SequenceMatcher(a=want, b=got, autojunk=False).ratio(), len(blocks)


def main() -> None:
    readers: dict[str, Callable[[bytes], str]] = {"pypdf": read_pypdf}
    if importlib.util.find_spec("pdfminer"):
        readers["pdfminer.six"] = read_pdfminer
    readers["chipgraph (pypdf + cleaning)"] = read_chipgraph
    for read in readers.values():  # imports and first-use set-up are not reading time
        read(next(iter(layouts().values()))[0])
    for layout, (data, paras) in layouts().items():
        print(f"{layout}: {len(paras)} paragraphs written")
        for name, read in readers.items():
            started = time.perf_counter()
            text = read(data)
            seconds = time.perf_counter() - started
            ratio, blocks = score(text, paras)
            print(f"  {name:30s} word order {ratio:.3f}  paragraphs {blocks:3d}  {seconds * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
