"""The browser workbench: search, entity pages, path and exposure questions
drawn as graphs with their evidence, exports, and an upload box.

Every page is a thin, server-rendered view over the same library calls the
CLI and the JSON API make (graph/questions.py, graph/store.py); drawings are
graph/render.py's vis-network page, shown in a sandboxed frame.  Nothing is
fetched from elsewhere: the style sheet and the one script are package files
served from here, and each page sends a Content-Security-Policy that allows
only them (no inline script, no other origin), so even an article string that
slipped into markup could neither run nor load anything.  Templates are
rendered with autoescape on; the script writes article strings with
``textContent`` only.

Writes (the upload box, curation) go through the existing JSON write routes,
with the write key the page asks for once and keeps in ``sessionStorage``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path as FilePath
from typing import Annotated, Any, Callable, Iterable, Literal, Mapping, Sequence
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from chipgraph.graph import curation
from chipgraph.graph import questions as q
from chipgraph.graph import scenes
from chipgraph.graph.exports import GraphData, exporter, exporters
from chipgraph.graph.errors import ChipgraphError, EntityAmbiguous, EntityNotFound, StoreError
from chipgraph.graph.model import SCORED_RELATION_TYPES, Entity
from chipgraph.graph.paths import MAX_HOPS_LIMIT, OwnershipPath, PathQuery, cited_document_ids
from chipgraph.graph.picture import MEDIA_TYPES, render_picture
from chipgraph.graph.render import render_html
from chipgraph.graph.store import GraphStore
from chipgraph.graph.subgraph import DEFAULT_MAX_EDGES, DEFAULT_MAX_EVIDENCE

from .gate import KEY_PAGE, READ_KEY_COOKIE, cookie_value
from .security import SecurityConfig

__all__ = ["workbench_router", "PAGE_CSP", "DRAWING_CSP", "EXPORTS", "Drawing", "find_paths", "run_exposure", "export_bytes"]

#: What a workbench page may load: its own style sheet and script, JSON from
#: this server, drawings from this server in a frame; nothing inline, nothing
#: from elsewhere, and no other site may frame it.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: A drawing carries its own strict policy (a meta tag, render.py); the
#: header adds what a meta tag cannot say: only the workbench may frame it.
DRAWING_CSP = "frame-ancestors 'self'"
_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

#: what a drawing can be saved as, in the order the page offers them: the
#: picture to publish (graph/picture.py), the interactive page (graph/render.py)
#: and every exporter graph/exports registers (GraphML, GEXF, CSV, FtM...)
EXPORTS: tuple[str, ...] = (*MEDIA_TYPES, "html", *(n for n in exporters() if n not in MEDIA_TYPES and n != "html"))
_STATIC: Mapping[str, str] = {"workbench.css": "text/css; charset=utf-8", "workbench.js": "text/javascript; charset=utf-8"}
#: hits and paths one page shows (the JSON API takes larger limits)
PAGE_LIMIT = 20
#: suggestions the search page lists
SEARCH_LIMIT = 50
DrawingKind = Literal["neighbourhood", "path", "exposure"]


# -- templates ------------------------------------------------------------------
def _template_dir() -> FilePath:
    return FilePath(str(resources.files("chipgraph.api").joinpath("templates")))


@lru_cache(maxsize=1)
def _env() -> Environment:
    """Autoescape on for every template (not by file name), and an undefined
    variable is an error rather than an empty string."""
    env = Environment(
        loader=FileSystemLoader(str(_template_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["relation_types"] = [t.value for t in SCORED_RELATION_TYPES]
    env.globals["walk_types"] = [t.value for t in q.WALK_TYPES]
    env.globals["max_hops_limit"] = MAX_HOPS_LIMIT
    env.globals["export_formats"] = list(EXPORTS)
    env.globals["curation"] = True  # Accept/Reject beside every fact (POST /curation)
    return env


def _template(name: str) -> Template:
    return _env().get_template(name)


@lru_cache(maxsize=None)
def _static(name: str) -> bytes:
    return _template_dir().joinpath(name).read_bytes()


# -- what a drawing shows ---------------------------------------------------------
@dataclass(frozen=True)
class Drawing:
    """One drawable question, as the query string of /ui/draw and /ui/export
    carries it: a neighbourhood (``entity``, ``depth``), a path question
    (``source``, ``target``, ``max_hops``, ``types``, ``direction``,
    ``include_removed``) or an
    exposure screening (``entity``, ``max_hops``, ``types``, ``direction``,
    ``reverse``)."""

    kind: DrawingKind
    entity: str = ""
    source: str = ""
    target: str = ""
    depth: int = 1
    max_hops: int = 4
    types: tuple[str, ...] = ()
    direction: Literal["out", "both"] = "out"
    reverse: bool = False
    include_removed: bool = False

    def scene(self, store: GraphStore) -> scenes.Scene:
        """What graph/scenes draws for this question (the same scene the
        /render picture routes and ``chipgraph render`` draw)."""
        if self.kind == "neighbourhood":
            center = store.resolve_unique(self.entity)
            return scenes.neighbourhood_scene(store, center.id, self.depth)
        if self.kind == "path":
            src, dst = store.resolve_unique(self.source), store.resolve_unique(self.target)
            query = path_query(src.id, dst.id, self.max_hops, self.types, self.direction, PAGE_LIMIT, self.include_removed)
            return scenes.paths_scene(store, query)
        answer = run_exposure(store, self.entity, self.max_hops, self.types, self.direction, self.reverse)
        return scenes.exposure_scene(store, answer)


def drawing_query(
    kind: DrawingKind,
    entity: Annotated[str, Query(max_length=300)] = "",
    source: Annotated[str, Query(max_length=300)] = "",
    target: Annotated[str, Query(max_length=300)] = "",
    depth: Annotated[int, Query(ge=0, le=4)] = 1,
    max_hops: Annotated[int, Query(ge=0, le=MAX_HOPS_LIMIT)] = 4,
    types: Annotated[list[str] | None, Query(max_length=10)] = None,
    direction: Literal["out", "both"] = "out",
    reverse: bool = False,
    include_removed: bool = False,
) -> Drawing:
    """The Drawing a query string of /ui/draw or /ui/export describes."""
    return Drawing(kind, entity, source, target, depth, max_hops, tuple(types or ()), direction, reverse, include_removed)


def path_query(
    source: str, target: str, max_hops: int, types: Sequence[str], direction: str, limit: int,
    include_removed: bool = False,
) -> PathQuery:
    """The path question a form asks (no type ticked: every type)."""
    wanted = q.parse_types(list(types) or None, SCORED_RELATION_TYPES)
    return PathQuery(source, target, wanted, direction, max_hops, limit, include_removed)  # type: ignore[arg-type]


def find_paths(
    store: GraphStore, source: str, target: str, max_hops: int, types: Sequence[str], direction: str,
    include_removed: bool = False,
) -> tuple[Entity, Entity, tuple[OwnershipPath, ...], bool]:
    """The ranked paths between two names (each resolved, never guessed), at
    most PAGE_LIMIT of them, with whether more were found."""
    src, dst = store.resolve_unique(source), store.resolve_unique(target)
    found = store.paths(path_query(src.id, dst.id, max_hops, types, direction, PAGE_LIMIT + 1, include_removed))
    shown = tuple(p.with_evidence_cap(DEFAULT_MAX_EVIDENCE)[0] for p in found[:PAGE_LIMIT])
    return src, dst, shown, len(found) > PAGE_LIMIT


def run_exposure(
    store: GraphStore, entity: str, max_hops: int, types: Sequence[str], direction: str, reverse: bool
) -> q.Exposure:
    """The screening the CLI's ``exposure`` and GET /exposure run, for one page."""
    start = store.resolve_unique(entity)
    return q.exposure(
        store,
        start.id,
        max_hops=max_hops,
        types=q.parse_types(list(types) or None, q.WALK_TYPES),
        direction=direction,  # type: ignore[arg-type]
        reverse=reverse,
        limit=PAGE_LIMIT,
    )


def export_bytes(scene: scenes.Scene, fmt: str) -> tuple[bytes, str, str]:
    """The scene as a file in ``fmt`` (one of EXPORTS): its bytes, media type
    and file name, written by the library's own writers."""
    slug = "".join(c if c.isalnum() else "-" for c in scene.title.lower()).strip("-")[:60].strip("-") or "chipgraph"
    if fmt in MEDIA_TYPES:
        return render_picture(scene.subgraph, fmt, **scene.picture_options()), MEDIA_TYPES[fmt], f"{slug}.{fmt}"  # type: ignore[arg-type]
    if fmt == "html":
        page = render_html(scene.subgraph, title=scene.title, paths=scene.paths)
        return page.encode("utf-8", "replace"), "text/html; charset=utf-8", f"{slug}.html"
    chosen = exporter(fmt)
    return chosen.to_bytes(GraphData.from_subgraph(scene.subgraph, scene.documents)), chosen.media_type, chosen.filename(slug)


# -- view data ----------------------------------------------------------------------
def _path_view(path: OwnershipPath, store: GraphStore) -> dict[str, Any]:
    """A path with each hop cited as the JSON API cites it (questions.hop_dict)."""
    names = {e.id: e.name for e in path.entities}
    documents = store.document_infos(cited_document_ids([path]))
    return {
        "description": path.describe(),
        "confidence": path.confidence,
        "length": path.length,
        "entities": [e.to_dict() for e in path.entities],
        "hops": [q.hop_dict(h, names, documents) for h in path.hops],
    }


def _verdicts(store: GraphStore, hops: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The curation verdict of every fact shown (``head|TYPE|tail`` ->
    ``verdict``, ``new_evidence``, ``author``), from the curation log, so
    each Accept/Reject pair shows where the fact stands."""
    keys = list(dict.fromkeys((h["head"], h["type"], h["tail"]) for h in hops))
    out: dict[str, dict[str, Any]] = {}
    for key, st in curation.status(store, keys).items():
        if st.verdict is not None:
            author = st.entry.author if st.entry is not None else None
            out[curation.fact_key(*key)] = {"verdict": st.verdict, "new_evidence": st.new_evidence, "author": author}
    return out


# -- the router ---------------------------------------------------------------------
def workbench_router(get_store: Callable[[], GraphStore], security: SecurityConfig) -> APIRouter:
    """The workbench's pages, over ``get_store()``'s graph.  ``security`` says
    whether writes need a key (the upload page then asks for one)."""
    router = APIRouter(include_in_schema=False)
    context = {"writes_keyed": not security.writes_open, "reads_keyed": bool(security.read_keys), "verdicts": {}}

    def page(template: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = _template(template).render({**context, **values})
        return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": PAGE_CSP, **_HEADERS})

    def answer(template: str, route: str, form: dict[str, Any], build: Callable[[], dict[str, Any]]) -> HTMLResponse:
        """``template`` rendered with what ``build`` answers; a name the store does
        not know or an ambiguous one is a page listing the entities meant
        (each a link asking ``route`` again with that one), a refused question
        or a store that is down a page saying so, the form kept as filled in."""
        try:
            return page(template, form=form, **build())
        except (EntityAmbiguous, EntityNotFound) as exc:
            ambiguous = isinstance(exc, EntityAmbiguous)
            field = next((k for k, v in form.items() if v == exc.name), None)

            def again(value: str) -> str:
                return f"{route}?{_query({**form, field: value})}" if field else f"/ui/entity?{_query({'name': value})}"

            choices = (
                [{**c.to_dict(), "url": again(c.id)} for c in exc.candidates[:50]]  # type: ignore[union-attr]
                if ambiguous
                else [{"name": s, "url": again(s)} for s in exc.suggestions]  # type: ignore[union-attr]
            )
            return page("choose.html.j2", 409 if ambiguous else 404, ambiguous=ambiguous, name=exc.name, field=field or "name", choices=choices)
        except StoreError as exc:
            return page("error.html.j2", 503, message=str(exc)[:500])
        except ChipgraphError as exc:
            return page("error.html.j2", 422, message=str(exc)[:500])

    @router.get("/", response_class=HTMLResponse)
    def home() -> HTMLResponse:
        store = get_store()
        return page("home.html.j2", counts=store.counts(), location=store.location)

    @router.get("/ui/search", response_class=HTMLResponse)
    def search(q_: Annotated[str, Query(alias="q", max_length=200)] = "") -> HTMLResponse:
        found, close = q.find_entities(get_store(), q_, SEARCH_LIMIT + 1) if q_.strip() else ([], False)
        return page(
            "search.html.j2",
            query=q_,
            close=close,
            truncated=len(found) > SEARCH_LIMIT,
            results=[e.to_dict() for e in found[:SEARCH_LIMIT]],
        )

    @router.get("/ui/entity", response_class=HTMLResponse)
    def entity(name: Annotated[str, Query(min_length=1, max_length=300)]) -> HTMLResponse:
        def build() -> dict[str, Any]:
            store = get_store()
            ent = store.resolve_unique(name)
            data = q.entity_page(store, ent.id, max_relations=DEFAULT_MAX_EDGES).to_dict()
            shown = [r for rs in data["relations"].values() for r in rs]
            return {"data": data, "verdicts": _verdicts(store, shown)}

        return answer("entity.html.j2", "/ui/entity", {"name": name}, build)

    @router.get("/ui/path", response_class=HTMLResponse)
    def path(
        source: Annotated[str, Query(max_length=300)] = "",
        target: Annotated[str, Query(max_length=300)] = "",
        max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS_LIMIT)] = 4,
        types: Annotated[list[str] | None, Query(max_length=10)] = None,
        direction: Literal["out", "both"] = "out",
        include_removed: bool = False,
    ) -> HTMLResponse:
        form = {"source": source, "target": target, "max_hops": max_hops, "types": types or [], "direction": direction,
                "include_removed": include_removed}

        def build() -> dict[str, Any]:
            if not (source.strip() and target.strip()):
                return {"asked": False, "paths": [], "more": False, "query": ""}
            store = get_store()
            src, dst, found, more = find_paths(store, source, target, max_hops, types or [], direction, include_removed)
            drawing = {"kind": "path", "source": src.id, "target": dst.id, "max_hops": max_hops, "types": types or [],
                       "direction": direction, "include_removed": include_removed}
            views = [_path_view(p, store) for p in found]
            return {
                "asked": True,
                "src": src.to_dict(),
                "dst": dst.to_dict(),
                "paths": views,
                "verdicts": _verdicts(store, [h for v in views for h in v["hops"]]),
                "more": more,
                "query": _query(drawing),
            }

        return answer("path.html.j2", "/ui/path", form, build)

    @router.get("/ui/exposure", response_class=HTMLResponse)
    def exposure(
        entity: Annotated[str, Query(max_length=300)] = "",
        max_hops: Annotated[int, Query(ge=0, le=MAX_HOPS_LIMIT)] = 3,
        types: Annotated[list[str] | None, Query(max_length=10)] = None,
        direction: Literal["out", "both"] = "out",
        reverse: bool = False,
    ) -> HTMLResponse:
        form = {"entity": entity, "max_hops": max_hops, "types": types or [], "direction": direction, "reverse": reverse}

        def build() -> dict[str, Any]:
            if not entity.strip():
                return {"asked": False, "data": None, "query": ""}
            store = get_store()
            data = run_exposure(store, entity, max_hops, types or [], direction, reverse).to_dict()
            drawing = {"kind": "exposure", "entity": data["start"]["id"], "max_hops": max_hops, "types": types or [], "direction": direction, "reverse": reverse}
            shown = [x for h in data["hits"] for x in (*h["path"]["hops"], *h["flags"])]
            return {"asked": True, "data": data, "query": _query(drawing), "verdicts": _verdicts(store, shown)}

        return answer("exposure.html.j2", "/ui/exposure", form, build)

    @router.get("/ui/upload", response_class=HTMLResponse)
    def upload() -> HTMLResponse:
        return page("upload.html.j2")

    @router.get("/ui/draw", response_class=HTMLResponse)
    def draw(drawing: Annotated[Drawing, Depends(drawing_query)]) -> Response:
        """The drawing alone: render.py's self-contained page (framed by the workbench)."""
        try:
            scene = drawing.scene(get_store())
        except ChipgraphError as exc:  # a name gone since the page was drawn, a refused question, a store down
            return page("error.html.j2", 503 if isinstance(exc, StoreError) else 422, message=str(exc)[:500])
        html = render_html(scene.subgraph, title=scene.title, paths=scene.paths, height="560px")
        return HTMLResponse(html, headers={"Content-Security-Policy": DRAWING_CSP, **_HEADERS})

    @router.get("/ui/export")
    def export(
        drawing: Annotated[Drawing, Depends(drawing_query)],
        format: Annotated[str, Query(max_length=20, description="One of EXPORTS.")] = "png",
    ) -> Response:
        """The drawing as a file to save (Content-Disposition: attachment)."""
        if format not in EXPORTS:
            return page("error.html.j2", 422, message=f"cannot export as {format!r}: choose from {', '.join(EXPORTS)}")
        try:
            body, media, filename = export_bytes(drawing.scene(get_store()), format)
        except ChipgraphError as exc:
            return page("error.html.j2", 503 if isinstance(exc, StoreError) else 422, message=str(exc)[:500])
        headers = {"Content-Disposition": f'attachment; filename="{filename}"', **_HEADERS}
        # a saved page or picture opened from this server runs nothing of it but its own drawing script
        headers["Content-Security-Policy"] = "sandbox allow-scripts allow-downloads" if format == "html" else "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        return Response(body, media_type=media, headers=headers)

    @router.get(KEY_PAGE, response_class=HTMLResponse)
    def key_page(next: Annotated[str, Query(max_length=2000)] = "/") -> HTMLResponse:
        """Where a browser without a read key is sent (api/gate.py): the key
        is asked once, then kept in a cookie for reads."""
        return page("key.html.j2", next=_local(next), refused=False, forgotten=False)

    @router.post(KEY_PAGE, response_class=HTMLResponse)
    async def key_given(request: Request) -> Response:
        """Check the key the form sent; keep it and go back where the reader
        was going, or say it was refused.  The Gate rate-limits this like a
        write, so keys cannot be guessed quickly."""
        form = parse_qs((await request.body())[:8192].decode("utf-8", "replace"), max_num_fields=8)
        key, wanted = form.get("key", [""])[0].strip(), _local(form.get("next", ["/"])[0])
        if form.get("action", [""])[0] == "forget":
            response: Response = page("key.html.j2", next=wanted, refused=False, forgotten=True)
            response.delete_cookie(READ_KEY_COOKIE, path="/", httponly=True, samesite="lax")
            return response
        if not (key and security.read_keys and security.may_read(key)):
            return page("key.html.j2", 403 if security.read_keys else 200, next=wanted, refused=bool(security.read_keys), forgotten=False)
        response = RedirectResponse(wanted, status_code=303)
        response.set_cookie(READ_KEY_COOKIE, cookie_value(key), path="/", httponly=True, samesite="lax",
                            secure=request.url.scheme == "https")
        return response

    @router.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status_code=204)

    @router.get("/ui/static/{name}")
    def static(name: str) -> Response:
        if name not in _STATIC:
            return Response("not found", status_code=404, media_type="text/plain")
        return Response(_static(name), media_type=_STATIC[name], headers={**_HEADERS, "Cache-Control": "no-cache"})

    return router


def _local(target: str) -> str:
    """``target`` when it is a path on this server, else the home page: the
    key page never sends a reader to another site."""
    if not target.startswith("/") or target.startswith(("//", "/\\")) or any(c in target for c in "\r\n\\"):
        return "/"
    return target


def _query(values: Mapping[str, Any]) -> str:
    """A query string for /ui/draw and /ui/export (repeated ``types``)."""
    pairs: list[tuple[str, str]] = []
    for k, v in values.items():
        if isinstance(v, (list, tuple)):
            pairs += [(k, str(x)) for x in v]
        elif isinstance(v, bool):
            if v:
                pairs.append((k, "true"))
        else:
            pairs.append((k, str(v)))
    return urlencode(pairs)

