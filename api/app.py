"""The HTTP API: the same questions as the CLI, for notebooks and newsrooms.

`create_app()` is a factory (as in yente) so tests and `chipgraph serve` each
get an app bound to their own store.  Names resolve through aliases, and an
unknown name is a 404 that lists the closest matches.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Annotated, Any, AsyncIterator, Literal

from fastapi import Body, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from chipgraph.graph.errors import ChipgraphError, EntityNotFound, InvalidQuery, StoreError
from chipgraph.graph.model import SCORED_RELATION_TYPES, RelationType
from chipgraph.graph.paths import MAX_HOPS_LIMIT, PathQuery
from chipgraph.graph.render import render_html
from chipgraph.graph.store import GraphStore, open_store

__all__ = ["create_app", "DocumentIn"]

MAX_DOCUMENT_CHARS = 2_000_000


class DocumentIn(BaseModel):
    """An article posted for extraction."""

    text: str = Field(..., description="The article: plain text, Markdown or HTML.", max_length=MAX_DOCUMENT_CHARS)
    format: Literal["auto", "txt", "md", "html"] = "auto"
    source: str = Field(
        "api", description="Where the article came from (URL or name), kept as its provenance.", max_length=2000
    )
    title: str | None = Field(None, description="The article's title.", max_length=1000)


def create_app(store: str | GraphStore | None = None, *, model: str | None = None) -> FastAPI:
    """An app over ``store`` (a GraphStore, or a path/URL; default as the CLI's)."""
    owned = not isinstance(store, GraphStore)

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
    app.state.store = store if isinstance(store, GraphStore) else open_store(store)
    app.state.model = model
    app.state.extractor = None

    def get_store() -> GraphStore:
        return app.state.store

    def extractor() -> Any:
        if app.state.extractor is None:
            from chipgraph.ingest import Extractor

            app.state.extractor = Extractor(app.state.model)
        return app.state.extractor

    @app.exception_handler(EntityNotFound)
    async def not_found(_: Request, exc: EntityNotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc), "name": exc.name, "suggestions": exc.suggestions})

    @app.exception_handler(InvalidQuery)
    async def invalid(_: Request, exc: InvalidQuery) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.exception_handler(StoreError)
    async def store_down(_: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    @app.exception_handler(ChipgraphError)
    async def bad_input(_: Request, exc: ChipgraphError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "store": get_store().location, "counts": get_store().counts()}

    @app.get("/entities")
    def list_entities(
        q: Annotated[str, Query(max_length=200, description="Part of a name or alias.")] = "",
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> dict[str, Any]:
        return {"query": q, "entities": [e.to_dict() for e in get_store().search(q, limit=limit)]}

    @app.get("/entities/{entity}")
    def entity_detail(entity: str) -> dict[str, Any]:
        store = get_store()
        ent = store.resolve(entity)
        relations = list(store.relations(ent.id))
        names = {e.id: e.name for e in _entities(store, relations)}
        return {
            **ent.to_dict(),
            "relations": [
                {**r.to_dict(), "head_name": names.get(r.head, r.head), "tail_name": names.get(r.tail, r.tail)}
                for r in relations
            ],
        }

    @app.get("/paths")
    def paths(
        source: Annotated[str, Query(min_length=1, max_length=300)],
        target: Annotated[str, Query(min_length=1, max_length=300)],
        max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS_LIMIT)] = 4,
        types: Annotated[list[RelationType] | None, Query(description="Relation types to follow; repeat the parameter.")] = None,
        direction: Literal["out", "both"] = "out",
        limit: Annotated[int, Query(ge=1, le=100)] = 10,
    ) -> dict[str, Any]:
        store = get_store()
        src, dst = store.resolve(source), store.resolve(target)
        query = PathQuery(src.id, dst.id, tuple(types or SCORED_RELATION_TYPES), direction, max_hops, limit)
        found = store.paths(query)
        return {"source": src.to_dict(), "target": dst.to_dict(), "paths": [p.to_dict() for p in found]}

    @app.get("/subgraph", response_model=None)
    def subgraph(
        entity: Annotated[str, Query(min_length=1, max_length=300)],
        depth: Annotated[int, Query(ge=0, le=4)] = 1,
        format: Literal["json", "html"] = "json",
    ) -> dict[str, Any] | HTMLResponse:
        store = get_store()
        center = store.resolve(entity)
        sub = store.subgraph(center.id, depth)
        if format == "html":
            return HTMLResponse(render_html(sub, title=f"{center.name}: {depth}-hop neighbourhood"))
        return sub.to_dict()

    @app.post("/documents", status_code=201)
    def post_document(document: Annotated[DocumentIn, Body()]) -> dict[str, Any]:
        from chipgraph.ingest import article_from_text

        from .pipeline import ingest_article

        article = article_from_text(document.text, source=document.source, fmt=document.format, title=document.title)
        result, extraction = ingest_article(get_store(), article, extractor())
        names = {e.id: e.name for e in extraction.entities}
        return {
            "document_id": result.document_id,
            "added": result.added,
            "language": extraction.document.language,
            "entities": [e.to_dict() for e in extraction.entities],
            "relations": [
                {**r.to_dict(), "head_name": names[r.head], "tail_name": names[r.tail]} for r in extraction.relations
            ],
        }

    return app


def _entities(store: GraphStore, relations: list) -> list:
    ids = {r.head for r in relations} | {r.tail for r in relations}
    return [e for e in (store.get_entity(i) for i in ids) if e is not None]
