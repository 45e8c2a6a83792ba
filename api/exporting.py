"""Writing a subgraph to a file in the format its extension (or a name) says.

A thin dispatcher: HTML is the interactive page (graph/render.py); PNG and
SVG the still picture journalists publish (graph/picture.py); every other
format is an exporter of graph/exports (GraphML, GEXF, CSV, FollowTheMoney).  ``WRITERS`` maps a file extension to the function writing
it: a new picture or page format adds one entry with :func:`add_writer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from chipgraph.graph.citations import DocumentInfo
from chipgraph.graph.errors import UnknownExportFormat
from chipgraph.graph.exports import GraphData, exporter, exporter_for_path, exporters, xml_safe
from chipgraph.graph.exports.base import atomic_write
from chipgraph.graph.paths import OwnershipPath
from chipgraph.graph.picture import PICTURE_FORMATS, render_picture
from chipgraph.graph.render import render_html
from chipgraph.graph.subgraph import Subgraph

__all__ = ["write_subgraph", "xml_safe", "EXPORT_FORMATS", "WRITERS", "Writer", "WriteOptions", "add_writer"]


@dataclass(frozen=True)
class WriteOptions:
    """What a writer may use besides the subgraph."""

    title: str | None = None
    paths: Sequence[OwnershipPath] = ()
    documents: Mapping[str, DocumentInfo] = field(default_factory=dict)
    #: further keyword arguments of ``graph.picture.render_picture`` (layout, credit_date), for .png and .svg
    picture: Mapping[str, Any] = field(default_factory=dict)


#: writes a subgraph to a path and returns the files written
Writer = Callable[[Subgraph, Path, WriteOptions], "list[Path]"]


def _html(subgraph: Subgraph, output: Path, options: WriteOptions) -> list[Path]:
    page = render_html(subgraph, title=options.title, paths=options.paths).encode("utf-8", "replace")
    return [atomic_write(output, lambda fh: fh.write(page))]


def _picture(fmt: str) -> Writer:
    def write(subgraph: Subgraph, output: Path, options: WriteOptions) -> list[Path]:
        image = render_picture(
            subgraph, fmt, title=options.title, paths=options.paths, documents=options.documents, **options.picture  # type: ignore[arg-type]
        )
        return [atomic_write(output, lambda fh: fh.write(image))]

    return write


def _exported(name: str) -> Writer:
    def write(subgraph: Subgraph, output: Path, options: WriteOptions) -> list[Path]:
        return exporter(name).write_files(GraphData.from_subgraph(subgraph, options.documents), output)

    return write


#: file extension (lower case, with the dot) -> writer
WRITERS: dict[str, Writer] = {".html": _html, ".htm": _html, **{ext: _picture(fmt) for ext, fmt in PICTURE_FORMATS.items()}}


def add_writer(extension: str, writer: Writer) -> None:
    """Make ``write_subgraph`` write files ending in ``extension`` with ``writer``."""
    WRITERS[extension.lower()] = writer


for _name, _cls in exporters().items():
    for _ext in _cls.extensions:
        add_writer(_ext, _exported(_name))

EXPORT_FORMATS = tuple(WRITERS)


def _writer_for(output: Path, format: str | None) -> Writer:
    if format is not None:
        key = format.lower()
        if f".{key}" in WRITERS:
            return WRITERS[f".{key}"]
        return _exported(exporter(key).name)
    name = output.name.lower()
    ext = max((e for e in WRITERS if name.endswith(e)), key=len, default=None)
    if ext is None:
        found = exporter_for_path(output)  # an exporter registered after this module was loaded
        if found is None:
            raise UnknownExportFormat(
                f"cannot write {output}: use one of {', '.join(WRITERS)} as the file extension, or give the format"
            )
        return _exported(found.name)
    return WRITERS[ext]


def write_subgraph(
    subgraph: Subgraph,
    output: Path,
    *,
    title: str | None = None,
    paths: Sequence[OwnershipPath] = (),
    documents: Mapping[str, DocumentInfo] | None = None,
    format: str | None = None,
    **picture: Any,
) -> Path:
    """Write ``subgraph`` to ``output`` in the format its extension names (or
    ``format``: html, png, svg, graphml, gexf, csv, ftm); ``documents`` gives
    the articles' titles, dates and URLs that pictures, CSV and FtM cite;
    ``picture`` holds the further keyword arguments of
    ``graph.picture.render_picture`` (layout, credit_date), used by .png and
    .svg only.  Returns the (first) file written; a failure leaves no partial
    file.

    GraphML and GEXF are XML 1.0: characters it forbids (a control character
    copied from a scraped page) are replaced, so the file always parses.
    """
    options = WriteOptions(title, paths, documents or {}, picture)
    written = _writer_for(output, format)(subgraph, output, options)
    return written[0]
