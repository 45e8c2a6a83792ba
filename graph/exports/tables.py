"""CSV tables for spreadsheets (and Gephi's spreadsheet import).

Three files named from the output's stem, side by side, so several exports
can share a folder and sort together: ``asml.csv`` (or ``asml``) gives

* ``asml.nodes.csv``: one row per entity (``Id``, ``Label``, type, aliases, country);
* ``asml.edges.csv``: one row per relation (``Id`` = ``head|TYPE|tail``,
  ``Source``, ``Target``, ``Type`` = Directed, ``Label`` = the relation type,
  names of both ends, confidence, evidence count, sources, then one column per
  stated attribute);
* ``asml.evidence.csv``: one row per piece of evidence (the edge's ``Id``, the
  article's title, date and URL or file name, the sentence, its offsets, the
  method and confidence, and what the sentence states).

The column heads ``Id``/``Label``/``Source``/``Target``/``Type`` are the ones
Gephi's importer recognises.  Files are UTF-8 with ``\\r\\n`` line ends (RFC
4180); rows are sorted (entities by id, relations by key, evidence as the
stores order it), so re-exports diff cleanly.  A text cell that a spreadsheet
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return: an article can say anything) is prefixed with ``'``.
The API sends the three files in one zip.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

from .base import Exporter, GraphData, atomic_write, register, relation_id, unicode_safe

__all__ = ["CSVExporter", "TABLES", "csv_tables", "spreadsheet_safe"]

TABLES = ("nodes", "edges", "evidence")
NODE_COLUMNS = ("Id", "Label", "type", "aliases", "country")
EDGE_COLUMNS = (
    "Id", "Source", "Target", "Type", "Label", "source_name", "target_name", "confidence", "evidence_count", "sources",
)
EVIDENCE_COLUMNS = (
    "edge_id", "relation", "source_name", "target_name", "document_id", "title", "date", "url_or_file",
    "sentence", "start", "end", "method", "confidence", "attributes",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet shows as text: one starting like a formula
    gets a leading apostrophe (OWASP's advice on CSV injection), a lone
    surrogate becomes U+FFFD; numbers stay as they are."""
    if isinstance(value, str):
        value = unicode_safe(value)
        return "'" + value if value.startswith(_FORMULA_START) else value
    return value


def _rows(data: GraphData) -> dict[str, tuple[Sequence[str], Iterator[Sequence[Any]]]]:
    names = data.names()
    attribute_names = sorted({k for r in data.relations for k in r.attributes})

    def nodes() -> Iterator[Sequence[Any]]:
        for e in data.entities:
            yield (e.id, e.name, e.type.value, "; ".join(e.aliases), e.country or "")

    def edges() -> Iterator[Sequence[Any]]:
        for r in data.relations:
            values: dict[str, list[str]] = {}
            for st in r.attribute_statements():
                values.setdefault(st.name, []).append(st.value)
            for k, v in r.unsourced_attributes.items():
                values.setdefault(k, []).append(v)
            sources = "; ".join(dict.fromkeys(data.source_of(ev) for ev in r.evidence))
            yield (
                relation_id(r), r.head, r.tail, "Directed", r.type.value, names[r.head], names[r.tail],
                round(r.confidence, 4), len(r.evidence), sources,
                *("; ".join(values.get(k, ())) for k in attribute_names),
            )

    def evidence() -> Iterator[Sequence[Any]]:
        for r in data.relations:
            for ev in r.evidence:
                info = data.documents.get(ev.document_id)
                yield (
                    relation_id(r), r.type.value, names[r.head], names[r.tail], ev.document_id,
                    (info.title if info else None) or "", (info.date if info else None) or "", data.source_of(ev),
                    ev.sentence, ev.start, ev.end, ev.method, round(ev.confidence, 4),
                    "; ".join(f"{k}={v}" for k, v in ev.attributes.items()),
                )

    return {
        "nodes": (NODE_COLUMNS, nodes()),
        # a stated attribute named like a fixed column ("confidence") is renamed, so every head is unique
        "edges": ((*EDGE_COLUMNS, *(f"attr_{k}" if k in EDGE_COLUMNS else k for k in attribute_names)), edges()),
        "evidence": (EVIDENCE_COLUMNS, evidence()),
    }


def _write_csv(out: IO[bytes], header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([spreadsheet_safe(v) for v in row])
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for its owner


def csv_tables(data: GraphData) -> dict[str, bytes]:
    """``{"nodes": b"...", "edges": ..., "evidence": ...}``: each table's CSV."""
    out = {}
    for table, (header, rows) in _rows(data).items():
        buf = io.BytesIO()
        _write_csv(buf, header, rows)
        out[table] = buf.getvalue()
    return out


@register
class CSVExporter(Exporter):
    name = "csv"
    extensions = (".csv",)
    media_type = "application/zip"
    download_extension = ".csv.zip"
    description = "CSV tables: STEM.nodes.csv, STEM.edges.csv (one row per relation), STEM.evidence.csv (one row per sentence)."

    def outputs(self, output: Path) -> list[Path]:
        stem = output.name[: -len(".csv")] if output.name.lower().endswith(".csv") else output.name
        return [output.with_name(f"{stem}.{table}.csv") for table in TABLES]

    def write(self, data: GraphData, out: IO[bytes]) -> None:
        """The three tables in one zip (``nodes.csv``, ``edges.csv``, ``evidence.csv``)."""
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for table, content in csv_tables(data).items():
                # a fixed timestamp: the same graph gives the same zip
                zf.writestr(zipfile.ZipInfo(f"{table}.csv", date_time=(2000, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)

    def write_files(self, data: GraphData, output: Path) -> list[Path]:
        tables = csv_tables(data)  # everything rendered before the first file is replaced
        return [
            atomic_write(path, lambda fh, content=tables[table]: fh.write(content))
            for table, path in zip(TABLES, self.outputs(output))
        ]
