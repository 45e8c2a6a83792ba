"""The HTTP API: the same questions as the CLI, for notebooks and newsrooms.

`create_app()` is a factory (as in yente) so tests and `chipgraph serve` each
get an app bound to their own store.  Names resolve through aliases, and an
unknown name is a 404 that lists the closest matches.

Every request passes the ``Gate`` (api/gate.py: Host allow-list, keys, write
rate, body size) before its body is read; every answer that grows with the
graph is capped and says so (``truncated``); extraction runs in a bounded
worker off the event loop; error bodies never repeat what was posted.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Annotated, Any, AsyncIterator, Literal

from fastapi import Body, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import APIKeyHeader, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from chipgraph.graph import questions as q
from chipgraph.graph.accepted import accepted_view
from chipgraph.graph.errors import ChipgraphError, EntityAmbiguous, EntityNotFound, StoreError
from chipgraph.graph.model import SCORED_RELATION_TYPES, RelationType
from chipgraph.graph.path_answer import answer_paths
from chipgraph.graph.paths import MAX_HOPS_LIMIT
from chipgraph.graph.render import render_html
from chipgraph.graph.store import GraphStore, open_store
from chipgraph.graph.subgraph import (
    DEFAULT_MAX_EDGES,
    DEFAULT_MAX_EVIDENCE,
    DEFAULT_MAX_NODES,
    MAX_EDGES_LIMIT,
    MAX_EVIDENCE_LIMIT,
    MAX_NODES_LIMIT,
    cap_relations,
)
from chipgraph.ingest.errors import AddressNotAllowed, FetchError, PageTooLarge, UnsupportedContentType

from .curation_routes import add_curation_routes
from .fastjson import json_response, threaded_json
from .gate import Gate
from .quick_paths import DEFAULT_HOPS as PATHS_DEFAULT_HOPS, DEFAULT_LIMIT as PATHS_DEFAULT_LIMIT, MAX_LIMIT as PATHS_MAX_LIMIT
from .quick_paths import MAX_NAME_CHARS, QuickPaths, quick_answer
from .pictures import add_picture_routes
from .security import SecurityConfig
from .worker import BoundedWorker, WorkerBusy
from .workbench import workbench_router

__all__ = ["create_app", "DocumentIn", "ErrorOut", "NotFoundOut", "ValidationErrorOut"]

MAX_DOCUMENT_CHARS = 2_000_000
URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$"


class DocumentIn(BaseModel):
    """An article posted for extraction: its ``text``, or a ``url`` for the
    server to fetch (servers that allow it: CHIPGRAPH_FETCH_URLS), never both."""

    # exactly one of text and url, said in the schema for clients (and the contract test)
    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["url"]}]})

    text: str | SkipJsonSchema[None] = Field(
        None,
        description="The article: plain text, Markdown or HTML; at least one character that is not white space.",
        min_length=1,
        max_length=MAX_DOCUMENT_CHARS,
        # what the validators below enforce, for clients: something not white
        # space, and no NUL (binary data is no article)
        json_schema_extra={"pattern": r"^[^\u0000]*[^\s\u0000][^\u0000]*$"},
    )
    url: str | SkipJsonSchema[None] = Field(
        None,
        description="The article's http(s) address; the final address, after redirects, is kept as its source.",
        min_length=8,
        max_length=2000,
        pattern=URL_PATTERN,
        json_schema_extra={"pattern": URL_PATTERN},  # the union with None hides it from the schema otherwise
    )
    format: Literal["auto", "txt", "md", "html"] = "auto"
    source: str = Field(
        "api", description="Where the article came from (URL or name), kept as its provenance.", max_length=2000
    )
    title: str | None = Field(None, description="The article's title.", max_length=1000)

    @field_validator("text", "url")
    @classmethod
    def _unicode(cls, value: str | None) -> str | None:
        """A lone surrogate is no text (the optional fields' union lets one through)."""
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("not valid Unicode text (a lone surrogate)") from None
        return value

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str | None) -> str | None:
        """White space alone is no article: refuse it here, with the schema, not after parsing."""
        if text is not None and text.isspace():
            raise ValueError("the article text is empty (only white space)")
        if text is not None and "\x00" in text:
            raise ValueError("the text contains NUL bytes; send the article as plain text")
        return text

    @model_validator(mode="after")
    def _text_or_url(self) -> "DocumentIn":
        """One article per request: a body with both, or neither, is refused
        rather than one of them silently ignored."""
        if (self.text is None) == (self.url is None):
            raise ValueError("give the article's text or its url, not both" if self.text else "give the article's text or its url")
        return self


MAX_LIST_CHARS = 50_000_000


class ListIn(BaseModel):
    """A list file posted for import (the same as `chipgraph lists import`)."""

    content: str = Field(..., description="The file's text: a Consolidated Screening List CSV, or a 1260H CSV / JSON lines.",
                         min_length=1, max_length=MAX_LIST_CHARS)
    file: str = Field("list.csv", description="The file's name, kept with every fact it gives.", min_length=1,
                      max_length=300)
    list: Literal["csl", "1260h"] | None = Field(None, description="The format; recognised from the header when absent.")
    edition: str | None = Field(None, description="The edition's date (YYYY-MM-DD); today when absent.",
                                pattern=r"^\d{4}-\d{2}-\d{2}$")


class ErrorOut(BaseModel):
    """Every error: what went wrong, in words (never the request repeated)."""

    detail: str


class NotFoundOut(ErrorOut):
    """An unknown name, with the closest names the store knows."""

    name: str
    suggestions: list[str]


class CandidateOut(BaseModel):
    """One entity an ambiguous name could mean."""

    id: str
    name: str
    type: str


class AmbiguousOut(ErrorOut):
    """A name that fits several entities: pick one (by id or full name) and ask again."""

    name: str
    candidates: list[CandidateOut]


class FieldError(BaseModel):
    """One invalid part of a request: where it is and what is wrong with it."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(ErrorOut):
    """A request the API cannot answer as asked (422)."""

    errors: list[FieldError] = Field(default_factory=list)


def _doc(model: type[BaseModel], description: str) -> dict[str, Any]:
    return {"model": model, "description": description}


#: the answers every route may give besides its own, for the OpenAPI document
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _doc(ErrorOut, "The Host header is not on the server's allow-list."),
    401: _doc(ErrorOut, "A key is required (writes; reads when read keys are configured)."),
    403: _doc(ErrorOut, "The key given does not allow this request."),
    413: _doc(ErrorOut, "The request body is over the configured limit."),
    422: _doc(ValidationErrorOut, "The request is invalid; `errors` says where."),
    503: _doc(ErrorOut, "The store cannot be reached, or the server is too busy (see Retry-After)."),
}
NAMED_RESPONSES = {**COMMON_RESPONSES, 404: _doc(NotFoundOut, "No entity has that name; `suggestions` lists close ones.")}
#: routes that answer about one entity: an ambiguous name is never guessed
UNIQUE_RESPONSES = {
    **NAMED_RESPONSES,
    409: _doc(AmbiguousOut, "The name fits several entities; `candidates` lists them (ask again by id)."),
}
#: what ``types=`` and ``flags=`` take, as the CLI's --types: comma-separated, or repeated
TYPES_HELP = (
    "Relation types, comma-separated (OWNED_BY,PART_OF) or repeated, any case; as the CLI's --types. "
    "Choose from " + ", ".join(t.value for t in SCORED_RELATION_TYPES) + "."
)
WRITE_RESPONSES = {**COMMON_RESPONSES, 429: _doc(ErrorOut, "Too many writes from this client; see Retry-After.")}
DOCUMENT_RESPONSES = {
    **WRITE_RESPONSES,
    403: _doc(ErrorOut, "The key given does not allow this request, or the server does not fetch that address "
              "(fetching is off, or the address is on the server's own network)."),
    502: _doc(ErrorOut, "The web address could not be fetched: host not found, refused, timed out, an error status, "
              "too many redirects."),
}


def _safe(text: str, limit: int = 300) -> str:
    """``text`` cut to ``limit`` characters and made encodable (a lone
    surrogate in a request must not turn an error answer into a 500)."""
    return text[:limit].encode("utf-8", "replace").decode("utf-8")


def create_app(
    store: str | GraphStore | None = None,
    *,
    model: str | None = None,
    security: SecurityConfig | None = None,
) -> FastAPI:
    """An app over ``store`` (a GraphStore, or a path/URL; default as the CLI's),
    guarded by ``security`` (default: ``SecurityConfig.from_env()``)."""
    owned = not isinstance(store, GraphStore)
    security = security if security is not None else SecurityConfig.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:  # a store the app opened itself is the app's to close
            app.state.store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="chipgraph",
        summary="Evidenced ownership and supply chains of the semiconductor industry.",
        version="0.1.0",
    )
    app.add_middleware(QuickPaths, store=lambda: app.state.store)  # inside the Gate: keys are checked first
    app.add_middleware(Gate, config=security)
    app.state.store = store if isinstance(store, GraphStore) else open_store(store)
    app.state.model = model
    app.state.extractor = None
    app.state.security = security
    app.state.worker = BoundedWorker(workers=1, queue=16, timeout=security.extract_timeout)
    # Neighbourhoods: the heaviest read (a depth-4 walk of a big graph takes
    # seconds); daemon threads, so a shutdown never waits for one.
    app.state.renderer = BoundedWorker(workers=4, queue=32, timeout=security.extract_timeout)

    # The Gate enforces keys; these only declare them in the OpenAPI document
    # so that /docs offers "Authorize" and clients know what to send.
    keyed = [Depends(HTTPBearer(auto_error=False)), Depends(APIKeyHeader(name="X-API-Key", auto_error=False))]
    read_keyed = keyed if security.read_keys else []

    def get_store() -> GraphStore:
        return app.state.store

    def extractor() -> Any:
        if app.state.extractor is None:
            from chipgraph.ingest import Extractor

            app.state.extractor = Extractor(app.state.model)
        return app.state.extractor

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own handler repeats each invalid `input` (a 200 MB text
        # came back whole; a lone surrogate made it a 500): say where and why only.
        errors = [
            FieldError(
                loc=[x if isinstance(x, int) else _safe(str(x), 100) for x in e.get("loc", ())],
                msg=_safe(str(e.get("msg", "invalid")), 500),
                type=_safe(str(e.get("type", "invalid")), 100),
            )
            for e in exc.errors()[:20]
        ]
        summary = "; ".join(f"{'.'.join(map(str, e.loc))}: {e.msg}" for e in errors[:5])
        out = ValidationErrorOut(detail=f"invalid request: {summary}", errors=errors)
        return JSONResponse(status_code=422, content=out.model_dump())

    @app.exception_handler(EntityNotFound)
    async def not_found(_: Request, exc: EntityNotFound) -> JSONResponse:
        out = NotFoundOut(detail=_safe(str(exc), 500), name=_safe(exc.name), suggestions=exc.suggestions)
        return JSONResponse(status_code=404, content=out.model_dump())

    @app.exception_handler(EntityAmbiguous)
    async def ambiguous(_: Request, exc: EntityAmbiguous) -> JSONResponse:
        out = AmbiguousOut(
            detail=_safe(str(exc), 1000),
            name=_safe(exc.name),
            candidates=[CandidateOut(id=c.id, name=c.name, type=c.type.value) for c in exc.candidates[:20]],
        )
        return JSONResponse(status_code=409, content=out.model_dump())

    @app.exception_handler(StoreError)
    async def store_down(_: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": _safe(str(exc), 500)})

    @app.exception_handler(WorkerBusy)
    async def busy(_: Request, exc: WorkerBusy) -> JSONResponse:
        return JSONResponse(
            status_code=503, content={"detail": str(exc)}, headers={"Retry-After": str(exc.retry_after)}
        )

    @app.exception_handler(FetchError)
    async def fetch_failed(_: Request, exc: FetchError) -> JSONResponse:
        # refused by policy: 403; the page is not an article: 422; the far side failed: 502
        status = 403 if isinstance(exc, AddressNotAllowed) else 422 if isinstance(exc, (PageTooLarge, UnsupportedContentType)) else 502
        body = ErrorOut if status != 422 else ValidationErrorOut
        return JSONResponse(status_code=status, content=body(detail=_safe(str(exc), 500)).model_dump())

    @app.exception_handler(ChipgraphError)  # InvalidQuery and every other input the graph refuses
    async def bad_input(_: Request, exc: ChipgraphError) -> JSONResponse:
        return JSONResponse(status_code=422, content=ValidationErrorOut(detail=_safe(str(exc), 500)).model_dump())

    @app.get("/healthz", responses=COMMON_RESPONSES, dependencies=read_keyed)
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "store": get_store().location, "counts": get_store().counts()}

    @app.get("/entities", responses=COMMON_RESPONSES, dependencies=read_keyed)
    def list_entities(
        q: Annotated[str, Query(max_length=200, description="Part of a name or alias.")] = "",
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> dict[str, Any]:
        """Entities whose name or alias contains `q`; when none does, those
        spelled close to it (`close_spelling: true`, e.g. "Huawai")."""
        found, close = q_find(get_store(), q, limit + 1)
        return {
            "query": q,
            "close_spelling": close,
            "truncated": len(found) > limit,
            "entities": [e.to_dict() for e in found[:limit]],
        }

    @app.get("/entities/{entity}", responses=UNIQUE_RESPONSES, dependencies=read_keyed)
    def entity_detail(
        entity: Annotated[str, Path(min_length=1, max_length=MAX_NAME_CHARS, description="An id, name or alias.")],
        max_relations: Annotated[int, Query(ge=1, le=MAX_EDGES_LIMIT, description="Most confident relations shown.")] = DEFAULT_MAX_EDGES,
        max_evidence: Annotated[int, Query(ge=1, le=MAX_EVIDENCE_LIMIT, description="Evidence shown per relation.")] = DEFAULT_MAX_EVIDENCE,
    ) -> dict[str, Any]:
        store = get_store()
        ent = store.resolve_unique(entity)
        every = list(store.relations(ent.id))
        relations, truncated = cap_relations(every, max_relations, max_evidence)
        names = {e.id: e.name for e in _entities(store, relations)}
        return {
            **ent.to_dict(),
            "truncated": truncated,
            "total_relations": len(every),
            "relations": [
                {**r.to_dict(), "head_name": names.get(r.head, r.head), "tail_name": names.get(r.tail, r.tail)}
                for r in relations
            ],
        }

    @app.get("/paths", responses=UNIQUE_RESPONSES, dependencies=read_keyed, response_model=dict[str, Any])
    async def paths(
        source: Annotated[str, Query(min_length=1, max_length=MAX_NAME_CHARS)],
        target: Annotated[str, Query(min_length=1, max_length=MAX_NAME_CHARS)],
        max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS_LIMIT)] = PATHS_DEFAULT_HOPS,
        types: Annotated[list[Annotated[str, Field(max_length=200)]] | None, Query(max_length=10, description=TYPES_HELP)] = None,
        direction: Literal["out", "both"] = "out",
        limit: Annotated[int, Query(ge=1, le=PATHS_MAX_LIMIT)] = PATHS_DEFAULT_LIMIT,
        max_evidence: Annotated[int, Query(ge=1, le=MAX_EVIDENCE_LIMIT, description="Evidence shown per hop.")] = DEFAULT_MAX_EVIDENCE,
        accepted_only: Annotated[bool, Query(description="Only facts an analyst accepted (see POST /curation).")] = False,
        include_removed: Annotated[bool, Query(description="Also follow listings a newer edition of their list no longer names.")] = False,
    ) -> Response:
        """Chains from `source` to `target` (ids, names or aliases), shortest
        and most confident first, each hop with its cited sentences."""
        options: dict[str, Any] = dict(types=types, direction=direction, max_hops=max_hops, limit=limit, max_evidence=max_evidence,
                                       include_removed=include_removed)
        # A small question on a store ready to answer at once (ids or exact
        # names, the index current, no one else reading) is answered here, on
        # the event loop: a trip to a worker thread costs more than the answer.
        # A search that turns out broad stops early and goes to the worker.
        # (Plain questions of this kind never reach the route: QuickPaths
        # answers them with the same call before FastAPI reads parameters.)
        if not accepted_only:
            body = quick_answer(get_store(), source, target, options)
            if body is not None:
                return Response(body, media_type="application/json")
        return await threaded_json(
            lambda: answer_paths(accepted_view(get_store(), accepted_only), source, target, **options).to_dict()
        )

    @app.get("/exposure", responses=UNIQUE_RESPONSES, dependencies=read_keyed, response_model=dict[str, Any])
    async def exposure(
        entity: Annotated[str, Query(min_length=1, max_length=MAX_NAME_CHARS, description="An id, name or alias.")],
        max_hops: Annotated[int, Query(ge=0, le=MAX_HOPS_LIMIT, description="Hops between companies; the final listing is not counted.")] = 3,
        types: Annotated[list[Annotated[str, Field(max_length=200)]] | None, Query(max_length=10, description=TYPES_HELP + " Default OWNED_BY,PART_OF,SUPPLIED.")] = None,
        direction: Annotated[Literal["out", "both"], Query(description="out: relations as stated; both: also backwards.")] = "out",
        flags: Annotated[list[Annotated[str, Field(max_length=200)]] | None, Query(max_length=10, description="What makes a hit: DESIGNATED, MILITARY_LINK (default both).")] = None,
        reverse: Annotated[bool, Query(description="Who reaches `entity` (a listed company, a list or `military`) instead.")] = False,
        limit: Annotated[int, Query(ge=1, le=500, description="Hits shown, best first.")] = 20,
        max_degree: Annotated[int, Query(ge=1, le=q.MAX_DEGREE_LIMIT, description="Entities with more relations are not expanded; `cut_short` says so.")] = q.DEFAULT_MAX_DEGREE,
        max_evidence: Annotated[int, Query(ge=1, le=MAX_EVIDENCE_LIMIT, description="Evidence per hop.")] = DEFAULT_MAX_EVIDENCE,
        accepted_only: Annotated[bool, Query(description="Only facts an analyst accepted (see POST /curation).")] = False,
    ) -> Response:
        """Screening: entities within `max_hops` of `entity` on a list or linked to
        the military (or, with `reverse`, entities that reach it), shortest and
        best-evidenced first, each with its path and the sources of every hop
        (title, date, URL or file name; a sentence syndicated by many outlets
        once, with `sources_count`).  `truncated` says anything was left out;
        `cut_short` and `hubs` say which high-degree entities stopped the walk."""

        def work() -> dict[str, Any]:
            store = accepted_view(get_store(), accepted_only)
            start = store.resolve_unique(entity)
            return q.exposure(
                store,
                start.id,
                max_hops=max_hops,
                types=q.parse_types(types, q.WALK_TYPES),
                direction=direction,
                flags=q.parse_types(flags, q.FLAG_TYPES),
                reverse=reverse,
                limit=limit,
                max_degree=max_degree,
                max_evidence=max_evidence,
            ).to_dict()

        return await threaded_json(work)

    @app.get("/owners", responses=UNIQUE_RESPONSES, dependencies=read_keyed, response_model=dict[str, Any])
    async def owners(
        entity: Annotated[str, Query(min_length=1, max_length=MAX_NAME_CHARS, description="An id, name or alias.")],
        direction: Annotated[Literal["up", "down"], Query(description="up: who owns it; down: what it owns.")] = "up",
        max_depth: Annotated[int, Query(ge=1, le=MAX_HOPS_LIMIT)] = 6,
        max_degree: Annotated[int, Query(ge=1, le=q.MAX_DEGREE_LIMIT)] = q.DEFAULT_MAX_DEGREE,
        max_evidence: Annotated[int, Query(ge=1, le=MAX_EVIDENCE_LIMIT, description="Evidence per relation.")] = DEFAULT_MAX_EVIDENCE,
        accepted_only: Annotated[bool, Query(description="Only facts an analyst accepted (see POST /curation).")] = False,
    ) -> Response:
        """The ownership tree over OWNED_BY and PART_OF: upwards to the ultimate
        owner(s) (`ultimate_owners`, with `chains`), or downwards everything the
        group owns.  An entity met twice is shown once and then `repeated`."""

        def work() -> dict[str, Any]:
            store = accepted_view(get_store(), accepted_only)
            root = store.resolve_unique(entity)
            return q.owners(
                store, root.id, down=direction == "down", max_depth=max_depth, max_degree=max_degree,
                max_evidence=max_evidence,
            ).to_dict()

        return await threaded_json(work)

    @app.get("/show", responses=UNIQUE_RESPONSES, dependencies=read_keyed, response_model=dict[str, Any])
    async def show(
        entity: Annotated[str, Query(min_length=1, max_length=MAX_NAME_CHARS, description="An id, name or alias.")],
        max_relations: Annotated[int, Query(ge=1, le=MAX_EDGES_LIMIT)] = DEFAULT_MAX_EDGES,
        max_evidence: Annotated[int, Query(ge=1, le=MAX_EVIDENCE_LIMIT)] = DEFAULT_MAX_EVIDENCE,
        max_documents: Annotated[int, Query(ge=1, le=MAX_EDGES_LIMIT)] = 100,
        accepted_only: Annotated[bool, Query(description="Only facts an analyst accepted (see POST /curation).")] = False,
    ) -> Response:
        """Everything on one entity: names and aliases, list memberships with
        their sources, relations grouped by type with cited sentences, and the
        articles that state them (title, date, URL or file name).  An
        ambiguous name is a 409 listing the candidates."""

        def work() -> dict[str, Any]:
            store = accepted_view(get_store(), accepted_only)
            ent = store.resolve_unique(entity)
            return q.entity_page(
                store, ent.id, max_relations=max_relations, max_evidence=max_evidence, max_documents=max_documents
            ).to_dict()

        return await threaded_json(work)

    @app.get(
        "/subgraph",
        response_model=None,
        dependencies=read_keyed,
        responses={**UNIQUE_RESPONSES, 200: {"content": {"text/html": {}}, "description": "JSON, or a page with format=html."}},
    )
    async def subgraph(
        entity: Annotated[str, Query(min_length=1, max_length=MAX_NAME_CHARS)],
        depth: Annotated[int, Query(ge=0, le=4)] = 1,
        format: Literal["json", "html"] = "json",
        max_nodes: Annotated[int, Query(ge=1, le=MAX_NODES_LIMIT, description="Entities shown, nearest first.")] = DEFAULT_MAX_NODES,
        max_edges: Annotated[int, Query(ge=1, le=MAX_EDGES_LIMIT, description="Relations shown.")] = DEFAULT_MAX_EDGES,
        max_evidence: Annotated[int, Query(ge=1, le=MAX_EVIDENCE_LIMIT, description="Evidence shown per relation.")] = DEFAULT_MAX_EVIDENCE,
    ) -> dict[str, Any] | HTMLResponse:
        def work() -> dict[str, Any] | HTMLResponse:
            store = get_store()
            center = store.resolve_unique(entity)
            sub = store.subgraph(center.id, depth, max_nodes=max_nodes).capped(max_nodes, max_edges, max_evidence)
            if format == "html":
                return HTMLResponse(render_html(sub, title=f"{center.name}: {depth}-hop neighbourhood"))
            return sub.to_dict()

        return await app.state.renderer.run(work)

    from .export_routes import export_router

    app.include_router(
        export_router(
            get_store,
            renderer=app.state.renderer,
            writer=app.state.worker,
            read_dependencies=read_keyed,
            write_dependencies=keyed,
            read_responses=UNIQUE_RESPONSES,
            write_responses=WRITE_RESPONSES,
        )
    )

    add_picture_routes(app, get_store, read_keyed, UNIQUE_RESPONSES)

    add_curation_routes(
        app,
        get_store,
        keyed=keyed,
        read_keyed=read_keyed,
        responses=COMMON_RESPONSES,
        write_responses={
            **UNIQUE_RESPONSES,
            **WRITE_RESPONSES,
            404: _doc(ErrorOut, "No such fact, document or entity (an entity's answer lists close names)."),
            409: _doc(
                ErrorOut,
                "A name fits several entities (`candidates` lists them), or the decision conflicts with the "
                "graph (merging an entity with itself, splitting off a name it does not have).",
            ),
        },
    )

    @app.post("/documents", status_code=201, responses=DOCUMENT_RESPONSES, dependencies=keyed)
    async def post_document(document: Annotated[DocumentIn, Body()]) -> dict[str, Any]:
        """Extract an article's facts and store them (needs a write key when keys are configured).

        The article is its `text`, or a `url` the server fetches (when
        CHIPGRAPH_FETCH_URLS allows it; within the same timeout and a byte
        cap; addresses on the server's own network refused unless
        CHIPGRAPH_FETCH_PRIVATE allows them).  Fetching and extraction run in
        a bounded worker off the event loop: other requests are answered
        meanwhile, and a 503 with Retry-After says when the worker is full or
        the work outlived the server's timeout."""
        from dataclasses import replace

        from chipgraph.ingest import article_from_text
        from chipgraph.ingest.fetch import FetchSettings, read_url

        from .pipeline import ingest_article

        if document.url is not None and not security.fetch_urls:
            raise HTTPException(403, "this server does not fetch web addresses (CHIPGRAPH_FETCH_URLS is off); post the text")

        def read() -> Any:
            if document.text is not None:
                return article_from_text(document.text, source=document.source, fmt=document.format, title=document.title)
            fetch = FetchSettings(timeout=min(FetchSettings.timeout, security.extract_timeout), allow_private=security.fetch_private)
            article = read_url(document.url, fetch)
            return replace(article, title=document.title) if document.title else article

        def work() -> dict[str, Any]:
            article = read()
            result, extraction = ingest_article(get_store(), article, extractor())
            names = {e.id: e.name for e in extraction.entities}
            return {
                "document_id": result.document_id,
                "added": result.added,
                "language": extraction.document.language,
                "entities": [e.to_dict() for e in extraction.entities],
                "relations": [
                    {**r.to_dict(), "head_name": names[r.head], "tail_name": names[r.tail]}
                    for r in extraction.relations
                ],
            }

        return await app.state.worker.run(work)

    @app.post("/lists", status_code=201, responses=WRITE_RESPONSES, dependencies=keyed)
    async def post_list(body: Annotated[ListIn, Body()]) -> dict[str, Any]:
        """Import an official list's file (needs a write key when keys are configured).

        Each list in the file is stored as one edition; entries a newer
        edition no longer names are stated removed on its date.  A bad row
        is a 422 naming the file, row and column, and nothing is written."""
        from chipgraph.graph.lists import import_list

        def work() -> dict[str, Any]:
            done = import_list(get_store(), body.content.encode("utf-8", "surrogatepass"), body.file, format=body.list,
                               edition=body.edition)
            return done.to_dict()

        return await app.state.worker.run(work)

    # The browser workbench (api/workbench.py): pages over the same calls.
    app.include_router(workbench_router(get_store, security))
    return app


q_find = q.find_entities


def _entities(store: GraphStore, relations: list) -> list:
    ids = {r.head for r in relations} | {r.tail for r in relations}
    return [e for e in (store.get_entity(i) for i in ids) if e is not None]
