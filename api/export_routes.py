"""The API's exports and FtM import: ``GET /export`` and ``POST /import/ftm``.

One router for the concern (as in yente); the work is the library's
(graph/exports, graph/ftm_import).  An export is a read (read-keyed when read
keys are set), cut to caps like every answer; an import is a write, keyed and
rate-limited by the Gate like every POST, its size bounded by the body limit.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Callable, Literal

from fastapi import APIRouter, Body, Query, Response
from pydantic import BaseModel, Field

from chipgraph.graph.exports import GraphData, exporter, exporters
from chipgraph.graph.ftm_import import checked, import_ftm_objects
from chipgraph.graph.store import GraphStore
from chipgraph.graph.subgraph import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, MAX_EDGES_LIMIT, MAX_NODES_LIMIT

__all__ = ["export_router", "FtMImportIn", "API_MAX_EXPORT_RELATIONS", "API_DEFAULT_EXPORT_RELATIONS"]

#: a whole-graph download is read into memory per request: bounded lower than the CLI's
API_DEFAULT_EXPORT_RELATIONS = 5_000
API_MAX_EXPORT_RELATIONS = 20_000
#: entities one import request may post (the body limit bounds it too)
MAX_IMPORT_ENTITIES = 100_000
FORMATS = tuple(exporters())
ExportFormat = Literal[FORMATS]  # type: ignore[valid-type]


class FtMEntityIn(BaseModel):
    """One FollowTheMoney entity, as one line of an .ftm.jsonl file."""

    id: str = Field(..., min_length=1, max_length=200)
    schema_: str = Field(..., alias="schema", min_length=1, max_length=100, description="Company, Ownership, Sanction, Article, ...")
    properties: dict[str, list[str]] = Field(default_factory=dict)

    model_config = {"populate_by_name": True}


class FtMImportIn(BaseModel):
    """FollowTheMoney entities to import (``chipgraph export --format ftm`` writes them, one a line)."""

    entities: list[FtMEntityIn] = Field(..., max_length=MAX_IMPORT_ENTITIES)


def _download_name(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") or "graph"


def export_router(
    get_store: Callable[[], GraphStore],
    *,
    renderer: Any,
    writer: Any,
    read_dependencies: list[Any],
    write_dependencies: list[Any],
    read_responses: dict[int | str, dict[str, Any]],
    write_responses: dict[int | str, dict[str, Any]],
) -> APIRouter:
    """The routes, bound to the app's store, workers and key declarations."""
    router = APIRouter()
    media = {cls.media_type: {} for cls in exporters().values()}

    @router.get(
        "/export",
        response_class=Response,
        dependencies=read_dependencies,
        responses={**read_responses, 200: {"content": media, "description": "The file, as an attachment."}},
    )
    async def export(
        format: Annotated[ExportFormat, Query(description="graphml, gexf, csv (a zip of three tables) or ftm (FollowTheMoney JSON lines).")],
        entity: Annotated[str | None, Query(min_length=1, max_length=300, description="Export this entity's neighbourhood; without it, the whole graph.")] = None,
        depth: Annotated[int, Query(ge=0, le=4, description="Hops around `entity`.")] = 1,
        max_nodes: Annotated[int, Query(ge=1, le=MAX_NODES_LIMIT, description="With `entity`: most entities.")] = DEFAULT_MAX_NODES,
        max_edges: Annotated[int, Query(ge=1, le=MAX_EDGES_LIMIT, description="With `entity`: most relations.")] = DEFAULT_MAX_EDGES,
        max_relations: Annotated[int, Query(ge=1, le=API_MAX_EXPORT_RELATIONS, description="Whole graph: refused (422) above this many relations.")] = API_DEFAULT_EXPORT_RELATIONS,
    ) -> Response:
        """The graph, or one entity's neighbourhood (cut to the caps; the
        `X-Chipgraph-Truncated` header says so), as a file for Gephi, a
        spreadsheet or FollowTheMoney tools, every relation with its evidence."""
        chosen = exporter(format)

        def work() -> Response:
            store = get_store()
            if entity is not None:
                center = store.resolve_unique(entity)
                data = GraphData.from_neighbourhood(store, center.id, depth, max_nodes=max_nodes, max_edges=max_edges)
                stem = f"chipgraph-{center.id}"
            else:
                data = GraphData.from_store(store, max_relations=max_relations)
                stem = "chipgraph"
            return Response(
                chosen.to_bytes(data),
                media_type=chosen.media_type,
                headers={
                    "Content-Disposition": f'attachment; filename="{chosen.filename(_download_name(stem))}"',
                    "X-Chipgraph-Truncated": "true" if data.truncated else "false",
                },
            )

        return await renderer.run(work)

    @router.post("/import/ftm", status_code=201, dependencies=write_dependencies, responses=write_responses)
    async def import_ftm(body: Annotated[FtMImportIn, Body()]) -> dict[str, Any]:
        """Import FollowTheMoney entities into the store (a write: needs a
        write key when keys are configured).  Everything posted is checked
        before anything is written: a bad entity is a 422 naming its position
        (1-based), and nothing is stored; posting the same entities again adds
        nothing.  Schemata chipgraph does not read are counted in `skipped`."""
        objects = [checked(e.model_dump(by_alias=True), n, "upload") for n, e in enumerate(body.entities, 1)]

        def work() -> dict[str, Any]:
            return import_ftm_objects(get_store(), objects, "upload").to_dict()

        return await writer.run(work)

    return router
