"""Curated reference data shipped in data/reference/: known entities with their
aliases, and facts that public sources state but articles may not.

Every row carries its public source; a row without one is refused at load time,
so nothing unsourced can enter the graph as reference data.  Reference facts
become ordinary relations whose evidence is the source's statement, with method
"reference", so a path hop from a list reads exactly like one from an article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterator

from .errors import ChipgraphError
from .model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType

if TYPE_CHECKING:
    from .store import GraphStore

__all__ = [
    "ReferenceError",
    "ReferenceFact",
    "reference_entities",
    "reference_spellings",
    "demonym_countries",
    "reference_facts",
    "reference_extractions",
    "load_reference",
]

ENTITIES_FILE = "organisations.jsonl"
FACTS_FILE = "facts.jsonl"


class ReferenceError(ChipgraphError):
    """A reference data file is malformed or a row lacks its public source."""


@dataclass(frozen=True)
class ReferenceFact:
    head: str
    type: RelationType
    tail: str
    statement: str
    source: str
    source_title: str
    attributes: tuple[tuple[str, str], ...] = ()


def _rows(filename: str) -> Iterator[tuple[int, dict]]:
    path = resources.files("chipgraph.data").joinpath("reference", filename)
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReferenceError(f"data/reference/{filename}:{n}: not JSON ({exc})") from exc
            yield n, row


#: what a country's adjective names when it acts as a state: "Indian authorities banned ...",
#: "Italian regulators blocked ..." are India and Italy (English; Dutch and German forms are aliases)
GOVERNMENT_FORMS = ("government", "authorities", "regulator", "regulators", "watchdog", "state")


def government_names(demonyms: list[str] | tuple[str, ...]) -> list[str]:
    """The names a country goes by as a government: each of its adjectives
    ("Indian") with each government noun ("Indian authorities")."""
    return [f"{d} {noun}" for d in demonyms for noun in GOVERNMENT_FORMS]


@lru_cache(maxsize=1)
def _entity_rows() -> tuple[tuple[int, dict], ...]:
    """The entity file's rows, read once for the entities and the demonyms."""
    return tuple(_rows(ENTITIES_FILE))


@lru_cache(maxsize=1)
def reference_entities() -> tuple[Entity, ...]:
    """Known entities (organisations, lists, places, products) with aliases.

    Rows: {"name", "type", "aliases": [...], "country", "sources": [url, ...]};
    a place may add "demonyms" (["Indian"]), which give its government's names;
    a company may add "towns" (["Veldhoven"]), see ``company_towns``.
    """
    out: list[Entity] = []
    for n, row in _entity_rows():
        if not row.get("sources"):
            raise ReferenceError(f"data/reference/{ENTITIES_FILE}:{n}: {row.get('name')!r} has no public source")
        try:
            aliases = list(row.get("aliases", ()))
            aliases += [a for a in government_names(row.get("demonyms", ())) if a not in aliases]
            out.append(
                Entity.create(
                    row["name"], EntityType(row["type"]), aliases=aliases, country=row.get("country")
                )
            )
        except (KeyError, ValueError) as exc:
            raise ReferenceError(f"data/reference/{ENTITIES_FILE}:{n}: {exc}") from exc
    return tuple(out)


@lru_cache(maxsize=1)
def reference_spellings() -> dict[str, tuple[str, ...]]:
    """Entity id -> every spelling of its names the reference file writes.

    An entity keeps one of the aliases that differ only in case ("BAFA",
    "Bafa"), but the text matcher needs each as written: German writes a
    pronounceable acronym as a word ("das Bafa")."""
    by_id = {e.id: e for e in reference_entities()}
    out: dict[str, tuple[str, ...]] = {}
    for _, row in _entity_rows():
        ent = Entity.create(row["name"], EntityType(row["type"]))
        if ent.id in by_id:
            written = (row["name"], *row.get("aliases", ()))
            out[ent.id] = tuple(dict.fromkeys((*by_id[ent.id].names(), *written)))
    return out


@lru_cache(maxsize=1)
def company_towns() -> dict[str, frozenset[str]]:
    """Town, lower-cased -> the lower-cased names and aliases of the companies
    the row's "towns" ties to it (where the company sits or runs its
    best-known plant, as its public source says): Dutch and German news
    calls a company by its town's people ("de Veldhovenaren" is ASML;
    ingest/place_demonyms.py)."""
    out: dict[str, set[str]] = {}
    for _, row in _entity_rows():
        names = {n.lower() for n in (row.get("name", ""), *row.get("aliases", ()))}
        for town in row.get("towns", ()):
            out.setdefault(town.lower(), set()).update(names)
    return {town: frozenset(names) for town, names in out.items()}


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """A country's adjective, lower-cased -> its ISO code ("japanese" -> "JP"),
    from the places' "demonyms": "the Japanese firm" is no Chinese company."""
    out: dict[str, str] = {}
    for _, row in _entity_rows():
        if row.get("type") == EntityType.GPE.value and row.get("country"):
            for d in row.get("demonyms", ()):
                out.setdefault(d.lower(), row["country"])
    return out


@lru_cache(maxsize=1)
def reference_facts() -> tuple[ReferenceFact, ...]:
    """Facts from public sources. Rows: {"head", "type", "tail", "statement",
    "source": url, "source_title", "attributes": {...}}; head and tail are
    canonical names of reference entities."""
    out: list[ReferenceFact] = []
    for n, row in _rows(FACTS_FILE):
        try:
            if not row.get("source") or not row.get("statement"):
                raise ReferenceError(f"data/reference/{FACTS_FILE}:{n}: a fact needs its statement and public source")
            out.append(
                ReferenceFact(
                    head=row["head"],
                    type=RelationType(row["type"]),
                    tail=row["tail"],
                    statement=row["statement"],
                    source=row["source"],
                    source_title=row.get("source_title") or row["source"],
                    attributes=tuple(sorted((row.get("attributes") or {}).items())),
                )
            )
        except (KeyError, ValueError) as exc:
            raise ReferenceError(f"data/reference/{FACTS_FILE}:{n}: {exc}") from exc
    return tuple(out)


def reference_extractions() -> list[Extraction]:
    """The reference facts as one Extraction per public source, ready for any
    store: the source is the Document and each statement is its evidence."""
    by_name = {e.name: e for e in reference_entities()}
    by_source: dict[str, list[ReferenceFact]] = {}
    for fact in reference_facts():
        by_source.setdefault(fact.source, []).append(fact)
    out = []
    for source, facts in sorted(by_source.items()):
        text = "\n".join(f.statement for f in facts)
        doc = Document.from_text(text, source, title=facts[0].source_title, language="en")
        entities: dict[str, Entity] = {}
        relations = []
        offset = 0
        for fact in facts:
            try:
                head, tail = by_name[fact.head], by_name[fact.tail]
            except KeyError as exc:
                raise ReferenceError(
                    f"data/reference/{FACTS_FILE}: {exc.args[0]!r} is not a name in {ENTITIES_FILE}"
                ) from None
            entities[head.id], entities[tail.id] = head, tail
            ev = Evidence(
                document_id=doc.id,
                sentence=fact.statement,
                start=offset,
                end=offset + len(fact.statement),
                method="reference",
                confidence=1.0,
                source=source,
                attributes=dict(fact.attributes),
            )
            relations.append(Relation(head.id, fact.type, tail.id, (ev,)))
            offset += len(fact.statement) + 1
        out.append(Extraction(doc, tuple(entities.values()), tuple(relations)))
    return out


@lru_cache(maxsize=1)
def reference_document_ids() -> frozenset[str]:
    """The ids of the reference sources' documents: a store holding only these
    has had no article ingested."""
    return frozenset(x.document.id for x in reference_extractions())


def load_reference(store: "GraphStore") -> int:
    """Add the reference facts to ``store`` (idempotent); returns how many
    sources were new.  Every ingest calls it, so a list membership that no
    article states still completes a chain."""
    return sum(store.add(x).added for x in reference_extractions())
