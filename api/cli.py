"""The `chipgraph` command: a thin layer over ingest, graph and the API.

Errors a user can fix (an unknown entity, an unreadable file, a store that is
down) print one clear line and exit non-zero, without a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

import click

from chipgraph.graph.accepted import accepted_view
from chipgraph.graph.errors import ChipgraphError, DocumentNotFound, EntityAmbiguous, EntityNotFound, FactNotFound
from chipgraph.graph.model import SCORED_RELATION_TYPES, RelationType
from chipgraph.graph.paths import MAX_HOPS_LIMIT, PathQuery
from chipgraph.graph.store import DEFAULT_STORE, GraphStore, open_store
from chipgraph.graph.subgraph import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, MAX_EDGES_LIMIT, MAX_NODES_LIMIT
from chipgraph.graph.exports import DEFAULT_MAX_EXPORT_RELATIONS, MAX_EXPORT_RELATIONS_LIMIT, exporters

from chipgraph.graph import questions as q

from .formatting import format_exposure, format_ownership, format_page, format_path
from .security import DEFAULT_MAX_BODY_BYTES, DEFAULT_WRITE_RATE, LOOPBACK_HOSTS, SecurityConfig, is_loopback
from .security import read_key_file as read_key_file_keys

__all__ = ["main", "cli"]

DEMO_STORE = "chipgraph-demo.sqlite"
EXIT_USAGE, EXIT_NOT_FOUND, EXIT_PARTIAL, EXIT_AMBIGUOUS = 2, 3, 1, 4


class Context:
    """Options shared by every sub-command; the store and spaCy open lazily so
    that `chipgraph --help` and `extract` never touch a store."""

    def __init__(self, store: str | None, model: str | None) -> None:
        self.store_location = store
        self.model = model
        self._store: GraphStore | None = None

    def store(self, *, create: bool = False) -> GraphStore:
        """The store; only commands that write pass ``create=True``, so a
        mistyped --store path is an error for every reading command instead
        of a new empty store."""
        if self._store is None:
            self._store = open_store(self.store_location, create=create)
        return self._store

    def extractor(self) -> Any:
        from chipgraph.ingest import Extractor

        return Extractor(self.model)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def _types(value: str | None, default: Sequence[RelationType] = SCORED_RELATION_TYPES) -> tuple[RelationType, ...]:
    """--types as the API's types= takes it (graph.questions.parse_types)."""
    try:
        return q.parse_types(value, default)
    except ChipgraphError as exc:
        raise click.BadParameter(str(exc), param_hint="--types") from None


class UserError(click.ClickException):
    """A chipgraph error shown as one line, with its own exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class ChipgraphGroup(click.Group):
    """Turns chipgraph's own errors into clear messages instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EntityNotFound as exc:
            raise UserError(exc.describe(), EXIT_NOT_FOUND) from exc
        except EntityAmbiguous as exc:
            raise UserError(str(exc), EXIT_AMBIGUOUS) from exc
        except (FactNotFound, DocumentNotFound) as exc:
            raise UserError(str(exc), EXIT_NOT_FOUND) from exc
        except ChipgraphError as exc:
            raise UserError(str(exc), EXIT_USAGE) from exc
        except KeyboardInterrupt:
            raise UserError(
                "interrupted: articles already stored are kept; run the same command again to finish", 130
            ) from None


@click.group(cls=ChipgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    envvar="CHIPGRAPH_STORE",
    default=None,
    help=f"SQLite file or Neo4j URL (bolt://, neo4j://...). Default: $CHIPGRAPH_STORE or ./{DEFAULT_STORE}.",
)
@click.option("--model", envvar="CHIPGRAPH_SPACY_MODEL", default=None, help="spaCy pipeline to load.")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens.")
@click.version_option(package_name="chipgraph")
@click.pass_context
def cli(ctx: click.Context, store: str | None, model: str | None, verbose: bool) -> None:
    """chipgraph: who sold what to whom, and who owns whom, in the chip supply chain."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    ctx.obj = Context(store, model)
    ctx.call_on_close(ctx.obj.close)


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATHS_OR_URLS...")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch.")
@click.option(
    "--processes",
    default=0,
    show_default=True,
    type=click.IntRange(0, 64),
    help="Extraction processes; 0 uses every core (one for a handful of articles).",
)
@click.option("--timeout", default=20.0, show_default=True, help="Seconds to fetch one web address.")
@click.option("--max-download", default=25_000_000, show_default=True, help="Bytes read at most from one web address.")
@click.pass_obj
def ingest(obj: Context, sources: Sequence[str], batch_size: int, processes: int, timeout: float, max_download: int) -> None:
    """Extract facts from articles (files, folders or http(s):// addresses) and store them.

    Files: .txt, .md, .html and .pdf (a PDF's text layer; a scan without one
    is reported as needing OCR).  Web addresses are fetched (redirects
    followed, the final address kept as the source) and read as their
    content type says: HTML, text or PDF."""
    from chipgraph.ingest import scan_article_paths
    from chipgraph.ingest.fetch import FetchSettings, is_url

    from .pipeline import ingest_paths

    urls = [s for s in sources if is_url(s)]
    paths = [Path(s) for s in sources if not is_url(s)]
    scan_article_paths(paths)  # a missing path fails here, before a store is created
    store = obj.store(create=True)
    summary = ingest_paths(
        store,
        paths,
        obj.extractor(),
        batch_size=batch_size,
        processes=processes,
        on_failure=lambda f: click.echo(f"skipped {f.path}: {f.error}", err=True),
        on_skip=lambda f: click.echo(f"skipped {f.path}: {f.error}", err=True),
        on_decoded=lambda path, encoding: click.echo(f"note: {path} is not UTF-8; read it as {encoding}", err=True),
        urls=urls,
        # the user fetches on their own behalf: an intranet page is theirs to read
        fetch=FetchSettings(timeout=timeout, max_bytes=max_download, allow_private=True),
    )
    click.echo(f"{summary.describe()} -> {store.location}")
    if summary.failed:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="jsonl", show_default=True)
@click.pass_obj
def extract(obj: Context, paths: Sequence[Path], fmt: str) -> None:
    """Print the facts extracted from articles, without storing them.

    jsonl is the prediction format of the evaluation scorer: one line per
    article, `file` being the file's name.
    """
    from chipgraph.ingest import ArticleError, read_article, scan_article_paths, to_prediction

    extractor = obj.extractor()
    failed = 0
    scan = scan_article_paths(list(paths))
    for skipped in scan.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    for path in scan.files:
        try:
            article = read_article(path)
        except ArticleError as exc:
            click.echo(f"skipped {path}: {exc}", err=True)
            failed += 1
            continue
        if article.encoding != "utf-8":
            click.echo(f"note: {path} is not UTF-8; read it as {article.encoding}", err=True)
        extraction = extractor.extract(article)
        if fmt == "jsonl":
            click.echo(json.dumps(to_prediction(extraction, path.name), ensure_ascii=False))
        else:
            names = {e.id: e.name for e in extraction.entities}
            click.echo(f"# {path.name} ({extraction.document.language})")
            for r in extraction.relations:
                click.echo(f"{names[r.head]} -[{r.type.value}]-> {names[r.tail]}  ({r.confidence:.2f})")
    if failed:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@click.argument("source")
@click.argument("target")
@click.option("--max-hops", default=4, show_default=True, type=click.IntRange(1, MAX_HOPS_LIMIT))
@click.option("--types", default=None, help="Comma-separated relation types to follow (default: all six).")
@click.option(
    "--direction",
    type=click.Choice(["out", "both"]),
    default="out",
    show_default=True,
    help="out: follow relations as stated; both: also walk them backwards.",
)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--accepted-only", is_flag=True, help="Only facts an analyst accepted (chipgraph curate accept).")
@click.option(
    "--include-removed", is_flag=True,
    help="Also follow listings a newer edition of their list no longer names (chipgraph lists import).",
)
@click.pass_obj
def path(
    obj: Context,
    source: str,
    target: str,
    max_hops: int,
    types: str | None,
    direction: str,
    limit: int,
    as_json: bool,
    accepted_only: bool,
    include_removed: bool,
) -> None:
    """Chains from SOURCE to TARGET (names, aliases or ids), shortest first.

    Listings a newer edition of their list removed are history, not links:
    `chipgraph show` prints them, and --include-removed follows them."""
    store = accepted_view(obj.store(), accepted_only)
    src, dst = store.resolve_unique(source), store.resolve_unique(target)
    query = PathQuery(src.id, dst.id, types=_types(types), direction=direction, max_hops=max_hops, limit=limit,  # type: ignore[arg-type]
                      include_removed=include_removed)
    paths, documents = store.cited_paths(query)
    if as_json:
        click.echo(
            json.dumps(
                {"source": src.to_dict(), "target": dst.to_dict(), "paths": [p.to_dict() for p in paths]},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not paths:
        click.echo(f"no path from {src.name} to {dst.name} within {max_hops} hops ({direction})")
        return
    for n, p in enumerate(paths, 1):
        click.echo(format_path(p, n, documents))
        click.echo()


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.pass_obj
def entities(obj: Context, query: str, limit: int) -> None:
    """List entities whose name or alias contains QUERY (else those spelled close to it)."""
    found, close = q.find_entities(obj.store(), query, limit)
    if close:
        click.echo(f"no name contains {query!r}; close spellings:", err=True)
    elif not found:
        click.echo(f"no entity matches {query!r}", err=True)
    for e in found:
        aliases = f"  (aka {', '.join(e.aliases)})" if e.aliases else ""
        click.echo(f"{e.id:45} {e.type.value:8} {e.name}{aliases}")


@cli.command()
@click.argument("entity")
@click.option("--hops", default=3, show_default=True, type=click.IntRange(0, MAX_HOPS_LIMIT), help="Hops between companies (the final listing is not counted).")
@click.option("--types", default=None, help="Comma-separated relation types to walk [default: OWNED_BY,PART_OF,SUPPLIED].")
@click.option("--direction", type=click.Choice(["out", "both"]), default="out", show_default=True, help="out: follow relations as stated; both: also backwards.")
@click.option("--flags", default=None, help="What counts as a hit: DESIGNATED, MILITARY_LINK [default: both].")
@click.option("--reverse", is_flag=True, help="Who reaches ENTITY (a listed company, a list or 'military') instead.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--max-degree", default=q.DEFAULT_MAX_DEGREE, show_default=True, type=click.IntRange(1, q.MAX_DEGREE_LIMIT), help="Entities with more relations are not expanded (the answer says so).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--accepted-only", is_flag=True, help="Only facts an analyst accepted (chipgraph curate accept).")
@click.pass_obj
def exposure(
    obj: Context, entity: str, hops: int, types: str | None, direction: str, flags: str | None,
    reverse: bool, limit: int, max_degree: int, as_json: bool, accepted_only: bool,
) -> None:
    """Screen ENTITY: who within --hops is on a list or linked to the military, with the chain and sources."""
    store = accepted_view(obj.store(), accepted_only)
    start = store.resolve_unique(entity)
    result = q.exposure(
        store, start.id, max_hops=hops, types=_types(types, q.WALK_TYPES), direction=direction,  # type: ignore[arg-type]
        flags=_types(flags, q.FLAG_TYPES), reverse=reverse, limit=limit, max_degree=max_degree,
    )
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if as_json else format_exposure(result))


@cli.command()
@click.argument("entity")
@click.option("--down", is_flag=True, help="What ENTITY owns (its subsidiaries and units), as a tree.")
@click.option("--depth", default=6, show_default=True, type=click.IntRange(1, MAX_HOPS_LIMIT))
@click.option("--max-degree", default=q.DEFAULT_MAX_DEGREE, show_default=True, type=click.IntRange(1, q.MAX_DEGREE_LIMIT))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--accepted-only", is_flag=True, help="Only facts an analyst accepted (chipgraph curate accept).")
@click.pass_obj
def owners(obj: Context, entity: str, down: bool, depth: int, max_degree: int, as_json: bool, accepted_only: bool) -> None:
    """Who owns ENTITY, up to its ultimate owner(s) (OWNED_BY, PART_OF); --down: what it owns."""
    store = accepted_view(obj.store(), accepted_only)
    root = store.resolve_unique(entity)
    result = q.owners(store, root.id, down=down, max_depth=depth, max_degree=max_degree)
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if as_json else format_ownership(result))


@cli.command()
@click.argument("entity")
@click.option("--max-relations", default=500, show_default=True, type=click.IntRange(1, 5000))
@click.option("--max-documents", default=100, show_default=True, type=click.IntRange(1, 5000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--accepted-only", is_flag=True, help="Only facts an analyst accepted (chipgraph curate accept).")
@click.pass_obj
def show(obj: Context, entity: str, max_relations: int, max_documents: int, as_json: bool, accepted_only: bool) -> None:
    """Everything on ENTITY: names, relations by type with sources, lists, articles."""
    store = accepted_view(obj.store(), accepted_only)
    ent = store.resolve_unique(entity)
    page = q.entity_page(store, ent.id, max_relations=max_relations, max_documents=max_documents)
    click.echo(json.dumps(page.to_dict(), ensure_ascii=False, indent=2) if as_json else format_page(page))


@cli.command()
@click.argument("entity", required=False)
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 4), help="Hops of ENTITY's neighbourhood.")
@click.option("--path", "path_ends", nargs=2, default=None, metavar="SOURCE TARGET", help="Draw the chains from SOURCE to TARGET instead.")
@click.option("--exposure", "exposure_of", default=None, metavar="ENTITY", help="Draw ENTITY's screening: its chains to listed or military-linked entities.")
@click.option("--owners", "owners_of", default=None, metavar="ENTITY", help="Draw who owns ENTITY (with --down: what it owns).")
@click.option("--hops", default=None, type=click.IntRange(0, MAX_HOPS_LIMIT), help="--path: most hops [4]; --exposure: hops [3]; --owners: depth [6].")
@click.option("--reverse", is_flag=True, help="--exposure: who reaches ENTITY instead.")
@click.option("--down", is_flag=True, help="--owners: what ENTITY owns.")
@click.option("--title", default=None, help="The picture's heading [default: says what is drawn].")
@click.option("--date", "credit_date", default=None, help="Date in a picture's credit line [default: the newest source's].")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="File to write (.html, .png, .svg, .graphml, .gexf, .csv, .ftm.jsonl).")
@click.option("--max-nodes", default=DEFAULT_MAX_NODES, show_default=True, type=click.IntRange(1, MAX_NODES_LIMIT),
              help="Most entities drawn (the centre and the nearest).")
@click.option("--max-edges", default=DEFAULT_MAX_EDGES, show_default=True, type=click.IntRange(1, MAX_EDGES_LIMIT),
              help="Most relations drawn.")
@click.pass_obj
def render(
    obj: Context, entity: str | None, depth: int, path_ends: tuple[str, str] | None, exposure_of: str | None,
    owners_of: str | None, hops: int | None, reverse: bool, down: bool, title: str | None, credit_date: str | None,
    output: Path, max_nodes: int, max_edges: int,
) -> None:
    """Draw ENTITY's neighbourhood, a chain (--path A B), a screening
    (--exposure X) or an ownership tree (--owners X) as an interactive HTML
    page, a picture to publish (.png, .svg) or GraphML/GEXF, cut to the same
    caps as the API so a hub stays readable."""
    from chipgraph.graph import scenes

    from .exporting import write_subgraph

    asked = [x for x in (entity, path_ends, exposure_of, owners_of) if x]
    if len(asked) != 1:
        raise click.UsageError("name one thing to draw: ENTITY, --path SOURCE TARGET, --exposure ENTITY or --owners ENTITY")
    store = obj.store()
    caps = {"max_nodes": max_nodes, "max_edges": max_edges}
    if path_ends:
        src, dst = store.resolve_unique(path_ends[0]), store.resolve_unique(path_ends[1])
        scene = scenes.paths_scene(store, PathQuery(src.id, dst.id, max_hops=max(hops or 4, 1)), **caps)
    elif exposure_of:
        start = store.resolve_unique(exposure_of)
        result = q.exposure(store, start.id, max_hops=3 if hops is None else hops, reverse=reverse)
        scene = scenes.exposure_scene(store, result, **caps)
    elif owners_of:
        root = store.resolve_unique(owners_of)
        scene = scenes.owners_scene(q.owners(store, root.id, down=down, max_depth=max(hops or 6, 1)), **caps)
    else:
        center = store.resolve_unique(entity or "")
        scene = scenes.neighbourhood_scene(store, center.id, depth, **caps)
    subgraph = scene.subgraph
    written = write_subgraph(
        subgraph, output, title=title or scene.title, paths=scene.paths, documents=scene.documents,
        layout=scene.layout, credit_date=credit_date,
    )
    cut = " (cut to the caps; raise --max-nodes/--max-edges for more)" if subgraph.truncated else ""
    click.echo(f"wrote {written} ({len(subgraph.entities)} entities, {len(subgraph.relations)} relations){cut}")


@cli.command(name="export")
@click.argument("output", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(exporters())), default=None,
              help="Format to write [default: from OUTPUT's extension: .graphml, .gexf, .csv, .ftm.jsonl].")
@click.option("--entity", default=None, help="Export this entity's neighbourhood (name, alias or id) instead of the whole graph.")
@click.option("--depth", default=None, type=click.IntRange(0, 4), help="Hops around --entity [default: 1].")
@click.option("--max-nodes", default=DEFAULT_MAX_NODES, show_default=True, type=click.IntRange(1, MAX_NODES_LIMIT), help="With --entity: most entities.")
@click.option("--max-edges", default=DEFAULT_MAX_EDGES, show_default=True, type=click.IntRange(1, MAX_EDGES_LIMIT), help="With --entity: most relations.")
@click.option("--max-relations", default=DEFAULT_MAX_EXPORT_RELATIONS, show_default=True, type=click.IntRange(1, MAX_EXPORT_RELATIONS_LIMIT),
              help="Whole graph: refuse a graph with more relations.")
@click.pass_obj
def export_graph(
    obj: Context, output: Path, fmt: str | None, entity: str | None, depth: int | None,
    max_nodes: int, max_edges: int, max_relations: int,
) -> None:
    """Write the graph (or --entity's neighbourhood) to OUTPUT as GraphML,
    GEXF, CSV tables or FollowTheMoney JSON lines, with every relation's evidence."""
    from chipgraph.graph.exports import GraphData, exporter, exporter_for_path

    chosen = exporter(fmt) if fmt else exporter_for_path(output)
    if chosen is None:
        raise click.BadParameter(
            f"cannot tell the format of {output.name}: give --format ({', '.join(exporters())}) or an extension "
            "such as .graphml, .gexf, .csv, .ftm.jsonl", param_hint="OUTPUT",
        )
    if depth is not None and entity is None:
        raise click.BadParameter("--depth needs --entity (without it the whole graph is exported)", param_hint="--depth")
    store = obj.store()
    if entity is not None:
        center = store.resolve_unique(entity)
        data = GraphData.from_neighbourhood(store, center.id, depth or 1, max_nodes=max_nodes, max_edges=max_edges)
    else:
        data = GraphData.from_store(store, max_relations=max_relations)
    written = chosen.write_files(data, output)
    evidence = sum(len(r.evidence) for r in data.relations)
    cut = " (cut to the caps; raise --max-nodes/--max-edges for more)" if data.truncated else ""
    click.echo(
        f"wrote {', '.join(map(str, written))} ({len(data.entities)} entities, {len(data.relations)} relations, "
        f"{evidence} pieces of evidence){cut}"
    )


@cli.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def import_files(obj: Context, files: Sequence[Path]) -> None:
    """Import FollowTheMoney JSON lines (FILE.ftm.jsonl) into the store.

    Each file is checked whole before anything of it is written: a bad line
    is reported with its number and the file is left out entirely."""
    from chipgraph.graph.ftm_import import import_ftm

    store = obj.store(create=True)
    for path in files:
        click.echo(str(import_ftm(store, path)))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; a non-loopback one needs write keys.")
@click.option("--port", default=8000, show_default=True)
@click.option("--api-key-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Write keys, one a line (adds to $CHIPGRAPH_API_KEYS).")
@click.option("--read-key-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Read keys, one a line: reads then need a key (adds to $CHIPGRAPH_READ_KEYS).")
@click.option("--allowed-host", "allowed_hosts", multiple=True, help="Host header to answer (repeat); default loopback names and --host, or $CHIPGRAPH_ALLOWED_HOSTS.")
@click.option("--max-body-bytes", type=click.IntRange(min=1), help=f"Largest request body [default: $CHIPGRAPH_MAX_BODY_BYTES or {DEFAULT_MAX_BODY_BYTES}].")
@click.option("--write-rate", type=click.FloatRange(min=0, min_open=True), help=f"Writes per minute and client [default: $CHIPGRAPH_WRITE_RATE or {DEFAULT_WRITE_RATE:g}].")
@click.option("--allow-open-writes", is_flag=True, help="Serve a non-loopback address without write keys (anyone who reaches it can write).")
@click.option("--graceful-timeout", default=3.0, show_default=True, type=click.FloatRange(min=0), help="Seconds SIGTERM waits for open requests.")
@click.pass_obj
def serve(
    obj: Context,
    host: str,
    port: int,
    api_key_file: Path | None,
    read_key_file: Path | None,
    allowed_hosts: tuple[str, ...],
    max_body_bytes: int | None,
    write_rate: float | None,
    allow_open_writes: bool,
    graceful_timeout: float,
) -> None:
    """Serve the API (docs at /docs).  Security: see the README's Security section."""
    import uvicorn

    from .app import create_app

    config = SecurityConfig.from_env()
    changes: dict[str, Any] = {}
    if api_key_file:
        changes["write_keys"] = config.write_keys | read_key_file_keys(api_key_file)
    if read_key_file:
        changes["read_keys"] = config.read_keys | read_key_file_keys(read_key_file)
    if allowed_hosts:
        changes["allowed_hosts"] = tuple(allowed_hosts)
    if max_body_bytes is not None:
        changes["max_body_bytes"] = max_body_bytes
    if write_rate is not None:
        changes["write_rate_per_minute"] = write_rate
    config = replace(config, **changes).with_host(host)
    if not is_loopback(host) and config.writes_open and not allow_open_writes:
        raise UserError(
            f"refusing to serve {host} with writes open to anyone who reaches it: set "
            "CHIPGRAPH_API_KEYS or --api-key-file (or pass --allow-open-writes)",
            EXIT_USAGE,
        )
    if host in ("0.0.0.0", "::") and config.allowed_hosts == LOOPBACK_HOSTS:
        click.echo(
            "note: only loopback Host headers are answered; name the server's own with --allowed-host "
            "or CHIPGRAPH_ALLOWED_HOSTS",
            err=True,
        )
    reads = "keyed" if config.read_keys else "open"
    writes = "keyed" if config.write_keys else "OPEN"
    click.echo(
        f"chipgraph serve: writes {writes}, reads {reads}, body limit {config.max_body_bytes} bytes, "
        f"{config.write_rate_per_minute:g} writes/min per client, hosts {', '.join(config.allowed_hosts or ('any',))}",
        err=True,
    )
    uvicorn.run(
        create_app(obj.store_location, model=obj.model, security=config),
        host=host,
        port=port,
        timeout_graceful_shutdown=graceful_timeout,
    )


@cli.command()
@click.option("--out", default=DEMO_STORE, show_default=True, type=click.Path(path_type=Path), help="Fresh SQLite store to build.")
@click.pass_obj
def demo(obj: Context, out: Path) -> None:
    """Ingest the sample articles into a fresh store and print the headline chains."""
    from .demo import run_demo

    run_demo(out, obj.extractor(), echo=click.echo)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("articles_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--by-language/--no-by-language", default=True, show_default=True, help="The table again for each gold language.")
@click.option("--by-rule", is_flag=True, help="Facts, hits and false hits of each extraction rule (Evidence.method).")
@click.option("--errors/--no-errors", default=True, show_default=True, help="List misses and false hits.")
@click.pass_obj
def evaluate(obj: Context, gold: Path, articles_dir: Path, by_language: bool, by_rule: bool, errors: bool) -> None:
    """Score extraction on annotated articles.

    Prints the scorer's table first (exactly as ../shared/eval/score.py
    does), then one per language, each rule's record with --by-rule, then
    the misses and false hits.
    """
    from chipgraph.ingest import evaluate as run_eval

    report = run_eval(gold, articles_dir, obj.extractor())
    click.echo(report.table())
    if by_language:
        click.echo()
        click.echo(report.language_tables())
    if by_rule:
        click.echo()
        from chipgraph.ingest.relations import english_rules

        click.echo(report.rule_table(english_rules()))
    if errors:
        click.echo()
        click.echo(report.errors())


@cli.command()
@click.option("--from", "source", required=True, help="Store to copy from (path or URL).")
@click.option("--to", "target", required=True, help="Store to copy into (path or URL).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Rows per write (default: the target's own, 40,000 into SQLite, 1,000 into a server).")
def copy(source: str, target: str, batch_size: int | None) -> None:
    """Copy the whole graph, with evidence, from one store to another."""
    from chipgraph.graph.copy import copy_graph

    with open_store(source, create=False) as src, open_store(target) as dst:
        report = copy_graph(src, dst, batch_size=batch_size, progress=None)
    click.echo(f"copied {report} from {src.location} to {dst.location}")


@cli.group()
def job() -> None:
    """Extract a large archive on a Dask cluster, then load the result."""


@job.command(name="extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Folder for the extraction files.")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler (tcp://host:8786).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 256),
              help="Worker processes of the local cluster started when no --scheduler is given.")
@click.option("--partition-files", default=64, show_default=True, type=click.IntRange(1, 100_000),
              help="Articles per partition (one task).")
@click.pass_obj
def job_extract(obj: Context, paths: Sequence[Path], out_dir: Path, scheduler: str | None, workers: int,
                partition_files: int) -> None:
    """Extract articles on a cluster into extraction JSON lines (the store is only read, for its listed names)."""
    from chipgraph.ingest import scan_article_paths
    from chipgraph.ingest.distributed import run_archive_job

    from chipgraph.graph.errors import StoreUnavailable

    from .pipeline import known_names

    scan_article_paths(list(paths))  # a missing path fails here, before a cluster starts
    try:  # the names listed in the store the result will be loaded into, if it exists
        known = known_names(obj.store())
    except StoreUnavailable:
        known = None
    report = run_archive_job(paths, out_dir, obj.extractor(), scheduler=scheduler, workers=workers,
                             partition_files=partition_files, known=known)
    for path, error in sorted(report.failed.items()):
        click.echo(f"skipped {path}: {error}", err=True)
    click.echo(report.describe())
    if report.failed:
        sys.exit(EXIT_PARTIAL)


@job.command(name="load")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.pass_obj
def job_load(obj: Context, folder: Path) -> None:
    """Write a finished job's extractions into the store, in input order."""
    from .pipeline import load_extraction_folder

    store = obj.store(create=True)
    summary = load_extraction_folder(store, folder)
    click.echo(f"{summary.describe()} -> {store.location}")


@cli.command()
@click.pass_obj
def stats(obj: Context) -> None:
    """Count documents, entities, relations and evidence in the store."""
    store = obj.store()
    counts = store.counts()
    click.echo(f"{store.location}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


from .cli_lists import lists as _lists  # noqa: E402  (the `lists` group, in its own module)

cli.add_command(_lists)

from .curate_cli import curate  # noqa: E402  (its commands use the group's Context)

cli.add_command(curate)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `chipgraph` console script."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="chipgraph")


if __name__ == "__main__":  # pragma: no cover
    main()
