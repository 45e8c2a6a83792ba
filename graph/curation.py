"""Facts an analyst vouches for: the curation log and what it does to the graph.

Extraction is fallible; an analyst accepts or rejects a fact (or one piece of
its evidence), merges two entities that are one, splits off an alias that was
wrongly merged, or retracts a whole document.  Each decision is a
``CurationEntry`` appended to the store's log (never edited, never deleted):
who, when, why, and what it changed.

The log is the source of truth; its effects are applied *in the store* when
an entry is made (rejected facts deleted, merged entities moved, retracted
evidence removed), and re-applied after every document write
(``reapply_for``, called by ``GraphStore.add``) and after ``chipgraph copy``
(``reapply``).  So every read -- relations, paths, subgraphs, the questions,
lookups, counts -- sees the curated graph on every store without filtering at
read time.  The logic lives here once; a store only provides three small
primitives: ``curation_log``, ``relations_of_document`` and
``_apply_changes`` (a ``Changes`` applied in one unit).

Decisions (see README "Curation"):

* **Reject** removes the fact with the evidence it had; the entry keeps a
  snapshot of it.  Re-ingesting the same article (same document, or the same
  source URL re-fetched) never brings it back.  A *new, independent* source
  stating it does bring it back, with only the new evidence, and
  ``status`` reports it as ``rejected`` with ``new_evidence`` so the analyst
  sees "rejected earlier, new evidence"; ``accepted_only`` reads never show it.
* **Accept** after a reject restores the snapshot (evidence of documents
  still stored).  Accepting one piece of evidence accepts the fact.
* **Merge** moves the second entity's names and relations onto the first
  (evidence merges on shared facts; a fact between the two is dropped).
* **Split** makes the alias its own entity; a piece of evidence moves with it
  when its sentence names that alias and none of the entity's other names
  (evidence keeps the surface text); the rest stays.  Moved facts are
  recorded in the entry, and verdicts on them follow.
* **Retract** removes a document and its evidence; a fact stays only while
  another source still states it.
"""

from __future__ import annotations

import json
import re
import uuid
import weakref
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Literal, Mapping, Sequence

from .errors import CurationConflict, DocumentNotFound, FactNotFound, InvalidCuration, InvalidQuery
from .model import Entity, Evidence, Extraction, Relation, RelationType, normalise_name, sorted_evidence

if TYPE_CHECKING:  # pragma: no cover
    from .store import GraphStore

__all__ = [
    "ACTIONS",
    "CurationEntry",
    "Changes",
    "FactStatus",
    "curate",
    "accept",
    "reject",
    "merge",
    "split",
    "retract",
    "curation_log",
    "fact_key",
    "parse_fact",
    "evidence_ref",
    "status",
    "accepted_keys",
    "reapply",
    "reapply_for",
    "copy_log",
    "MAX_REASON",
    "MAX_AUTHOR",
]

Action = Literal["accept", "reject", "merge", "split", "retract"]
ACTIONS: tuple[str, ...] = ("accept", "reject", "merge", "split", "retract")
MAX_AUTHOR = 200
MAX_REASON = 4000
Key = tuple[str, str, str]


# -- the log's model ----------------------------------------------------------------
@dataclass(frozen=True)
class CurationEntry:
    """One analyst decision.

    ``target`` is what it is about: a fact key ``head|TYPE|tail`` (accept,
    reject), the entity kept (merge), the entity split (split) or a document
    id (retract).  ``other`` is the entity merged away (merge) or the alias
    split off (split).  ``evidence`` names one piece of evidence
    (``document_id``, ``start``, ``end``, ``method``) when a verdict is about
    it alone.  ``details`` records what the entry changed when it was made
    (a rejected fact's snapshot, the facts a split moved), so the log alone
    tells what happened and lets it be re-applied.
    """

    id: str
    action: str
    target: str
    author: str
    at: str
    reason: str
    other: str | None = None
    evidence: Mapping[str, Any] | None = None
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "action": self.action,
            "target": self.target,
            "other": self.other,
            "evidence": dict(self.evidence) if self.evidence else None,
            "author": self.author,
            "at": self.at,
            "reason": self.reason,
            "details": dict(self.details),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "CurationEntry":
        return cls(
            id=str(d["id"]),
            action=str(d["action"]),
            target=str(d["target"]),
            author=str(d["author"]),
            at=str(d["at"]),
            reason=str(d["reason"]),
            other=d.get("other"),
            evidence=d.get("evidence") or None,
            details=d.get("details") or {},
        )

    @classmethod
    def from_json(cls, text: str) -> "CurationEntry":
        return cls.from_dict(json.loads(text))


@dataclass
class Changes:
    """What a store must do to apply curation, in this order: drop relations
    (with their evidence), put entities (replacing name list and aliases),
    put relations (replacing any stored one of the same key, evidence
    included), drop entities, drop documents (and any evidence left on them)."""

    drop_relations: set[Key] = field(default_factory=set)
    put_entities: dict[str, Entity] = field(default_factory=dict)
    put_relations: dict[Key, Relation] = field(default_factory=dict)
    drop_entities: set[str] = field(default_factory=set)
    drop_documents: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(
            self.drop_relations or self.put_entities or self.put_relations or self.drop_entities or self.drop_documents
        )

    def relation(self, rel: Relation) -> None:
        """Replace ``rel``'s stored version by ``rel``; without evidence it goes."""
        if rel.evidence:
            self.put_relations[rel.key] = rel
            self.drop_relations.discard(rel.key)
        else:
            self.put_relations.pop(rel.key, None)
            self.drop_relations.add(rel.key)


# -- keys and references ---------------------------------------------------------------
def fact_key(head: str, type: str | RelationType, tail: str) -> str:
    """``head|TYPE|tail``: how a fact is named in the log, the CLI and the API."""
    return f"{head}|{RelationType(type).value if not isinstance(type, RelationType) else type.value}|{tail}"


def _split_key(text: str) -> Key:
    parts = text.split("|")
    if len(parts) != 3 or not all(p.strip() for p in parts):
        raise InvalidCuration(f"a fact is written head|TYPE|tail (e.g. org:asml|SUPPLIED|org:smic), not {text!r}")
    head, rtype, tail = (p.strip() for p in parts)
    try:
        rtype = RelationType(rtype.upper()).value
    except ValueError:
        raise InvalidCuration(
            f"unknown relation type {rtype!r} in {text!r}; choose from {', '.join(t.value for t in RelationType)}"
        ) from None
    return (head, rtype, tail)


def parse_fact(store: "GraphStore", text: str) -> Key:
    """The fact key ``text`` names; head and tail may be ids or names (each
    resolved to exactly one entity, else EntityNotFound / EntityAmbiguous)."""
    head, rtype, tail = _split_key(text)
    return (store.resolve_unique(head).id, rtype, store.resolve_unique(tail).id)


def evidence_ref(ev: Evidence) -> dict[str, Any]:
    """How an entry names one piece of evidence (its identity, ``Evidence.key``)."""
    return {"document_id": ev.document_id, "start": ev.start, "end": ev.end, "method": ev.method}


def _ref_key(ref: Mapping[str, Any]) -> tuple[str, int, int, str]:
    try:
        return (str(ref["document_id"]), int(ref["start"]), int(ref["end"]), str(ref["method"]))
    except (KeyError, TypeError, ValueError):
        raise InvalidCuration("evidence is named by document_id, start, end and method") from None


# -- snapshots (a rejected fact as it was) -------------------------------------------
def _relation_to_dict(rel: Relation) -> dict[str, Any]:
    return {
        "head": rel.head,
        "type": rel.type.value,
        "tail": rel.tail,
        "unsourced_attributes": dict(rel.unsourced_attributes),
        "evidence": [{**e.to_dict(), "confidence": e.confidence} for e in rel.evidence],
    }


def _relation_from_dict(d: Mapping[str, Any]) -> Relation:
    evidence = tuple(
        Evidence(
            e["document_id"], e["sentence"], int(e["start"]), int(e["end"]), e["method"], float(e["confidence"]),
            e.get("source"), e.get("attributes") or {},
        )
        for e in d.get("evidence", ())
    )
    return Relation(
        d["head"], RelationType(d["type"]), d["tail"], evidence, unsourced_attributes=d.get("unsourced_attributes") or {}
    )


# -- making entries ------------------------------------------------------------------
def _entry(action: str, target: str, author: str, reason: str, **extra: Any) -> CurationEntry:
    author, reason = (author or "").strip(), (reason or "").strip()
    if not author:
        raise InvalidCuration("every curation names its author (--by NAME, or `author` in the API)")
    if not reason:
        raise InvalidCuration("every curation says why (--why TEXT, or `reason` in the API)")
    if len(author) > MAX_AUTHOR or len(reason) > MAX_REASON:
        raise InvalidCuration(f"author is at most {MAX_AUTHOR} characters and reason at most {MAX_REASON}")
    _check_text("author", author)
    _check_text("reason", reason)
    at = datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
    return CurationEntry(uuid.uuid4().hex, action, target, author, at, reason, **extra)


def _check_text(what: str, value: str) -> None:
    """Text every store can keep and give back unchanged: no NUL, no lone surrogate."""
    if "\x00" in value:
        raise InvalidCuration(f"{what} cannot contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidCuration(f"{what} is not valid Unicode text (a lone surrogate)") from None


def _commit(store: "GraphStore", entry: CurationEntry) -> CurationEntry:
    """Apply the entry's effect and append it, as one unit where the store can."""
    log = _indexed_log(store).log
    store._apply_changes(_effect(store, entry, [*log, entry]), (entry,))
    _appended(store, log, [entry])
    return entry


def _evidence_of(rel: Relation, ref: Mapping[str, Any]) -> Evidence:
    want = _ref_key(ref)
    for ev in rel.evidence:
        if ev.key() == want:
            return ev
    raise FactNotFound(
        f"fact {fact_key(*rel.key)} has no evidence in document {want[0]} at {want[1]}-{want[2]} by {want[3]}"
    )


def _verdict(
    store: "GraphStore", action: str, fact: str | Key, author: str, reason: str, evidence: Mapping[str, Any] | None
) -> CurationEntry:
    key = parse_fact(store, fact) if isinstance(fact, str) else _split_key("|".join(fact))
    state = _state(_indexed_log(store).log)
    rel = store.relations_by_key([key]).get(key)
    details: dict[str, Any] = {}
    ref = None
    if rel is None:
        if action == "reject" or key not in state.snapshots or evidence is not None:
            raise FactNotFound(f"no fact {fact_key(*key)} in the graph (it may have been rejected or never stated)")
    else:
        if evidence is not None:
            ref = evidence_ref(_evidence_of(rel, evidence))
        if action == "reject":
            details["snapshot"] = _relation_to_dict(rel)
    return _commit(store, _entry(action, fact_key(*key), author, reason, evidence=ref, details=details))


def accept(
    store: "GraphStore", fact: str | Key, author: str, reason: str, *, evidence: Mapping[str, Any] | None = None
) -> CurationEntry:
    """Vouch for a fact (``head|TYPE|tail``, names allowed, or a key tuple),
    or for one piece of its evidence.  A fact rejected earlier comes back
    with the evidence it had.  Raises FactNotFound, EntityNotFound,
    InvalidCuration; nothing is changed then."""
    return _verdict(store, "accept", fact, author, reason, evidence)


def reject(
    store: "GraphStore", fact: str | Key, author: str, reason: str, *, evidence: Mapping[str, Any] | None = None
) -> CurationEntry:
    """Declare a fact wrong (it leaves every read), or only one piece of its
    evidence (the fact goes when none is left)."""
    return _verdict(store, "reject", fact, author, reason, evidence)


def merge(store: "GraphStore", keep: str, other: str, author: str, reason: str) -> CurationEntry:
    """Make ``other`` part of ``keep`` (ids or names): its names become
    aliases of ``keep`` and its relations move onto it."""
    kept, gone = store.resolve_unique(keep), store.resolve_unique(other)
    if kept.id == gone.id:
        raise CurationConflict(f"{keep!r} and {other!r} are already one entity ({kept.id})")
    entry = _entry("merge", kept.id, author, reason, other=gone.id, details={"merged": gone.to_dict()})
    return _commit(store, entry)


def split(store: "GraphStore", entity: str, alias: str, author: str, reason: str) -> CurationEntry:
    """Make ``alias`` of ``entity`` an entity of its own (see the module
    docstring for which evidence moves with it)."""
    ent = store.resolve_unique(entity)
    alias = (alias or "").strip()
    norm = normalise_name(alias)
    if not alias or norm not in {normalise_name(a) for a in ent.aliases}:
        raise CurationConflict(f"{alias!r} is not an alias of {ent.name} ({ent.id}); its aliases: {list(ent.aliases)}")
    if norm == normalise_name(ent.name):
        raise CurationConflict(f"{alias!r} is the canonical name of {ent.id} (folded); merge or rename instead")
    new_id = Entity.create(alias, ent.type).id
    if new_id == ent.id:
        raise CurationConflict(f"{alias!r} would have the id {new_id} of the entity itself")
    entry = _entry("split", ent.id, author, reason, other=alias, details={"new_entity": new_id})
    changes = _split_changes(store, entry)
    moved = sorted(
        [list(old), list(new)] for old, new in _moves(changes, ent.id, new_id)
    )
    entry = replace(entry, details={"new_entity": new_id, "moved": moved})
    log = _indexed_log(store).log
    store._apply_changes(changes, (entry,))
    _appended(store, log, [entry])
    return entry


def retract(store: "GraphStore", document_id: str, author: str, reason: str) -> CurationEntry:
    """Withdraw a document: its evidence goes, and every fact only it stated."""
    if not store.has_document(document_id):
        raise DocumentNotFound(f"no document {document_id!r} in the graph")
    info = store.document_infos([document_id]).get(document_id)
    details = {"source": info.source if info else None, "title": info.title if info else None}
    return _commit(store, _entry("retract", document_id, author, reason, details=details))


def curation_log(store: "GraphStore") -> list[CurationEntry]:
    """Every entry, oldest first."""
    return list(_indexed_log(store).log)


# -- the log replayed: verdicts on current keys ---------------------------------------
@dataclass
class _State:
    """What the log says now: the last verdict on each fact (under its
    current key: merges and splits move keys), and rejected snapshots."""

    verdicts: dict[Key, CurationEntry] = field(default_factory=dict)
    snapshots: dict[Key, Relation] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)  # merged-away id -> kept id


def _rename(key: Key, old: str, new: str) -> Key:
    h, t, tl = key
    return (new if h == old else h, t, new if tl == old else tl)


def _state(entries: Sequence[CurationEntry]) -> _State:
    st = _State()
    for e in entries:
        if e.action == "reject" and e.evidence:
            continue  # one sentence found wrong says nothing of the fact itself
        if e.action in ("accept", "reject"):
            key = _split_key(e.target)
            for old, new in st.renamed.items():
                key = _rename(key, old, new)
            st.verdicts[key] = e
            if e.action == "reject" and e.details.get("snapshot") and not e.evidence:
                st.snapshots[key] = _relation_from_dict(e.details["snapshot"])
        elif e.action == "merge" and e.other:
            st.renamed = {k: (e.target if v == e.other else v) for k, v in st.renamed.items()}
            st.renamed[e.other] = e.target
            for table in (st.verdicts, st.snapshots):
                for key in [k for k in table if e.other in (k[0], k[2])]:
                    table[_rename(key, e.other, e.target)] = table.pop(key)  # type: ignore[index]
        elif e.action == "split":
            for old, new in e.details.get("moved", ()):
                old, new = tuple(old), tuple(new)
                if old in st.verdicts and new not in st.verdicts:
                    st.verdicts[new] = st.verdicts[old]  # type: ignore[index]
    return st


@dataclass(frozen=True)
class FactStatus:
    """A fact's standing in the log: ``verdict`` is ``accepted``,
    ``rejected`` or None (never curated); ``new_evidence`` says a rejected
    fact is back in the graph because a source the rejection did not cover
    states it; ``entry`` is the deciding entry."""

    key: Key
    verdict: str | None
    new_evidence: bool
    entry: CurationEntry | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": fact_key(*self.key),
            "verdict": self.verdict,
            "new_evidence": self.new_evidence,
            "entry": self.entry.to_dict() if self.entry else None,
        }


def status(store: "GraphStore", keys: Iterable[Key]) -> dict[Key, FactStatus]:
    """Each fact's verdict (what the workbench shows beside a relation)."""
    st = _state(_indexed_log(store).log)
    keys = [tuple(k) for k in keys]
    present = store.relations_by_key([k for k in keys if k in st.verdicts and st.verdicts[k].action == "reject"])  # type: ignore[misc]
    out: dict[Key, FactStatus] = {}
    for key in keys:
        e = st.verdicts.get(key)  # type: ignore[arg-type]
        verdict = None if e is None else ("accepted" if e.action == "accept" else "rejected")
        out[key] = FactStatus(key, verdict, verdict == "rejected" and key in present and not e.evidence, e)  # type: ignore[arg-type,union-attr]
    return out


def accepted_keys(store: "GraphStore") -> set[Key]:
    """The facts whose last verdict is an accept."""
    return {k for k, e in _state(_indexed_log(store).log).verdicts.items() if e.action == "accept"}


# -- effects -----------------------------------------------------------------------------
def _effect(store: "GraphStore", entry: CurationEntry, log: list[CurationEntry]) -> Changes:
    """What ``entry`` (one of ``log``) changes in the store as it is now
    (empty when nothing it is about is stored: re-applying is always safe)."""
    return _EFFECTS[entry.action](store, entry, log)


def _current_key(entry: CurationEntry, log: list[CurationEntry]) -> Key:
    """The key of the fact a verdict is about, after the merges made since."""
    key = _split_key(entry.target)
    for e in _after(log, entry):
        if e.action == "merge" and e.other:
            key = _rename(key, e.other, e.target)
    return key


def _covered(snapshot: Relation) -> tuple[set[str], set[str]]:
    """Documents and sources a rejection saw: evidence from them stays out.

    A source names an article only when it is a URL or a file path: a
    generic label (the API's default ``api``) is shared by unrelated
    articles, so it covers nothing."""
    return {e.document_id for e in snapshot.evidence}, {e.source for e in snapshot.evidence if _names_article(e.source)}


def _names_article(source: str | None) -> bool:
    return bool(source) and ("://" in source or "/" in source or "\\" in source)  # type: ignore[operator]


def _reject_effect(store: "GraphStore", entry: CurationEntry, log: list[CurationEntry]) -> Changes:
    key = _current_key(entry, log)
    changes = Changes()
    rel = store.relations_by_key([key]).get(key)
    if rel is None:
        return changes
    if entry.evidence:
        drop = _ref_key(entry.evidence)
        keep = tuple(e for e in rel.evidence if e.key() != drop)
    else:
        snap = entry.details.get("snapshot")
        docs, sources = _covered(_relation_from_dict(snap)) if snap else (set(), set())
        keep = tuple(e for e in rel.evidence if e.document_id not in docs and (e.source or "") not in sources)
        if not snap:
            keep = ()
    if len(keep) != len(rel.evidence):
        changes.relation(replace(rel, evidence=keep))
    return changes


def _accept_effect(store: "GraphStore", entry: CurationEntry, log: list[CurationEntry]) -> Changes:
    """An accept restores what the last rejection before it removed."""
    key = _current_key(entry, log)
    changes = Changes()
    snapshot = _state(_before(log, entry)).snapshots.get(_split_key(entry.target))
    if snapshot is None or entry.evidence:
        return changes
    snapshot = Relation(key[0], snapshot.type, key[2], snapshot.evidence, unsourced_attributes=snapshot.unsourced_attributes)
    stored = store.relations_by_key([key]).get(key)
    alive = {e.document_id for e in snapshot.evidence if store.has_document(e.document_id)}
    restored = replace(snapshot, evidence=tuple(e for e in snapshot.evidence if e.document_id in alive))
    if not restored.evidence or store.get_entity(key[0]) is None or store.get_entity(key[2]) is None:
        return changes
    merged = stored.merged(restored) if stored else restored
    if stored is None or len(merged.evidence) != len(stored.evidence):
        changes.relation(replace(merged, evidence=sorted_evidence(merged.evidence)))
    return changes


def _before(entries: list[CurationEntry], entry: CurationEntry) -> list[CurationEntry]:
    ids = [e.id for e in entries]
    return entries[: ids.index(entry.id)] if entry.id in ids else list(entries)


def _after(entries: list[CurationEntry], entry: CurationEntry) -> list[CurationEntry]:
    ids = [e.id for e in entries]
    return entries[ids.index(entry.id) + 1 :] if entry.id in ids else []


def _merge_effect(store: "GraphStore", entry: CurationEntry, log: list[CurationEntry]) -> Changes:
    changes = Changes()
    keep, gone = store.get_entity(entry.target), store.get_entity(entry.other or "")
    if gone is None or keep is None or keep.id == gone.id:
        return changes
    changes.put_entities[keep.id] = keep.merged(gone)
    moved: dict[Key, Relation] = {}
    for rel in store.relations(gone.id):
        changes.drop_relations.add(rel.key)
        new = replace(rel, head=_swap(rel.head, gone.id, keep.id), tail=_swap(rel.tail, gone.id, keep.id))
        if new.head == new.tail:
            continue  # a fact between the two halves of one entity says nothing
        moved[new.key] = moved[new.key].merged(new) if new.key in moved else new
    stored = store.relations_by_key(moved)
    for key, rel in moved.items():
        changes.relation(stored[key].merged(rel) if key in stored else rel)
    changes.drop_entities.add(gone.id)
    return changes


def _swap(value: str, old: str, new: str) -> str:
    return new if value == old else value


def mentions(sentence: str, name: str) -> bool:
    """Whether ``sentence`` names ``name`` as a word (case-insensitive)."""
    return re.search(r"(?<!\w)" + re.escape(name.strip()) + r"(?!\w)", sentence, re.IGNORECASE) is not None


def _split_changes(store: "GraphStore", entry: CurationEntry) -> Changes:
    changes = Changes()
    ent = store.get_entity(entry.target)
    alias = entry.other or ""
    norm = normalise_name(alias)
    if ent is None or norm not in {normalise_name(a) for a in ent.aliases}:
        return changes
    new_id = entry.details.get("new_entity") or Entity.create(alias, ent.type).id
    surfaces = [a for a in ent.aliases if normalise_name(a) == norm]
    rest = [a for a in ent.aliases if normalise_name(a) != norm]
    changes.put_entities[ent.id] = replace(ent, aliases=tuple(rest))
    existing = store.get_entity(new_id)
    new_ent = Entity(new_id, alias, ent.type, tuple(a for a in surfaces if a != alias), ent.country)
    changes.put_entities[new_id] = existing.merged(new_ent) if existing else new_ent
    others = [ent.name, *rest]
    moved: dict[Key, Relation] = {}
    for rel in store.relations(ent.id):
        go = tuple(
            e for e in rel.evidence
            if any(mentions(e.sentence, s) for s in surfaces) and not any(mentions(e.sentence, o) for o in others)
        )
        if not go:
            continue
        changes.relation(replace(rel, evidence=tuple(e for e in rel.evidence if e not in go)))
        new = replace(rel, head=_swap(rel.head, ent.id, new_id), tail=_swap(rel.tail, ent.id, new_id), evidence=go)
        moved[new.key] = moved[new.key].merged(new) if new.key in moved else new
    stored = store.relations_by_key(moved)
    for key, rel in moved.items():
        changes.relation(stored[key].merged(rel) if key in stored else rel)
    return changes


def _moves(changes: Changes, old_id: str, new_id: str) -> Iterator[tuple[Key, Key]]:
    for key in changes.put_relations:
        if new_id in (key[0], key[2]):
            yield _rename(key, new_id, old_id), key


def _split_effect(store: "GraphStore", entry: CurationEntry, log: list[CurationEntry]) -> Changes:
    return _split_changes(store, entry)


def _retract_effect(store: "GraphStore", entry: CurationEntry, log: list[CurationEntry]) -> Changes:
    changes = Changes()
    if not store.has_document(entry.target):
        return changes
    for rel in store.relations_of_document(entry.target):
        changes.relation(replace(rel, evidence=tuple(e for e in rel.evidence if e.document_id != entry.target)))
    changes.drop_documents.add(entry.target)
    return changes


_EFFECTS = {
    "accept": _accept_effect,
    "reject": _reject_effect,
    "merge": _merge_effect,
    "split": _split_effect,
    "retract": _retract_effect,
}


# -- keeping the log applied --------------------------------------------------------
def reapply(
    store: "GraphStore", entries: Sequence[CurationEntry] | None = None, *, log: list[CurationEntry] | None = None
) -> int:
    """Apply every entry (or ``entries``, of ``log``) again, in log order;
    returns how many changed something.  Safe at any time: an entry whose
    effect is already there changes nothing."""
    log = store.curation_log() if log is None else log
    chosen = log if entries is None else entries
    changed = 0
    for entry in chosen:
        changes = _effect(store, entry, log)
        if changes:
            store._apply_changes(changes, ())
            changed += 1
    return changed


@dataclass
class _Index:
    """Where each entry of a log bites: verdicts by their fact's key (as
    written and after later merges), merges by the entity merged away,
    splits by the entity split, retractions by document."""

    log: list[CurationEntry]
    by_key: dict[Key, set[int]] = field(default_factory=dict)
    by_entity: dict[str, set[int]] = field(default_factory=dict)
    by_document: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, log: list[CurationEntry]) -> "_Index":
        index = cls(log)
        current: dict[int, Key] = {}
        holding: dict[str, set[int]] = {}  # entity id -> verdicts whose current key names it
        for i, e in enumerate(log):
            if e.action in ("accept", "reject"):
                key = current[i] = _split_key(e.target)
                index.by_key.setdefault(key, set()).add(i)
                for end in (key[0], key[2]):
                    holding.setdefault(end, set()).add(i)
            elif e.action == "merge" and e.other:
                index.by_entity.setdefault(e.other, set()).add(i)
                for j in holding.pop(e.other, set()):
                    current[j] = _rename(current[j], e.other, e.target)
                    holding.setdefault(e.target, set()).add(j)
            elif e.action == "split":
                index.by_entity.setdefault(e.target, set()).add(i)
            elif e.action == "retract":
                index.by_document.setdefault(e.target, set()).add(i)
        for i, key in current.items():
            index.by_key.setdefault(key, set()).add(i)
        return index


#: each store's log as last read, with its index, until the log changes (it
#: only grows: its length and last entry tell whether it did)
_LOGS: "weakref.WeakKeyDictionary[GraphStore, tuple[tuple[int, str | None], _Index]]" = weakref.WeakKeyDictionary()


def _indexed_log(store: "GraphStore") -> _Index:
    version = store.curation_version()
    cached = _LOGS.get(store)
    if cached is not None and cached[0] == version:
        return cached[1]
    index = _Index.of(store.curation_log() if version[0] else [])
    _LOGS[store] = (version, index)
    return index


def _appended(store: "GraphStore", before: list[CurationEntry], new: list[CurationEntry]) -> None:
    """Keep the cached log current after this process appended ``new`` to
    ``before`` (if anyone else appended meanwhile, the version differs and
    the next read fetches the log again)."""
    cached = _LOGS.get(store)
    if cached is not None and cached[1].log is before and new:
        log = [*before, *new]
        _LOGS[store] = ((len(log), new[-1].id), _Index.of(log))


def reapply_for(store: "GraphStore", extractions: Sequence[Extraction]) -> int:
    """After documents were written: re-apply the entries about anything they
    wrote (their facts, entities and documents), so a rejected fact, a merged
    entity or a retracted document does not come back through an ingest.
    Costs one small read when the log has not changed since the last write."""
    index = _indexed_log(store)
    if not index.log or not extractions:
        return 0
    hits: set[int] = set()
    for x in extractions:
        hits.update(*(index.by_key.get(r.key, ()) for r in x.relations))
        hits.update(*(index.by_entity.get(e.id, ()) for e in x.entities))
        hits.update(index.by_document.get(x.document.id, ()))
    return reapply(store, [index.log[i] for i in sorted(hits)], log=index.log) if hits else 0


def copy_log(source: "GraphStore", target: "GraphStore") -> int:
    """Append to ``target`` the entries of ``source`` it lacks (in order) and
    re-apply the whole log there; returns how many were appended."""
    have = {e.id for e in target.curation_log()}
    new = [e for e in source.curation_log() if e.id not in have]
    if new:
        target._apply_changes(Changes(), tuple(new))
    if target.curation_log():
        reapply(target)
    return len(new)


def check_action(action: str) -> str:
    """``action`` if it is one the log knows, else InvalidQuery."""
    if action not in ACTIONS:
        raise InvalidQuery(f"unknown curation action {action!r}; choose from {', '.join(ACTIONS)}")
    return action


def curate(
    store: "GraphStore",
    action: str,
    target: str,
    author: str,
    reason: str,
    *,
    other: str | None = None,
    evidence: Mapping[str, Any] | None = None,
) -> CurationEntry:
    """Any action by name (what the API's POST /curation and the workbench
    call): ``target`` is the fact (accept, reject), the entity kept (merge),
    the entity split (split) or the document (retract); ``other`` is the
    entity merged away or the alias split off."""
    check_action(action)
    for what, value in (("target", target), ("other", other or ""), ("author", author), ("reason", reason)):
        _check_text(what, value)
    if action in ("accept", "reject"):
        if other:
            raise InvalidCuration(f"{action} takes a fact and optionally evidence, not `other`")
        return (accept if action == "accept" else reject)(store, target, author, reason, evidence=evidence)
    if evidence:
        raise InvalidCuration(f"{action} takes no evidence; only accept and reject do")
    if action in ("merge", "split"):
        if not other:
            raise InvalidCuration(f"{action} needs `other`: " + ("the entity merged away" if action == "merge" else "the alias"))
        return (merge if action == "merge" else split)(store, target, other, author, reason)
    if other:
        raise InvalidCuration("retract takes a document id only")
    return retract(store, target, author, reason)
