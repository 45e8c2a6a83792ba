"""Importing FollowTheMoney JSON lines into a store (``chipgraph import``).

The reverse of graph/exports/ftm.py, through graph/ftm.py's table: companies
and lists become entities, Ownership / UnknownLink / Sanction intervals become
relations, and each interval's sentence (``summary``) becomes evidence in one
Document per FtM Article it cites (``proof``).  That document's text is its
source line followed by its sentences, so every offset points into the stored
text as everywhere else; the evidence's method is ``ftm-import:FILE:LINE``
and its confidence the one the export wrote (0.5 when the file gives none).
Facts without a sentence, and entities in no fact, travel in one Document
for the file itself.

The whole file is read and checked before anything is written: a bad line is
an :class:`ImportFormatError` naming it, and nothing of the file is stored.
Writes go through the store's own ``add``, one transaction per document, so
names merge with what the store knows, and importing a file twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import ImportFormatError
from .ftm import ENTITY_REFERENCES, ROLES, TYPE_CLASSIFICATION, chipgraph_language
from .model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from .store import GraphStore

__all__ = ["FtMObject", "ImportReport", "read_ftm", "ftm_extractions", "import_ftm", "import_ftm_lines", "import_ftm_objects", "checked", "IMPORT_METHOD", "DEFAULT_CONFIDENCE"]

IMPORT_METHOD = "ftm-import"
DEFAULT_CONFIDENCE = 0.5
#: the most lines one import reads: a file is checked whole in memory before any write
MAX_IMPORT_LINES = 1_000_000

_SCHEMA_TYPE = {
    "Company": EntityType.ORG, "Organization": EntityType.ORG, "LegalEntity": EntityType.ORG,
    "PublicBody": EntityType.ORG, "Person": EntityType.PERSON, "Asset": EntityType.PRODUCT,
}
_CLASSIFIED = {v: k for k, v in TYPE_CLASSIFICATION.items()}
_ROLE_TYPE = {v: k for k, v in ROLES.items()}
_DOCUMENTS = frozenset({"Article", "Document", "PlainText", "HyperText", "Pages"})
_INTERVALS = frozenset({"Ownership", "UnknownLink", "Sanction"})
_NOTE = re.compile(r"chipgraph evidence: .*confidence ([0-9.]+)")
_STATED = re.compile(r"([A-Za-z_][\w-]*): (.+)", re.S)


@dataclass(frozen=True)
class FtMObject:
    """One line of the file, checked for shape."""

    id: str
    schema: str
    properties: dict[str, list[str]]
    line: int

    def first(self, prop: str) -> str | None:
        values = self.properties.get(prop) or []
        return values[0] if values else None

    def all(self, prop: str) -> list[str]:
        return list(self.properties.get(prop) or [])


@dataclass
class ImportReport:
    """What an import read and wrote."""

    path: str
    lines: int = 0
    entities: int = 0
    relations: int = 0
    evidence: int = 0
    documents: int = 0
    documents_added: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # schema -> lines not imported

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        skipped = "; skipped " + ", ".join(f"{n} {s}" for s, n in sorted(self.skipped.items())) if self.skipped else ""
        return (
            f"{self.path}: {self.lines} lines -> {self.entities} entities, {self.relations} relations, "
            f"{self.evidence} pieces of evidence in {self.documents} documents ({self.documents_added} new){skipped}"
        )


def read_ftm(lines: Iterable[str], path: str = "<input>") -> Iterator[FtMObject]:
    """Each non-blank line as an :class:`FtMObject`.

    Raises
    ------
    ImportFormatError
        A line is not JSON, or not ``{"id": str, "schema": str, "properties":
        {name: [str, ...]}}``; the message names the line.
    """
    for n, raw in enumerate(lines, 1):
        if n > MAX_IMPORT_LINES:
            raise ImportFormatError(f"more than {MAX_IMPORT_LINES} lines: split the file", path=path, line=n)
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ImportFormatError(f"not JSON ({exc.msg} at column {exc.colno})", path=path, line=n) from None
        yield checked(obj, n, path)


def checked(obj: Any, line: int, path: str = "<input>") -> FtMObject:
    """``obj`` (parsed JSON) as an :class:`FtMObject`, or an ImportFormatError naming ``line``."""
    if not isinstance(obj, dict):
        raise ImportFormatError("not a JSON object", path=path, line=line)
    id_, schema, props = obj.get("id"), obj.get("schema"), obj.get("properties", {})
    if not isinstance(id_, str) or not id_.strip():
        raise ImportFormatError('no "id" (a non-empty string)', path=path, line=line)
    if not isinstance(schema, str) or not schema:
        raise ImportFormatError('no "schema" (a string such as "Company")', path=path, line=line)
    if not isinstance(props, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v) for k, v in props.items()
    ):
        raise ImportFormatError('"properties" must map names to lists of strings', path=path, line=line)
    return FtMObject(id_, schema, props, line)


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise ImportFormatError(f"not UTF-8 (byte {exc.start})", path=str(path)) from None
    except OSError as exc:
        raise ImportFormatError(f"cannot read the file ({exc.strerror})", path=str(path)) from None


def _entity(obj: FtMObject, path: str) -> Entity:
    names = obj.all("name")
    if not names:
        raise ImportFormatError(f"a {obj.schema} without a name", path=path, line=obj.line)
    etype = next((_CLASSIFIED[c] for c in obj.all("classification") if c in _CLASSIFIED), _SCHEMA_TYPE[obj.schema])
    country = obj.first("country")
    for note in obj.all("notes"):
        if not country and note.startswith("country: "):
            country = note.removeprefix("country: ")
    return Entity.create(names[0], etype, aliases=names[1:] + obj.all("alias"), country=country.upper() if country and len(country) == 2 else country)


@dataclass
class _Pending:
    """Evidence read for one source document, before it becomes an Extraction."""

    document: FtMObject | None
    facts: list[tuple[Relation, str | None]] = field(default_factory=list)  # relation with one evidence, or none


def ftm_extractions(objects: Iterable[FtMObject], path: str, report: ImportReport | None = None) -> list[Extraction]:
    """The Extractions (one per source document, plus one for the file) that
    ``objects`` describe, checked: every reference resolves, every interval
    maps onto a relation type.  Nothing is written."""
    report = report if report is not None else ImportReport(path)
    objs = list(objects)
    report.lines = len(objs)
    by_id: dict[str, FtMObject] = {}
    for obj in objs:
        if obj.id in by_id:
            raise ImportFormatError(f"id {obj.id!r} is used again (first on line {by_id[obj.id].line})", path=path, line=obj.line)
        by_id[obj.id] = obj
    entities = {o.id: _entity(o, path) for o in objs if o.schema in _SCHEMA_TYPE}
    by_name = {}
    for o in objs:
        if o.id in entities:
            by_name.setdefault((entities[o.id].type, entities[o.id].name), entities[o.id])
    documents = {o.id: o for o in objs if o.schema in _DOCUMENTS}

    def ref(obj: FtMObject, prop: str) -> Entity:
        target = obj.first(prop)
        if target is None:
            raise ImportFormatError(f"a {obj.schema} without {prop!r}", path=path, line=obj.line)
        if target not in entities:
            what = f"line {by_id[target].line} is a {by_id[target].schema}" if target in by_id else "no line of the file defines it"
            raise ImportFormatError(f"{obj.schema}.{prop} names {target!r}, but {what}", path=path, line=obj.line)
        return entities[target]

    def named(name: str, etype: EntityType) -> Entity:
        return by_name.get((etype, name)) or by_name.setdefault((etype, name), Entity.create(name, etype))

    pending: dict[str | None, _Pending] = {}
    extra_entities: dict[str, Entity] = {}
    for obj in objs:
        if obj.schema in _SCHEMA_TYPE or obj.schema in _DOCUMENTS or obj.schema == "Documentation":
            continue
        if obj.schema not in _INTERVALS:
            report.skipped[obj.schema] = report.skipped.get(obj.schema, 0) + 1
            continue
        if obj.schema == "Sanction":
            head = ref(obj, "entity")
            if obj.first("program"):
                rtype, tail = RelationType.DESIGNATED, named(obj.first("program") or "", EntityType.LIST)
            elif obj.first("authority"):
                authority = obj.first("authority") or ""
                tail = by_name.get((EntityType.ORG, authority)) or by_name.get((EntityType.GPE, authority)) or named(authority, EntityType.ORG)
                rtype = RelationType.BANNED
            else:
                raise ImportFormatError("a Sanction needs a program (a list: DESIGNATED) or an authority (BANNED)", path=path, line=obj.line)
        else:
            a, b = ENTITY_REFERENCES[obj.schema]
            first, second = ref(obj, a), ref(obj, b)
            role = (obj.first("role") or "").strip().casefold()
            if obj.schema == "Ownership":  # owner, asset: the asset is OWNED_BY / PART_OF the owner
                head, tail = second, first
                rtype = RelationType.PART_OF if role == ROLES[RelationType.PART_OF] else RelationType.OWNED_BY
            elif role in _ROLE_TYPE:
                head, tail, rtype = first, second, _ROLE_TYPE[role]
            else:
                report.skipped["UnknownLink"] = report.skipped.get("UnknownLink", 0) + 1
                continue
        extra_entities.setdefault(head.id, head)
        extra_entities.setdefault(tail.id, tail)
        proof = obj.first("proof")
        if proof is not None and proof not in documents:
            raise ImportFormatError(f"{obj.schema}.proof names {proof!r}, which is no document of the file", path=path, line=obj.line)
        sentence = " ".join(obj.all("summary")).strip() or None
        key = proof if sentence and proof else None  # a sentence without its article goes with the file
        if key not in pending:
            pending[key] = _Pending(documents.get(key) if key else None)
        pending[key].facts.append((_relation(obj, head, tail, rtype, sentence, path), sentence))

    all_entities: dict[str, Entity] = {}
    for e in [*entities.values(), *extra_entities.values()]:  # two lines may name one entity: merged
        all_entities[e.id] = all_entities[e.id].merged(e) if e.id in all_entities else e
    out = [_extraction(p, all_entities, path) for key, p in sorted(pending.items(), key=lambda kv: kv[0] or "") if key]
    loose = pending.get(None)
    related = {end for p in pending.values() for r, _ in p.facts for end in (r.head, r.tail)}
    lonely = [e for e in all_entities.values() if e.id not in related]
    if loose or lonely:
        out.append(_file_extraction(loose, lonely, all_entities, path, objs))
    for x in out:
        x.validate()
    return out


def _relation(obj: FtMObject, head: Entity, tail: Entity, rtype: RelationType, sentence: str | None, path: str) -> Relation:
    """The relation of one interval; its evidence (offsets set later) when it has a sentence."""
    notes = obj.all("description")
    confidence = DEFAULT_CONFIDENCE
    stated: dict[str, str] = {}
    for note in notes:
        if m := _NOTE.fullmatch(note):
            try:
                confidence = min(1.0, max(0.0, float(m.group(1))))
            except ValueError:
                raise ImportFormatError(f"confidence {m.group(1)!r} is no number", path=path, line=obj.line) from None
        elif m := _STATED.fullmatch(note):
            stated[m.group(1)] = m.group(2)
    if sentence is None:
        return Relation(head.id, rtype, tail.id, (), unsourced_attributes=stated)
    method = f"{IMPORT_METHOD}:{Path(path).name}:{obj.line}"
    return Relation(head.id, rtype, tail.id, (Evidence("", sentence, 0, 0, method, confidence, None, stated),))


def _document(source: str, sentences: list[str], **meta: Any) -> tuple[Document, dict[str, int]]:
    """The stored text (source line, then each sentence once) and where each sentence starts."""
    text, starts = source, {}
    for s in sentences:
        if s not in starts:
            text += "\n\n"
            starts[s] = len(text)
            text += s
    return Document.from_text(text, source, **meta), starts


def _placed(p: _Pending, doc: Document, starts: dict[str, int]) -> list[Relation]:
    rels: dict[tuple[str, str, str], Relation] = {}
    for rel, sentence in p.facts:
        if sentence is not None:
            (ev,) = rel.evidence
            start = starts[sentence]
            ev = Evidence(doc.id, sentence, start, start + len(sentence), ev.method, ev.confidence, doc.source, ev.attributes)
            rel = Relation(rel.head, rel.type, rel.tail, (ev,), unsourced_attributes=rel.unsourced_attributes)
        rels[rel.key] = rels[rel.key].merged(rel) if rel.key in rels else rel
    return list(rels.values())


def _extraction(p: _Pending, entities: dict[str, Entity], path: str) -> Extraction:
    art = p.document
    assert art is not None
    source = art.first("sourceUrl") or art.first("fileName") or art.first("name") or f"{Path(path).name}#{art.line}"
    date = art.first("publishedAt") or art.first("date")
    doc, starts = _document(
        source, [s for _, s in p.facts if s], title=art.first("title"), date=date, language=chipgraph_language(art.first("language"))
    )
    rels = _placed(p, doc, starts)
    ids = sorted({end for r in rels for end in (r.head, r.tail)})
    return Extraction(doc, tuple(entities[i] for i in ids), tuple(rels))


def _file_extraction(
    p: _Pending | None, lonely: list[Entity], entities: dict[str, Entity], path: str, objs: list[FtMObject]
) -> Extraction:
    """One Document for the file: facts without a sentence, entities in no fact."""
    digest = hashlib.sha256("\n".join(f"{o.id} {o.schema}" for o in objs).encode("utf-8", "replace")).hexdigest()[:16]
    doc, starts = _document(f"{Path(path).name} (FollowTheMoney import {digest})", [s for _, s in p.facts if s] if p else [])
    rels = _placed(p, doc, starts) if p else []
    ids = sorted({end for r in rels for end in (r.head, r.tail)} | {e.id for e in lonely})
    return Extraction(doc, tuple(entities[i] for i in ids), tuple(rels))


def import_ftm(store: GraphStore, path: Path) -> ImportReport:
    """Read, check, then write the FtM JSON lines file ``path`` into ``store``.

    Raises
    ------
    ImportFormatError
        The file is unreadable or a line is malformed (named); nothing was written.
    """
    return import_ftm_lines(store, _read_lines(path), str(path))


def import_ftm_lines(store: GraphStore, lines: Iterable[str], name: str) -> ImportReport:
    """As :func:`import_ftm`, for lines already read (an upload named ``name``)."""
    return import_ftm_objects(store, read_ftm(lines, name), name)


def import_ftm_objects(store: GraphStore, objects: Iterable[FtMObject], name: str) -> ImportReport:
    """Check ``objects`` whole, then write them through ``store.add``."""
    report = ImportReport(name)
    extractions = ftm_extractions(objects, name, report)
    for x in extractions:
        result = store.add(x)
        report.documents += 1
        report.documents_added += int(result.added)
    report.entities = len({e.id for x in extractions for e in x.entities})
    report.relations = len({r.key for x in extractions for r in x.relations})
    report.evidence = sum(len(r.evidence) for x in extractions for r in x.relations)
    return report
