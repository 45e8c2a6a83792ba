"""`chipgraph demo`: the product in one command on a fresh machine.

It builds a new store from the sample articles in data/articles/, answers the
questions in data/articles/demo.json, and writes a page for the first one, so
a newcomer sees articles become evidenced chains without reading any docs.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from chipgraph.graph.paths import PathQuery
from chipgraph.graph.sqlite_store import SQLiteStore

from chipgraph.ingest.reader import SUFFIX_FORMATS

from .exporting import write_subgraph
from .formatting import format_path
from .pipeline import ingest_paths

__all__ = ["run_demo"]


def run_demo(out: Path, extractor: Any, echo: Callable[[str], None] = print) -> None:
    """Build ``out`` afresh (it is overwritten) and print the headline chains."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    with resources.as_file(resources.files("chipgraph.data").joinpath("articles")) as articles:
        questions = json.loads((articles / "demo.json").read_text(encoding="utf-8"))
        with SQLiteStore(out) as store:
            # the article files only: demo.json beside them is the questions, not an article
            files = sorted(p for p in articles.iterdir() if p.suffix.lower() in SUFFIX_FORMATS)
            summary = ingest_paths(store, files, extractor, progress=None)
            echo(f"chipgraph demo: {summary.describe()} -> {out}")
            page_written = False
            for q in questions:
                src, dst = store.resolve(q["source"]), store.resolve(q["target"])
                paths, documents = store.cited_paths(
                    PathQuery(src.id, dst.id, max_hops=q.get("max_hops", 4), limit=q.get("limit", 10))
                )
                echo("")
                echo(f"== {q['question']}")
                if not paths:
                    echo(f"   no chain found from {src.name} to {dst.name}")
                for n, p in enumerate(paths, 1):
                    echo(format_path(p, n, documents))
                if paths and not page_written:
                    page = write_subgraph(
                        store.subgraph(src.id, depth=2),
                        out.with_suffix(".html"),
                        title=q["question"],
                        paths=paths,
                    )
                    page_written = True
            if page_written:
                echo("")
                echo(f"graph page: {page}  (open it in a browser; it works offline)")
