"""The curation endpoints: POST /curation (a write: key and rate limit as for
POST /documents, enforced by the Gate), GET /curation (the log) and
GET /curation/status (verdicts of facts, for the workbench's buttons).

Keys have no names, so the author is a required field of every request.
"""

from __future__ import annotations

from typing import Annotated, Any, Callable, Literal, Union

from fastapi import Body, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from chipgraph.graph import curation
from chipgraph.graph.errors import CurationConflict, DocumentNotFound, FactNotFound
from chipgraph.graph.model import RelationType
from chipgraph.graph.store import GraphStore

__all__ = ["CurationIn", "VerdictIn", "MergeIn", "SplitIn", "RetractIn", "EvidenceRefIn", "add_curation_routes"]

MAX_LOG_PAGE = 1000
MAX_STATUS_FACTS = 200


class EvidenceRefIn(BaseModel):
    """One piece of evidence: its document and offsets, and the method that read it."""

    document_id: str = Field(..., min_length=1, max_length=200)
    start: int = Field(..., ge=0)
    end: int = Field(..., ge=0)
    method: str = Field(..., min_length=1, max_length=500)


#: text every store keeps as given: something besides white space, no NUL
_TEXT = r"^[^\x00]*[^\x00\s][^\x00]*$"
#: head|TYPE|tail, the type one of the relation types (ids or names at the ends)
_FACT = r"^[^|\x00]*[^|\x00\s][^|\x00]*\|(" + "|".join(t.value for t in RelationType) + r")\|[^|\x00]*[^|\x00\s][^|\x00]*$"


class _Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    author: str = Field(
        ..., min_length=1, max_length=curation.MAX_AUTHOR, pattern=_TEXT, description="Who decides (kept in the log)."
    )
    reason: str = Field(..., min_length=1, max_length=curation.MAX_REASON, pattern=_TEXT, description="Why (kept in the log).")


class VerdictIn(_Decision):
    """Accept or reject a fact ``head|TYPE|tail`` (ids or names), or only one piece of its evidence."""

    action: Literal["accept", "reject"]
    target: str = Field(..., max_length=2000, pattern=_FACT, description="The fact: head|TYPE|tail.")
    evidence: EvidenceRefIn | None = None


class MergeIn(_Decision):
    """``other`` is the same entity as ``target``: its names and relations move to ``target``."""

    action: Literal["merge"]
    target: str = Field(..., max_length=1000, pattern=_TEXT, description="The entity kept (id or name).")
    other: str = Field(..., max_length=1000, pattern=_TEXT, description="The entity merged away (id or name).")


class SplitIn(_Decision):
    """The alias ``other`` of ``target`` is another entity."""

    action: Literal["split"]
    target: str = Field(..., max_length=1000, pattern=_TEXT, description="The entity (id or name).")
    other: str = Field(..., max_length=1000, pattern=_TEXT, description="The alias to split off.")


class RetractIn(_Decision):
    """Withdraw a document: its evidence goes, and the facts no other source states."""

    action: Literal["retract"]
    target: str = Field(..., max_length=200, pattern=_TEXT, description="The document id.")


CurationIn = Annotated[Union[VerdictIn, MergeIn, SplitIn, RetractIn], Field(discriminator="action")]


def add_curation_routes(
    app: FastAPI,
    get_store: Callable[[], GraphStore],
    *,
    keyed: list[Any],
    read_keyed: list[Any],
    responses: dict[int | str, dict[str, Any]],
    write_responses: dict[int | str, dict[str, Any]],
) -> None:
    """Register the routes and the 404 answers for unknown facts and documents."""

    async def not_found(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc)[:500]})

    async def conflict(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=409, content={"detail": str(exc)[:500]})

    app.add_exception_handler(FactNotFound, not_found)
    app.add_exception_handler(DocumentNotFound, not_found)
    app.add_exception_handler(CurationConflict, conflict)

    @app.post("/curation", status_code=201, responses=write_responses, dependencies=keyed)
    def post_curation(decision: Annotated[CurationIn, Body()]) -> dict[str, Any]:  # type: ignore[valid-type]
        """Record and apply one decision (needs a write key when keys are
        configured; rate-limited like every write).  Returns the log entry.
        An unknown fact or document is a 404, an unknown entity a 404 with
        suggestions, an impossible request a 422; nothing is changed then."""
        entry = curation.curate(
            get_store(),
            decision.action,
            decision.target,
            decision.author,
            decision.reason,
            other=getattr(decision, "other", None),
            evidence=decision.evidence.model_dump() if getattr(decision, "evidence", None) else None,
        )
        return entry.to_dict()

    @app.get("/curation", responses=responses, dependencies=read_keyed)
    def get_curation(
        offset: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_LOG_PAGE)] = 100,
    ) -> dict[str, Any]:
        """The curation log, oldest first, a page at a time."""
        log = curation.curation_log(get_store())
        return {
            "total": len(log),
            "offset": offset,
            "entries": [e.to_dict() for e in log[offset : offset + limit]],
        }

    @app.get("/curation/status", responses=responses, dependencies=read_keyed)
    def get_status(
        fact: Annotated[
            list[Annotated[str, Field(max_length=2000, pattern=_FACT)]],
            Query(max_length=MAX_STATUS_FACTS, description="Facts as head|TYPE|tail ids (repeat)."),
        ],
    ) -> dict[str, Any]:
        """Each fact's verdict (accepted, rejected or null), whether a rejected
        fact is back with new evidence, and the deciding entry."""
        keys = [curation._split_key(f) for f in fact]
        found = curation.status(get_store(), keys)
        return {"facts": [found[k].to_dict() for k in keys]}
