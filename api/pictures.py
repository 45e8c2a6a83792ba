"""The picture routes: a neighbourhood, a chain, a screening or an ownership
tree as a PNG or SVG to publish (graph/picture.py draws it).

Read-keyed like every read, capped like /subgraph (a picture also has its own
ceiling, ``PICTURE_MAX_NODES``: past it no label can be read anyway), and
drawn in the app's bounded renderer so a large picture never blocks the event
loop.  An SVG is served with a Content-Security-Policy that forbids scripts
and fetches: it holds none, and a browser opening it directly must not run
any either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Callable, Literal

from fastapi import Depends, FastAPI, Query
from fastapi.responses import Response

from chipgraph.graph import questions as q
from chipgraph.graph import scenes
from chipgraph.graph.paths import MAX_HOPS_LIMIT, PathQuery
from chipgraph.graph.picture import MEDIA_TYPES, PICTURE_MAX_NODES, render_picture
from chipgraph.graph.store import GraphStore
from chipgraph.graph.subgraph import DEFAULT_MAX_EDGES, MAX_EDGES_LIMIT

from .quick_paths import MAX_NAME_CHARS

__all__ = ["add_picture_routes"]

DEFAULT_PICTURE_NODES = 60
Format = Literal["png", "svg"]
PICTURE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

Name = Annotated[str, Query(min_length=1, max_length=MAX_NAME_CHARS, description="An id, name or alias.")]
Nodes = Annotated[int, Query(ge=1, le=PICTURE_MAX_NODES, description="Entities drawn at most.")]
Edges = Annotated[int, Query(ge=1, le=MAX_EDGES_LIMIT, description="Relations drawn at most.")]
Title = Annotated[str | None, Query(max_length=300, description="The picture's heading (default says what is drawn).")]
Date = Annotated[str | None, Query(max_length=40, description="Date in the credit line (default the newest source's).")]


@dataclass(frozen=True)
class PictureParams:
    """What every picture route takes besides what to draw."""

    format: Format
    max_nodes: int
    max_edges: int
    title: str | None
    date: str | None


def picture_params(
    format: Format = "png",
    max_nodes: Nodes = DEFAULT_PICTURE_NODES,
    max_edges: Edges = DEFAULT_MAX_EDGES,
    title: Title = None,
    date: Date = None,
) -> PictureParams:
    return PictureParams(format, max_nodes, max_edges, title, date)


Picture = Annotated[PictureParams, Depends(picture_params)]


def add_picture_routes(
    app: FastAPI, get_store: Callable[[], GraphStore], dependencies: list[Any], responses: dict[int | str, Any]
) -> None:
    """Register GET /render, /render/path, /render/exposure and /render/owners on ``app``."""
    documented = {
        **responses,
        200: {"content": {"image/png": {}, "image/svg+xml": {}}, "description": "The picture, PNG or SVG."},
    }

    async def picture(build: Callable[[GraphStore], scenes.Scene], pic: PictureParams) -> Response:
        def work() -> Response:
            scene = build(get_store())
            options = scene.picture_options()
            if pic.title:
                options["title"] = pic.title
            fmt = pic.format
            body = render_picture(scene.subgraph, fmt, credit_date=pic.date, **options)  # type: ignore[arg-type]
            headers = {"Content-Disposition": f'inline; filename="chipgraph.{fmt}"', "Cache-Control": "no-store"}
            if fmt == "svg":
                headers["Content-Security-Policy"] = PICTURE_CSP
            return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)

        return await app.state.renderer.run(work)

    @app.get("/render", response_class=Response, dependencies=dependencies, responses=documented)
    async def render_neighbourhood(
        entity: Name,
        pic: Picture,
        depth: Annotated[int, Query(ge=0, le=4)] = 1,
    ) -> Response:
        """A picture of `entity`'s neighbourhood to publish: title, legend,
        numbered sources and credit inside the image."""

        def build(store: GraphStore) -> scenes.Scene:
            centre = store.resolve_unique(entity)
            return scenes.neighbourhood_scene(store, centre.id, depth, max_nodes=pic.max_nodes, max_edges=pic.max_edges)

        return await picture(build, pic)

    @app.get("/render/path", response_class=Response, dependencies=dependencies, responses=documented)
    async def render_path(
        source: Name,
        target: Name,
        pic: Picture,
        max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS_LIMIT)] = 4,
        direction: Literal["out", "both"] = "out",
        limit: Annotated[int, Query(ge=1, le=20, description="Chains drawn, shortest first.")] = 5,
    ) -> Response:
        """The chains from `source` to `target`, left to right, each hop
        labelled with the numbers of its sources."""

        def build(store: GraphStore) -> scenes.Scene:
            src, dst = store.resolve_unique(source), store.resolve_unique(target)
            query = PathQuery(src.id, dst.id, direction=direction, max_hops=max_hops, limit=limit)
            return scenes.paths_scene(store, query, max_nodes=pic.max_nodes, max_edges=pic.max_edges)

        return await picture(build, pic)

    @app.get("/render/exposure", response_class=Response, dependencies=dependencies, responses=documented)
    async def render_exposure(
        entity: Name,
        pic: Picture,
        max_hops: Annotated[int, Query(ge=0, le=MAX_HOPS_LIMIT)] = 3,
        reverse: bool = False,
        limit: Annotated[int, Query(ge=1, le=50, description="Hits drawn, best first.")] = 20,
    ) -> Response:
        """A screening as a picture: the chain from `entity` to every listed or
        military-linked entity it reaches (with `reverse`, who reaches it)."""

        def build(store: GraphStore) -> scenes.Scene:
            start = store.resolve_unique(entity)
            result = q.exposure(store, start.id, max_hops=max_hops, reverse=reverse, limit=limit)
            return scenes.exposure_scene(store, result, max_nodes=pic.max_nodes, max_edges=pic.max_edges)

        return await picture(build, pic)

    @app.get("/render/owners", response_class=Response, dependencies=dependencies, responses=documented)
    async def render_owners(
        entity: Name,
        pic: Picture,
        direction: Literal["up", "down"] = "up",
        max_depth: Annotated[int, Query(ge=1, le=MAX_HOPS_LIMIT)] = 6,
    ) -> Response:
        """An ownership tree, owners above what they own."""

        def build(store: GraphStore) -> scenes.Scene:
            root = store.resolve_unique(entity)
            result = q.owners(store, root.id, down=direction == "down", max_depth=max_depth)
            return scenes.owners_scene(result, max_nodes=pic.max_nodes, max_edges=pic.max_edges)

        return await picture(build, pic)
