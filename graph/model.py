"""The one model of chipgraph: documents, entities, relations and their evidence.

Every part of the product speaks this model: extraction produces it, every store
writes and reads it, the queries and the API return it.  Keeping it in one place
is what lets the SQLite and Neo4j stores be held to the same conformance suite.

Identity rules (they are what make ingest idempotent and merge facts across
articles):

* a Document's id is a hash of its text, so the same article read twice, from
  any path, is the same document;
* an Entity's id is derived from its type and its normalised canonical name, so
  "China Electronics Corporation" from two articles is one node;
* a Relation is identified by (head, type, tail); evidence from every article
  that states it accumulates on that one relation.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from typing import Any, Iterable, Mapping

__all__ = [
    "EntityType",
    "RelationType",
    "SCORED_RELATION_TYPES",
    "MILITARY_ID",
    "MILITARY_LIST_NAMES",
    "Document",
    "Entity",
    "Evidence",
    "AttributeStatement",
    "Relation",
    "Extraction",
    "normalise_name",
    "entity_id",
    "document_id",
    "sorted_evidence",
]


class EntityType(str, Enum):
    """What an entity is.  LIST covers sanctions and export-control lists and the
    pseudo-entity ``military`` (a designation, not a company)."""

    ORG = "ORG"
    PRODUCT = "PRODUCT"
    GPE = "GPE"
    PERSON = "PERSON"
    LIST = "LIST"


class RelationType(str, Enum):
    """The relation types of ../shared/eval/README.md; head -> tail reads as the
    sentence "head <type> tail" (a subsidiary is OWNED_BY its owner)."""

    OWNED_BY = "OWNED_BY"
    PART_OF = "PART_OF"
    SUPPLIED = "SUPPLIED"
    DESIGNATED = "DESIGNATED"
    MILITARY_LINK = "MILITARY_LINK"
    BANNED = "BANNED"
    OTHER = "OTHER"


SCORED_RELATION_TYPES: tuple[RelationType, ...] = (
    RelationType.OWNED_BY,
    RelationType.PART_OF,
    RelationType.SUPPLIED,
    RelationType.DESIGNATED,
    RelationType.MILITARY_LINK,
    RelationType.BANNED,
)

_LEGAL_SUFFIXES = (
    r"(co|corp|corporation|company|inc|incorporated|ltd|limited|llc|plc|nv|n v|bv|b v"
    r"|ag|sa|se|gmbh|holding|holdings|group)"
)
_SUFFIX_RE = re.compile(r"( " + _LEGAL_SUFFIXES + r")$")
_POSSESSIVE_RE = re.compile(r"'s\b")
_PUNCTUATION_RE = re.compile(r"[^\w\s]")
_SPACES_RE = re.compile(r"\s+")
_LEADING_THE_RE = re.compile(r"^the ")


@lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """Fold a surface form to the key used for matching names (cached: a
    bulk load folds the same names many times over).

    Case, punctuation, accents, a leading "the", a possessive "'s" and legal
    suffixes ("Co., Ltd.", "Corporation", "Group") are dropped, the same way the
    evaluation scorer folds names, so that "The ASML Holding N.V." and "ASML"
    meet.  An empty result falls back to the lower-cased input so that no name
    folds to nothing.
    """
    if name.isascii():  # the usual name: NFKD leaves ASCII as it is, with no marks to drop
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(c for c in s if not unicodedata.combining(c))
        s = s.lower().replace("\u2019", "'")
    s = _POSSESSIVE_RE.sub("", s)
    s = _PUNCTUATION_RE.sub(" ", s)
    s = _SPACES_RE.sub(" ", s).strip()
    s = _LEADING_THE_RE.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _SUFFIX_RE.sub("", s).strip()
    return s or name.strip().lower()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise_name(text)).strip("-") or hashlib.sha1(
        text.encode("utf-8")
    ).hexdigest()[:12]


def entity_id(name: str, type: EntityType | str) -> str:
    """Stable id of an entity: its type and the slug of its canonical name.

    Readable ids ("org:china-electronics-corporation") make URLs, logs and
    Cypher results legible and are the same in every store.
    """
    t = EntityType(type).value.lower()
    return f"{t}:{_slug(name)}"


def document_id(text: str) -> str:
    """Content hash of an article's text: the same text is the same document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


MILITARY_ID = entity_id("military", EntityType.LIST)

#: Lists of Chinese military companies: being on one is a military link,
#: whether an article states the listing or the list itself is imported.
MILITARY_LIST_NAMES: tuple[str, ...] = ("DoD Section 1237 list", "DoD Section 1260H list", "NS-CMIC List")


@dataclass(frozen=True)
class Document:
    """An article (or a reference source) that facts were read from.

    ``text`` is the text that extraction ran on; every Evidence offset points
    into it, so it is stored with the document.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    date: str | None = None
    language: str = "en"

    @classmethod
    def from_text(
        cls,
        text: str,
        source: str,
        *,
        title: str | None = None,
        date: str | None = None,
        language: str = "en",
    ) -> "Document":
        return cls(
            id=document_id(text), source=source, text=text, title=title, date=date, language=language
        )


@dataclass(frozen=True)
class Entity:
    """A real-world organisation, product, place, person or list.

    ``aliases`` holds every other surface form seen for it (acronyms, short
    names, other languages); the canonical ``name`` is not repeated there.
    """

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    country: str | None = None

    @classmethod
    def create(
        cls,
        name: str,
        type: EntityType | str,
        *,
        aliases: Iterable[str] = (),
        country: str | None = None,
    ) -> "Entity":
        etype = EntityType(type)
        return cls(
            id=entity_id(name, etype),
            name=name,
            type=etype,
            aliases=_clean_aliases(name, aliases),
            country=country,
        )

    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)

    def merged(self, other: "Entity") -> "Entity":
        """This entity with the aliases (and country, when unknown) of ``other``."""
        if (self.country or not other.country) and (
            (other.name == self.name and other.aliases == self.aliases) or set(other.names()) <= set(self.names())
        ):
            return self  # nothing new: the common case when a bulk load meets a known name again
        return replace(
            self,
            aliases=_clean_aliases(self.name, (*self.aliases, other.name, *other.aliases)),
            country=self.country or other.country,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type.value,
            "aliases": list(self.aliases),
            "country": self.country,
        }


def _clean_aliases(name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """Aliases without the canonical name, blanks or case-duplicates, in first-seen order."""
    seen = {name.strip().casefold()}
    out: list[str] = []
    for a in aliases:
        a = (a or "").strip()
        if a and a.casefold() not in seen:
            seen.add(a.casefold())
            out.append(a)
    return tuple(out)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence of a document, and how.

    ``start``/``end`` are character offsets of ``sentence`` in the stored
    document text.  ``method`` names the rule (e.g. "rule:relcl-owned") or
    "reference" for curated data; ``confidence`` is in [0, 1], higher for
    explicit patterns than for loose ones.  ``attributes`` are what this
    sentence itself states of the fact (e.g. ``product`` and ``date`` of a
    supply): kept per piece of evidence so that every date can be quoted with
    the source that gave it, even when articles disagree.
    """

    document_id: str
    sentence: str
    start: int
    end: int
    method: str
    confidence: float
    source: str | None = None
    attributes: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        # a private plain copy: callers' dicts may change after construction
        object.__setattr__(self, "attributes", _clean_attributes(self.attributes))

    def key(self) -> tuple[str, int, int, str]:
        """What makes two pieces of evidence the same (so re-ingest adds none)."""
        return (self.document_id, self.start, self.end, self.method)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "source": self.source,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "method": self.method,
            "confidence": round(self.confidence, 4),
            "attributes": dict(self.attributes),
        }


def _clean_attributes(attributes: Mapping[str, Any] | None) -> dict[str, str]:
    """Attributes as a sorted str -> str dict without empty values, so that
    equal statements compare equal whatever order or store they came from."""
    if not attributes:
        return {}  # most evidence states none
    return {str(k): str(v) for k, v in sorted(attributes.items()) if v is not None and str(v) != ""}


def sorted_evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """The one order of evidence every store returns: most confident first,
    then by document and position, so stores compare equal."""
    items = tuple(items)
    if len(items) < 2:  # most facts have one piece of evidence: nothing to sort
        return items
    return tuple(sorted(items, key=_evidence_order))


def _evidence_order(e: Evidence) -> tuple[float, str, int, int, str]:
    return (-e.confidence, e.document_id, e.start, e.end, e.method)


@dataclass(frozen=True)
class AttributeStatement:
    """One value of one attribute with every piece of evidence that states it:
    what a journalist quotes ("delivered in 2021, according to ...")."""

    name: str
    value: str
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "sources": [
                {"document_id": e.document_id, "source": e.source, "start": e.start, "end": e.end}
                for e in self.evidence
            ],
        }


@dataclass(frozen=True)
class Relation:
    """A fact: ``head`` -[type]-> ``tail`` (entity ids) with all its evidence.

    What was said of the fact (product, date) lives on the evidence that said
    it; :attr:`attributes` is only a one-value-per-name summary of that, and
    :meth:`attribute_statements` gives every value with its sources.
    ``unsourced_attributes`` holds attributes whose source was never recorded
    (relations written by chipgraph before attributes were kept per evidence);
    they are shown as such and never attributed to a source.
    """

    head: str
    type: RelationType
    tail: str
    evidence: tuple[Evidence, ...] = ()
    unsourced_attributes: Mapping[str, str] = field(default_factory=dict, kw_only=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "evidence", tuple(self.evidence))
        object.__setattr__(self, "unsourced_attributes", _clean_attributes(self.unsourced_attributes))

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.head, self.type.value, self.tail)

    @property
    def confidence(self) -> float:
        """The best confidence any piece of evidence gives this fact."""
        return max((e.confidence for e in self.evidence), default=0.0)

    @property
    def attributes(self) -> dict[str, str]:
        """One value per attribute: the one stated by the most confident
        evidence (in :func:`sorted_evidence` order, so the same in every
        store), else the unsourced one.  A summary for compatibility; show
        :meth:`attribute_statements` wherever sources disagree."""
        if not any(ev.attributes for ev in self.evidence):
            return dict(sorted(self.unsourced_attributes.items()))
        out: dict[str, str] = {}
        for ev in sorted_evidence(self.evidence):
            for k, v in ev.attributes.items():
                out.setdefault(k, v)
        for k, v in self.unsourced_attributes.items():
            out.setdefault(k, v)
        return dict(sorted(out.items()))

    def attribute_statements(self) -> tuple[AttributeStatement, ...]:
        """Every (attribute, value) any evidence states, each with the evidence
        stating it: product and date first, then by name, values in the order
        of their best evidence."""
        if not any(ev.attributes for ev in self.evidence):
            return ()
        found: dict[tuple[str, str], list[Evidence]] = {}
        for ev in sorted_evidence(self.evidence):
            for k, v in ev.attributes.items():
                found.setdefault((k, v), []).append(ev)
        order = {"product": 0, "date": 1}
        names = sorted({k for k, _ in found}, key=lambda k: (order.get(k, 2), k))
        return tuple(
            AttributeStatement(name, value, tuple(evs))
            for name in names
            for (k, value), evs in found.items()
            if k == name
        )

    def merged(self, other: "Relation") -> "Relation":
        """One relation with the evidence of both (each keeping what it
        states); unsourced attributes already set win."""
        if other.key != self.key:
            raise ValueError(f"cannot merge {other.key} into {self.key}")
        unsourced = dict(other.unsourced_attributes)
        unsourced.update(self.unsourced_attributes)
        seen = {e.key() for e in self.evidence}
        extra = tuple(e for e in other.evidence if e.key() not in seen)
        return replace(self, evidence=self.evidence + extra, unsourced_attributes=unsourced)

    def to_dict(self) -> dict[str, Any]:
        return {
            "head": self.head,
            "type": self.type.value,
            "tail": self.tail,
            "attributes": self.attributes,
            "attribute_statements": [s.to_dict() for s in self.attribute_statements()],
            "unsourced_attributes": dict(self.unsourced_attributes),
            "confidence": round(self.confidence, 4),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Extraction:
    """What extraction read from one document: the unit a store writes in one
    transaction.  Every relation's head and tail is the id of an entity here."""

    document: Document
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]

    def entity(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def with_stated_entities(self) -> "Extraction":
        """This extraction with only the entities a relation names: what an
        ingest writes.  A name the article merely mentions has no evidence
        behind it in the graph (evidence belongs to relations), and the
        small model's stray tags ("Trump" as a company, a reporter as a
        place) would otherwise become names every later article is read
        against."""
        named = {end for r in self.relations for end in (r.head, r.tail)}
        if len(named) == len(self.entities):
            return self
        return replace(self, entities=tuple(e for e in self.entities if e.id in named))

    def validate(self) -> None:
        """Raise ValueError when a relation points at an entity not in this extraction."""
        ids = {e.id for e in self.entities}
        for r in self.relations:
            for end in (r.head, r.tail):
                if end not in ids:
                    raise ValueError(f"relation {r.key} names unknown entity {end!r}")
