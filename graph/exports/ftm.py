"""FollowTheMoney JSON lines, for Aleph, OpenSanctions' tools and yente.

The mapping (schemata, roles, ids) is graph/ftm.py's table.  Lines come in a
fixed order: entities by id, articles by document id, then per relation (by
key) one interval per piece of evidence, then the Documentation links, each
object's keys sorted; so the same graph gives the same bytes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import IO, Any, Iterator

from ..citations import cite_source
from ..errors import ExportError
from ..ftm import (
    ENTITY_SCHEMA,
    ROLES,
    TYPE_CLASSIFICATION,
    ftm_country,
    ftm_date,
    ftm_id,
    ftm_language,
    unknown_properties,
)
from ..model import Entity, EntityType, Evidence, Relation, RelationType
from .base import Exporter, GraphData, register, relation_id, unicode_safe

__all__ = ["FtMExporter", "ftm_entities", "entity_ftm_id", "document_ftm_id", "EVIDENCE_NOTE"]

#: the first ``description`` value of every interval: where in the article, how read, how sure
EVIDENCE_NOTE = "chipgraph evidence: characters {start}-{end}; method {method}; confidence {confidence}"


@lru_cache(maxsize=65536)
def entity_ftm_id(entity_id: str) -> str:
    return ftm_id("entity", entity_id)


@lru_cache(maxsize=65536)
def document_ftm_id(document_id: str) -> str:
    return ftm_id("document", document_id)


def _obj(id: str, schema: str, properties: dict[str, list[str]]) -> dict[str, Any]:
    props = {k: list(dict.fromkeys(v for v in vs if v)) for k, vs in sorted(properties.items())}
    props = {k: v for k, v in props.items() if v}
    bad = unknown_properties(schema, props)
    if bad:  # a programming error here, never the user's
        raise ExportError(f"FtM {schema} has no propert{'y' if len(bad) == 1 else 'ies'} {', '.join(bad)}")
    return {"id": id, "schema": schema, "properties": props}


def _entity(e: Entity, roles: set[tuple[bool, RelationType]]) -> dict[str, Any]:
    """``roles``: (is it the head, relation type) of every relation ``e`` is in."""
    types = {t for is_head, t in roles if is_head}
    # an organisation that appears only as the authority of bans is no company
    only_bans = roles == {(False, RelationType.BANNED)}
    schema = "Organization" if e.type is EntityType.ORG and only_bans else ENTITY_SCHEMA[e.type]
    country = ftm_country(e.country)
    props: dict[str, list[str]] = {
        "name": [e.name],
        "alias": list(e.aliases),
        "country": [country] if country else [],
        "notes": [f"country: {e.country}"] if e.country and not country else [],
        "topics": (["sanction"] if types & {RelationType.DESIGNATED, RelationType.BANNED} else [])
        + (["mil"] if RelationType.MILITARY_LINK in types else []),
    }
    if e.type in TYPE_CLASSIFICATION:
        props["classification"] = [TYPE_CLASSIFICATION[e.type]]
    return _obj(entity_ftm_id(e.id), schema, props)


def _article(document_id: str, data: GraphData, fallback: str | None) -> dict[str, Any]:
    info = data.documents.get(document_id)
    shown, url = cite_source(info.source if info else fallback)
    title = info.title if info and info.title else None
    return _obj(
        document_ftm_id(document_id),
        "Article",
        {
            "name": [title or shown],
            "title": [title] if title else [],
            "publishedAt": [d] if (d := ftm_date(info.date if info else None)) else [],
            "sourceUrl": [url] if url else [],
            "fileName": [] if url else [shown],
            "language": [lang] if (lang := ftm_language(info.language if info else None)) else [],
        },
    )


def _interval(r: Relation, ev: Evidence | None, data: GraphData, names: dict[str, str]) -> dict[str, Any]:
    head, tail = entity_ftm_id(r.head), entity_ftm_id(r.tail)
    props: dict[str, list[str]] = {"recordId": [relation_id(r)]}
    date = None
    if ev is not None:
        date = ftm_date(ev.attributes.get("date"))
        url = data.citation(ev)[1]
        props.update(
            proof=[document_ftm_id(ev.document_id)],
            sourceUrl=[url] if url else [],
            summary=[ev.sentence],
            description=[
                EVIDENCE_NOTE.format(start=ev.start, end=ev.end, method=ev.method, confidence=round(ev.confidence, 4)),
                *(f"{k}: {v}" for k, v in ev.attributes.items()),
            ],
        )
    else:
        props["description"] = [f"{k}: {v}" for k, v in r.unsourced_attributes.items()]
    if r.type in (RelationType.OWNED_BY, RelationType.PART_OF):
        schema = "Ownership"
        props.update(owner=[tail], asset=[head], role=[ROLES[r.type]], date=[date] if date else [])
    elif r.type in (RelationType.SUPPLIED, RelationType.MILITARY_LINK):
        schema = "UnknownLink"
        props.update(subject=[head], object=[tail], role=[ROLES[r.type]], date=[date] if date else [])
    elif r.type is RelationType.DESIGNATED:
        schema = "Sanction"
        props.update(entity=[head], program=[names[r.tail]], listingDate=[date] if date else [])
    elif r.type is RelationType.BANNED:
        schema = "Sanction"
        props.update(entity=[head], authority=[names[r.tail]], date=[date] if date else [])
    else:
        return {}
    parts = (r.type.value, r.head, r.tail) + ((ev.document_id, ev.start, ev.end, ev.method) if ev else ())
    return _obj(ftm_id(*parts), schema, props)


def ftm_entities(data: GraphData) -> Iterator[dict[str, Any]]:
    """Every FtM object of ``data``, in the export's order."""
    roles: dict[str, set[tuple[bool, RelationType]]] = {}
    for r in data.relations:
        roles.setdefault(r.head, set()).add((True, r.type))
        roles.setdefault(r.tail, set()).add((False, r.type))
    for e in data.entities:
        yield _entity(e, roles.get(e.id, set()))
    sources = {ev.document_id: ev.source for r in data.relations for ev in r.evidence}
    for doc_id in sorted(sources):
        yield _article(doc_id, data, sources[doc_id])
    mentioned: set[tuple[str, str]] = set()
    names = data.names()
    for r in data.relations:
        for ev in r.evidence or (None,):
            obj = _interval(r, ev, data, names)
            if obj:  # OTHER relations have no FtM form
                yield obj
            if ev is not None:
                mentioned |= {(ev.document_id, r.head), (ev.document_id, r.tail)}
    for doc_id, entity_id in sorted(mentioned):
        yield _obj(
            ftm_id("documentation", doc_id, entity_id),
            "Documentation",
            {"document": [document_ftm_id(doc_id)], "entity": [entity_ftm_id(entity_id)], "role": ["mentioned"]},
        )


@register
class FtMExporter(Exporter):
    name = "ftm"
    extensions = (".ftm.jsonl", ".ftm.json", ".ijson")
    media_type = "application/x-ndjson"
    description = "FollowTheMoney JSON lines (Company, Ownership, UnknownLink, Sanction, Article, Documentation)."

    def write(self, data: GraphData, out: IO[bytes]) -> None:
        for obj in ftm_entities(data):
            line = unicode_safe(json.dumps(obj, ensure_ascii=False, sort_keys=True))
            out.write(line.encode("utf-8") + b"\n")
