"""Writing a subgraph to a file in the format its extension names.

HTML is the interactive page; PNG and SVG the still picture journalists
publish (graph/picture.py); GraphML and GEXF open in Gephi, yEd and Sigma.js,
the tools analysts already use.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Any, Sequence

import networkx as nx

from chipgraph.graph.errors import ChipgraphError
from chipgraph.graph.paths import OwnershipPath
from chipgraph.graph.picture import PICTURE_FORMATS, render_picture
from chipgraph.graph.render import render_html
from chipgraph.graph.subgraph import Subgraph

__all__ = ["write_subgraph", "xml_safe", "EXPORT_FORMATS"]

EXPORT_FORMATS = (".html", ".htm", ".graphml", ".gexf", *PICTURE_FORMATS)
#: what XML 1.0 forbids in a document (control characters but tab, newline and
#: carriage return; lone surrogates; U+FFFE and U+FFFF): no escape makes them legal
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by U+FFFD,
    so the loss stays visible instead of silently joining words."""
    return _NOT_XML.sub("\ufffd", text)


def _xml_safe_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` in which every string written (node ids, edge keys,
    attribute names and values) is XML-safe."""

    def clean(value: Any) -> Any:
        return xml_safe(value) if isinstance(value, str) else value

    def attrs(data: dict[str, Any]) -> dict[str, Any]:
        return {clean(k): clean(v) for k, v in data.items()}

    out = nx.MultiDiGraph(**attrs(graph.graph))
    out.add_nodes_from((clean(n), attrs(d)) for n, d in graph.nodes(data=True))
    out.add_edges_from((clean(u), clean(v), clean(k), attrs(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    return out


def write_subgraph(
    subgraph: Subgraph,
    output: Path,
    *,
    title: str | None = None,
    paths: Sequence[OwnershipPath] = (),
    **picture: Any,
) -> Path:
    """Write ``subgraph`` to ``output`` in the format its extension names.

    ``picture`` holds the further keyword arguments of
    ``graph.picture.render_picture`` (documents, credit_date, layout), used
    by .png and .svg only.

    GraphML and GEXF are XML 1.0: characters it forbids (a control character
    copied from a scraped page) are replaced, so the file always parses.
    """
    suffix = output.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ChipgraphError(f"cannot write {output}: use one of {', '.join(EXPORT_FORMATS)} as the file extension")
    output.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed into place: a failure mid-way
    # leaves the previous file (or none), never a truncated one.
    tmp = output.with_name(f".{output.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        if suffix in (".html", ".htm"):
            tmp.write_text(render_html(subgraph, title=title, paths=paths), encoding="utf-8")
        elif suffix in PICTURE_FORMATS:
            tmp.write_bytes(render_picture(subgraph, PICTURE_FORMATS[suffix], title=title, paths=paths, **picture))
        elif suffix == ".graphml":
            nx.write_graphml(_xml_safe_graph(subgraph.to_networkx()), tmp)
        else:
            nx.write_gexf(_xml_safe_graph(subgraph.to_networkx()), tmp)
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)
    return output
