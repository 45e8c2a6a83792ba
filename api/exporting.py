"""Writing a subgraph to a file in the format its extension names.

HTML is the page journalists publish; GraphML and GEXF open in Gephi, yEd and
Sigma.js, the tools analysts already use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import networkx as nx

from chipgraph.graph.errors import ChipgraphError
from chipgraph.graph.paths import OwnershipPath
from chipgraph.graph.render import render_html
from chipgraph.graph.subgraph import Subgraph

__all__ = ["write_subgraph", "EXPORT_FORMATS"]

EXPORT_FORMATS = (".html", ".htm", ".graphml", ".gexf")


def write_subgraph(
    subgraph: Subgraph, output: Path, *, title: str | None = None, paths: Sequence[OwnershipPath] = ()
) -> Path:
    suffix = output.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ChipgraphError(f"cannot write {output}: use one of {', '.join(EXPORT_FORMATS)} as the file extension")
    output.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".html", ".htm"):
        output.write_text(render_html(subgraph, title=title, paths=paths), encoding="utf-8")
    elif suffix == ".graphml":
        nx.write_graphml(subgraph.to_networkx(), output)
    else:
        nx.write_gexf(subgraph.to_networkx(), output)
    return output
