"""The server store: the graph in Neo4j 5 (or FalkorDB, which speaks Bolt and Cypher).

A team that already runs Neo4j gets the graph where its other tools can query
it; the tests run the very same code against FalkorDB, the one Bolt server that
installs from PyPI.  Only Cypher that both servers run is used; the few places
where they differ are kept in ``graph/bolt_dialect.py``.

Graph layout
------------
* ``(:Entity {id, name, type, aliases, country, norms})`` -- ``norms`` is the
  list of normalised names (canonical name and every alias).
* ``(:Name {norm})-[:NAMES]->(:Entity)`` -- one node per normalised name: the
  indexed way into ``norms`` (neither server indexes list membership in a way
  both share, and ``lookup`` runs for every entity of every article ingested).
* ``(:Entity)-[:OWNED_BY|SUPPLIED|... {key, attributes}]->(:Entity)`` -- one
  relationship per (head, type, tail).  The relationship type IS the relation
  type: names come only from the ``RelationType`` enum, a fixed whitelist, so
  interpolating them into Cypher can never carry article text.  ``attributes``
  is a JSON string (property values cannot be maps) of the relation's
  unsourced attributes only (see ``Relation``; on graphs written before
  attributes were kept per evidence it holds all of them, which then read
  back as unsourced: their source was never recorded); ``key`` is a hash of
  (head, type, tail).
* ``(:Evidence {key, rel, document_id, sentence, start_offset, end_offset,
  method, confidence, source, attributes})`` -- one node per piece of
  evidence, ``attributes`` being the JSON string of what its sentence states
  (absent on graphs written before attributes were kept per evidence), ``rel``
  being the relation's ``key`` and ``key`` a hash of (relation, document,
  offsets, method), so re-ingest adds none and evidence from many articles
  accumulates on one relation.  The document is joined by the indexed
  ``document_id`` property rather than by a relationship, so evidence can be
  written before its Document (which must come last, see below).
* ``(:Document {id, source, title, date, language, text, seq})`` -- ``seq``
  keeps insertion order for ``documents()``.

Atomicity
---------
Every write (one article in ``add``, a batch of whole articles in
``add_many``) is one managed transaction of UNWIND batches of ``batch_size``
rows, Document rows last.  A failure or a lost connection rolls it all back.
Since ``has_document`` is what makes ``add`` skip, an article is never marked
done without all of its facts.

Servers
-------
This module is plain Neo4j 5 code.  What FalkorDB does differently (its
parameter header, statement sizes, writes without transactions, long texts
read in pieces, a lost handshake, indexes instead of constraints) is in
``graph/bolt_dialect.py``: the store picks its dialect once when it connects
and sends, plans, writes and reads long texts through it.

No silent loss
--------------
Every write statement returns how many rows reached its end and the store
compares that with the rows it sent: a row dropped by a MATCH that missed
fails the write with StoreError (rolled back; on FalkorDB the documents it
marked done are removed, so a re-run redoes them).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .bolt_dialect import (
    DOCUMENT_SEGMENT as _DOCUMENT_SEGMENT,
    Neo4jDialect,
    WriteNotApplied,
    absorb_lost_handshake,
    chunks,
    detect_dialect,
    neo4j_schema_statements,  # re-exported: tools and tests list the schema from here
)
from .errors import StoreAuthError, StoreError, StoreUnavailable
from .model import (
    sorted_evidence,
    Document,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Relation,
    RelationType,
    normalise_name,
)
from .paths import Hop, OwnershipPath, PathQuery, rank_paths
from .resolution import batch_names
from .citations import DocumentInfo
from .store import BOLT_SCHEMES, GraphStore, IngestResult, Link, Walk, resolve_batch
from .subgraph import Subgraph
from .curation import Changes, CurationEntry
from .lists.status import LIST_METHOD, REMOVAL_MARK, lapse

__all__ = ["Neo4jStore", "BoltURL", "parse_bolt_url"]

log = logging.getLogger(__name__)

#: Every relationship type the store writes; the only strings ever interpolated
#: into Cypher (besides integers it computed itself).
_ALL_TYPES: tuple[str, ...] = tuple(t.value for t in RelationType)
_LIST = EntityType.LIST.value
#: How many paths of one length to collect before ranking (as the SQLite store).
_PATH_BUDGET_FACTOR = 50


# ---------------------------------------------------------------------------
# URLs and drivers
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class BoltURL:
    """A store URL taken apart: what the driver needs, and what may be shown."""

    uri: str  # scheme://host:port, what the driver connects to
    user: str
    password: str
    database: str | None

    @property
    def location(self) -> str:
        """The URL without its password (safe for logs, errors and the API)."""
        scheme, rest = self.uri.split("://", 1)
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        db = f"/{quote(self.database, safe='')}" if self.database else ""
        return f"{scheme}://{user}{rest}{db}"


def parse_bolt_url(url: str, env: dict[str, str] | None = None) -> BoltURL:
    """Split ``bolt://user:pass@host:port/database`` (or ``?database=``).

    Missing parts come from NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, so a
    password need not appear in a command line; the user defaults to "neo4j".
    """
    env = os.environ if env is None else env
    if not url.startswith(BOLT_SCHEMES):
        raise StoreError(f"{url!r} is not a Neo4j URL: it must start with one of {', '.join(BOLT_SCHEMES)}")
    parts = urlsplit(url)
    if not parts.hostname:
        raise StoreError(f"the Neo4j URL {url!r} names no host")
    host = parts.hostname
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError as exc:
        raise StoreError(f"the Neo4j URL {url!r} has a bad port ({exc})") from None
    netloc = f"{host}:{port}" if port else host
    query = parse_qs(parts.query)
    database = unquote(parts.path.strip("/")) or (query.get("database") or [None])[0] or env.get("NEO4J_DATABASE")
    user = unquote(parts.username) if parts.username else env.get("NEO4J_USER", "neo4j")
    password = unquote(parts.password) if parts.password is not None else env.get("NEO4J_PASSWORD", "")
    return BoltURL(f"{parts.scheme}://{netloc}", user, password, database or None)


_drivers: dict[tuple[str, str, str], Any] = {}
_drivers_lock = threading.Lock()


def _driver(url: BoltURL, connection_timeout: float) -> Any:
    """The process's one driver for this server and credentials.

    A driver owns a connection pool; one per process is what Neo4j recommends,
    and it matters doubly for FalkorDB, whose Bolt server (4.16) loses the
    handshake of the first connection opened after any client closes one, so
    drivers here are never closed before the process exits.

    Notifications of the UNRECOGNIZED classification are disabled at the
    server (Bolt notification filters): on a graph that has no relation of
    some type yet, every statement naming all six types would otherwise bring
    a long "unknown relationship type" warning, printed by the driver on each
    query.  Other notifications (deprecations, performance hints) still come.
    """
    from neo4j import GraphDatabase, NotificationDisabledClassification

    key = (url.uri, url.user, url.password)
    with _drivers_lock:
        drv = _drivers.get(key)
        if drv is None:
            absorb_lost_handshake(url.uri)  # FalkorDB (see there); harmless on Neo4j
            drv = GraphDatabase.driver(
                url.uri,
                auth=(url.user, url.password),
                connection_timeout=connection_timeout,
                max_transaction_retry_time=connection_timeout,
                connection_acquisition_timeout=connection_timeout * 2,
                notifications_disabled_classifications=[NotificationDisabledClassification.UNRECOGNIZED],
            )
            _drivers[key] = drv
        return drv


@atexit.register
def _close_drivers() -> None:
    with _drivers_lock:
        for drv in _drivers.values():
            try:
                drv.close()
            except Exception:  # pragma: no cover - best effort at exit
                pass
        _drivers.clear()


#: ``json.dumps(parts, ensure_ascii=False)`` and ``json.dumps(x,
#: sort_keys=True)`` -- the same text, without building an encoder per call
#: (a bulk load hashes every relation and piece of evidence).
_encode_key = json.JSONEncoder(ensure_ascii=False).encode
_encode_sorted = json.JSONEncoder(sort_keys=True).encode


def _hash(*parts: object) -> str:
    """A compact, unambiguous key for index lookups (JSON keeps parts apart)."""
    return hashlib.sha1(_encode_key(parts).encode("utf-8")).hexdigest()


def relation_key(head: str, type: str, tail: str) -> str:
    return _hash(head, type, tail)


# ---------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------

#: a text up to this many bytes (at 4 bytes a character, at worst) is read in
#: one record when its first piece came back damaged: FalkorDB never finishes a
#: record of more than 64 KB (see ``FalkorDBDialect.long_text``)
_WHOLE_TEXT_BYTES = 48_000


def _not_utf8(exc: BaseException) -> bool:
    """The driver's two ways of saying a record held bytes that are not
    UTF-8: Python's UnicodeDecodeError, or the ValueError of its Rust
    extension ("incomplete utf-8 byte sequence from index 258")."""
    return isinstance(exc, UnicodeDecodeError) or (isinstance(exc, ValueError) and "utf-8" in str(exc).lower())


class Neo4jStore(GraphStore):
    """A graph in a Neo4j 5 database (or a FalkorDB graph) reached over Bolt.

    Parameters
    ----------
    url:
        ``bolt://[user[:password]@]host[:port][/database]``.
    batch_size:
        How many rows (entities, relations, evidence, documents) one write
        statement may carry in ``add_many`` and ``write_batch`` (FalkorDB's
        own statement limits may cut them smaller); an article is never split
        across transactions.
    connection_timeout:
        Seconds to wait for the server before raising StoreUnavailable.

    Raises
    ------
    StoreUnavailable
        The server cannot be reached.
    StoreAuthError
        The server refused the credentials.
    """

    def __init__(self, url: str, *, batch_size: int = 1000, connection_timeout: float = 10.0) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._url = parse_bolt_url(url)
        self.location = self._url.location
        self.batch_size = batch_size
        with self._errors("opening a driver"):
            self._driver = _driver(self._url, connection_timeout)
        self._closed = False
        self._dialect: Neo4jDialect = self._detect_dialect()
        self._ensure_schema()

    @classmethod
    def from_url(cls, url: str, **options: Any) -> "Neo4jStore":
        """Open the store a bolt:// or neo4j:// URL names (see ``parse_bolt_url``)."""
        return cls(url, **options)

    # -- plumbing -------------------------------------------------------------
    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Turn driver exceptions into chipgraph's, each naming the server."""
        from neo4j import exceptions as nx

        try:
            yield
        except nx.AuthError as exc:
            raise StoreAuthError(
                f"the Neo4j server at {self.location} refused the credentials of user {self._url.user!r} "
                f"while {doing}: give user:password in the URL or set NEO4J_USER and NEO4J_PASSWORD"
            ) from exc
        except (nx.ServiceUnavailable, nx.SessionExpired, nx.IncompleteCommit, OSError) as exc:
            raise StoreUnavailable(
                f"cannot reach the Neo4j server at {self.location} while {doing} ({exc}); is it running?"
            ) from exc
        except nx.Neo4jError as exc:
            raise StoreError(
                f"the Neo4j server at {self.location} failed while {doing}: {exc.code or ''} {exc.message or exc}"
            ) from exc
        except nx.DriverError as exc:
            raise StoreError(f"the Neo4j driver failed on {self.location} while {doing}: {exc}") from exc
        except ValueError as exc:
            if not _not_utf8(exc):
                raise
            where = f"{exc.reason} at byte {exc.start}" if isinstance(exc, UnicodeDecodeError) else str(exc)
            raise StoreError(
                f"the server at {self.location} sent text that is not UTF-8 while {doing} ({where}); "
                "read again, and if it persists the stored text is damaged"
            ) from exc

    def _session(self) -> Any:
        if self._closed:
            raise StoreError(f"the store at {self.location} is closed")
        return self._driver.session(database=self._url.database) if self._url.database else self._driver.session()

    @property
    def flavour(self) -> str:
        """"neo4j", "falkordb" or "other": the server's dialect (see
        ``graph/bolt_dialect.py``)."""
        return self._dialect.name

    def _run(self, runner: Any, cypher: str, params: dict[str, Any]) -> Any:
        """``runner.run`` (a session or a transaction): every statement the
        store sends goes through here, its parameters sent the way the
        server takes them (``Neo4jDialect.run``)."""
        return self._dialect.run(runner, cypher, params)

    def _read(self, cypher: str, doing: str, **params: Any) -> list[Any]:
        """Run one read statement in auto-commit mode.

        A pooled connection can be dead (the server restarted, or a network
        blip); the driver drops it on failure, so a read -- harmless to repeat --
        is retried once on a fresh connection before StoreUnavailable.  So is
        a record that arrives as bytes that are not UTF-8: FalkorDB 4.16 has
        been seen, rarely and only deep into a long test run, to send a long
        text's piece damaged; the driver then closes that connection.
        """
        from neo4j import exceptions as nx

        with self._errors(doing):
            try:
                with self._session() as session:
                    return list(self._run(session, cypher, params))
            except (nx.ServiceUnavailable, nx.SessionExpired, ValueError) as exc:
                if isinstance(exc, ValueError) and not _not_utf8(exc):
                    raise
                with self._session() as session:
                    return list(self._run(session, cypher, params))

    def _param_chunks(self, items: Sequence[Any], kind: str) -> Iterator[Sequence[Any]]:
        """Runs of ``items`` to send as one list parameter of a read; ``kind``
        says what the answer carries ("keys", "documents", "sentences", ...)
        and the dialect how many of those one answer may hold."""
        return self._dialect.read_chunks(items, kind)

    def _detect_dialect(self) -> Neo4jDialect:
        """The server's dialect, probed once (see ``detect_dialect``)."""
        with self._errors("connecting"), self._session() as session:
            return detect_dialect(session, self.location, self._url.user)

    def _ensure_schema(self) -> None:
        """Uniqueness constraints and lookup indexes, before any MERGE needs them."""
        with self._errors("creating indexes"), self._session() as session:
            self._dialect.ensure_schema(session, self._url.database)

    # -- writes ---------------------------------------------------------------
    def _write(self, extraction: Extraction) -> None:
        self._write_rows([extraction.document], extraction.entities, extraction.relations)

    def add_many(self, extractions: Iterable[Extraction]) -> list[IngestResult]:
        """Add articles, many per transaction, ``batch_size`` rows per statement.

        Same result as ``add`` one by one (skips known documents, merges
        entities by name, each piece of evidence keeps its own attributes) with a fraction
        of the round trips: known documents and stored names are fetched once
        per batch, and articles of one batch resolve against each other in
        memory before the batch is written as one transaction of UNWIND
        statements (``Neo4jDialect.group_rows`` says how many rows a batch
        holds).  Articles are never split across batches.
        """
        results: list[IngestResult] = []
        group: list[Extraction] = []
        rows = 0
        group_rows = self._dialect.group_rows(self.batch_size)
        for x in extractions:
            x.validate()
            group.append(x)
            rows += 1 + len(x.entities) + sum(1 + len(r.evidence) for r in x.relations)
            if rows >= group_rows:
                results.extend(self._add_group(group))
                group, rows = [], 0
        if group:
            results.extend(self._add_group(group))
        return results

    def _add_group(self, group: list[Extraction]) -> list[IngestResult]:
        known_docs = {
            r["id"]
            for chunk in self._param_chunks([x.document.id for x in group], "bulk")
            for r in self._read(
                "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id", "checking documents", ids=chunk
            )
        }
        by_norm, stored = self._stored_names(batch_names(group))
        results, to_write = resolve_batch(group, known_docs, by_norm)
        if to_write:
            self._write_rows(
                [x.document for x in to_write],
                [e for x in to_write for e in x.entities],
                [r for x in to_write for r in x.relations],
                stored,
            )
            self._after_write(to_write)
        return results

    def write_batch(
        self,
        *,
        documents: Sequence[Document] = (),
        entities: Sequence[Entity] = (),
        relations: Sequence[Relation] = (),
    ) -> None:
        """Write rows as they are (no name resolution) as one unit, like one
        ``add_many`` batch (one transaction of statements of ``batch_size``
        rows, documents last): the bulk path ``copy_graph`` uses.
        Idempotent; entities and relations merge with what is stored exactly
        as in ``add``."""
        self._write_rows(documents, entities, relations)

    def _write_rows(
        self,
        documents: Sequence[Document],
        entities: Iterable[Entity],
        relations: Iterable[Relation],
        stored: dict[str, tuple[Entity, list[str]]] | None = None,
    ) -> None:
        """Merge the rows with what is stored and write them as one managed
        transaction (``Neo4jDialect.write``), the statements planned by the
        dialect (``Neo4jDialect.plan``), each checked for rows it dropped.
        ``stored``: entities (with their normalised names) just read by the
        name lookup of this batch, so they are not read again by id."""
        ents, rels = self._writable(documents, entities, relations)
        with self._errors(f"writing {len(documents)} document(s)"), self._session() as session:
            self._dialect.write(session, lambda tx: self._write_rows_in(tx, documents, ents, rels, stored),
                                [d.id for d in documents], self._run)

    def _writable(
        self, documents: Sequence[Document], entities: Iterable[Entity], relations: Iterable[Relation]
    ) -> tuple[dict[str, Entity], dict[tuple[str, str, str], Relation]]:
        """Entities and relations with repeats merged, refused before anything
        is written if the server could not keep them."""
        ents: dict[str, Entity] = {}
        for e in entities:
            ents[e.id] = ents[e.id].merged(e) if e.id in ents else e
        rels: dict[tuple[str, str, str], Relation] = {}
        for r in relations:
            rels[r.key] = rels[r.key].merged(r) if r.key in rels else r
        self._dialect.check_writable(documents, ents.values(), rels.values())
        return ents, rels

    def _write_rows_in(
        self,
        tx: Any,
        documents: Sequence[Document],
        ents: dict[str, Entity],
        rels: dict[tuple[str, str, str], Relation],
        stored: dict[str, tuple[Entity, list[str]]] | None = None,
    ) -> None:
        """The statements of ``_write_rows`` in the caller's transaction."""
        entity_rows, name_rows = self._entity_rows(tx, ents, stored or {})
        rel_rows, evidence_rows = self._relation_rows(tx, rels)
        segments = _write_segments(entity_rows, name_rows, rel_rows, evidence_rows, documents)
        for statement, params, expected in self._dialect.plan(segments, self.batch_size):
            record = self._run(tx, statement, params).single()
            written = None if record is None else record["written"]
            # more than expected is a duplicate node matched (a server
            # without uniqueness constraints), not a loss
            if written is None or written < expected:
                raise WriteNotApplied(
                    f"the server at {self.location} applied {written} of {expected} row(s) of a write "
                    f"({statement[:60]}...); nothing of the document(s) is marked done"
                )

    def _entity_rows(
        self, tx: Any, ents: dict[str, Entity], known: dict[str, tuple[Entity, list[str]]]
    ) -> tuple[list[dict], list[dict]]:
        """Entity rows merged with the stored entities (stored name wins; aliases
        and normalised names accumulate); those in ``known`` were read moments
        ago (``_stored_names``), the others are read by id."""
        if not ents:
            return [], []
        stored = {i: known[i] for i in ents if i in known}
        for chunk in self._param_chunks([i for i in ents if i not in known], "bulk"):
            for rec in self._run(
                tx,
                "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.name AS name, e.type AS type, "
                "e.aliases AS aliases, e.country AS country, e.norms AS norms",
                {"ids": list(chunk)},
            ):
                stored[rec["id"]] = (_entity(rec), list(rec["norms"] or []))
        entity_rows, name_rows = [], []
        for eid, ent in ents.items():
            norms: list[str] = []
            old = None
            if eid in stored:
                old, norms = stored[eid]
                ent = old.merged(ent)
            new_norms = [n for n in dict.fromkeys(normalise_name(x) for x in ent.names()) if n not in norms]
            if old is not None and not new_norms and (ent is old or ent == old):
                continue  # stored as it is (most entities of a bulk load): nothing to write
            norms = norms + new_norms
            entity_rows.append(
                {
                    "id": ent.id,
                    "name": ent.name,
                    "type": ent.type.value,
                    "aliases": list(ent.aliases),
                    "country": ent.country,
                    "norms": norms,
                }
            )
            name_rows.extend({"id": ent.id, "norm": n} for n in new_norms)
        return entity_rows, name_rows

    def _relation_rows(
        self, tx: Any, rels: dict[tuple[str, str, str], Relation]
    ) -> tuple[dict[str, list[dict]], list[dict]]:
        """Relation rows by type (stored unsourced attributes win) and new evidence rows.

        Only relations that bring unsourced attributes need the stored ones
        read: for the others the stored value is kept as it is (``attributes``
        null in the row, see ``_relation_segment``), which is what merging
        nothing into it gives."""
        if not rels:
            return {}, []
        stored: dict[str, dict[str, str]] = {}
        wanted = [{"head": h, "type": t, "tail": tl} for (h, t, tl), r in rels.items() if r.unsourced_attributes]
        for chunk in self._param_chunks(wanted, "bulk"):
            for rec in self._run(
                tx,
                "UNWIND $rows AS row MATCH (h:Entity {id: row.head})-[r]->(t:Entity {id: row.tail}) "
                "WHERE type(r) = row.type RETURN r.key AS key, r.attributes AS attributes",
                {"rows": list(chunk)},
            ):
                stored[rec["key"]] = json.loads(rec["attributes"] or "{}")
        by_type: dict[str, list[dict]] = {}
        evidence: dict[str, dict] = {}
        for (head, rtype, tail), rel in rels.items():
            key = relation_key(head, rtype, tail)
            attributes = None  # keep what is stored ('{}' on a new relation)
            if rel.unsourced_attributes:
                attrs = dict(rel.unsourced_attributes)
                attrs.update(stored.get(key, {}))
                attributes = _encode_sorted(attrs)
            by_type.setdefault(rtype, []).append({"head": head, "tail": tail, "key": key, "attributes": attributes})
            for ev in rel.evidence:
                ekey = _hash(key, *ev.key())
                evidence.setdefault(
                    ekey,
                    {
                        "key": ekey,
                        "rel": key,
                        "document_id": ev.document_id,
                        "sentence": ev.sentence,
                        "start": ev.start,
                        "end": ev.end,
                        "method": ev.method,
                        "confidence": float(ev.confidence),
                        "source": ev.source,
                        "attributes": _encode_sorted(dict(ev.attributes)) if ev.attributes else "{}",
                    },
                )
        return by_type, list(evidence.values())

    # -- curation (graph/curation.py) ------------------------------------------------
    def curation_log(self) -> list[CurationEntry]:
        rows = self._read(
            "MATCH (c:Curation) RETURN c.id AS id, c.seq AS seq, " + self._dialect.long_text("c.entry", "entry")
            + " ORDER BY seq, id",
            "reading the curation log",
        )
        rows = self._complete_texts(rows, "entry", "(x:Curation {id: $key})", "entry", "id")
        return [CurationEntry.from_json(r["entry"]) for r in rows]

    def curation_version(self) -> tuple[int, str | None]:
        rows = self._read(
            "MATCH (c:Curation) WITH count(c) AS n, max(c.seq) AS last "
            "MATCH (l:Curation) WHERE l.seq = last RETURN n, l.id AS id",
            "checking the curation log",
        )
        return (int(rows[0]["n"]), rows[0]["id"]) if rows else (0, None)

    def relations_of_document(self, document_id: str) -> list[Relation]:
        keys = [
            r["rel"]
            for r in self._read(
                "MATCH (ev:Evidence {document_id: $id}) RETURN DISTINCT ev.rel AS rel",
                "finding a document's relations",
                id=document_id,
            )
        ]
        rows: list[Any] = []
        for chunk in self._param_chunks(keys, "keys"):
            rows.extend(
                self._read(
                    f"MATCH (h:Entity)-[r:{_types(_ALL_TYPES)}]->(t:Entity) WHERE r.key IN $keys RETURN {_REL_FIELDS}",
                    "reading a document's relations",
                    keys=chunk,
                )
            )
        return sorted(self._relations_from_rows(rows), key=lambda r: r.key)

    def _apply_changes(self, changes: Changes, entries: Sequence[CurationEntry] = ()) -> None:
        """The changes, then the entries, as one unit (``Neo4jDialect.write``):
        on Neo4j one managed transaction, so a decision takes effect whole
        with its log entry or not at all.  FalkorDB runs the statements one
        by one (it keeps no transactions, see graph/bolt_dialect.py): the
        entry is written last, so its log never claims an effect that was not
        made, and ``chipgraph curate reapply`` completes one cut short (every
        effect is idempotent)."""
        rekeyed = sorted(changes.drop_relations | set(changes.put_relations))
        rel_rows = [{"head": h, "type": t, "tail": tl, "key": relation_key(h, t, tl)} for h, t, tl in rekeyed]
        put_ids = sorted(changes.put_entities)
        steps: list[tuple[str, dict[str, Any]]] = []
        for chunk in chunks(rel_rows, self.batch_size):
            steps.append((_DROP_RELATIONS, {"rows": list(chunk)}))
            steps.append((_DROP_EVIDENCE, {"keys": [r["key"] for r in chunk]}))
        for chunk in chunks(put_ids, self.batch_size):
            steps.append((_UNNAME_ENTITIES, {"ids": list(chunk)}))
            steps.append((_RESET_ENTITIES, {"ids": list(chunk)}))
        tail: list[tuple[str, dict[str, Any]]] = []
        for chunk in chunks(sorted(changes.drop_entities), self.batch_size):
            tail.append((_DROP_ENTITIES, {"ids": list(chunk)}))
        for chunk in chunks(sorted(changes.drop_documents), self.batch_size):
            tail.append((_DROP_DOCUMENT_EVIDENCE, {"ids": list(chunk)}))
            tail.append((_DROP_DOCUMENTS, {"ids": list(chunk)}))
        seq = time.time_ns()
        for i, e in enumerate(entries):
            tail.append((_APPEND_CURATION, {"row": {"id": e.id, "seq": seq + i, "entry": e.to_json()}}))
        ents, rels = self._writable((), changes.put_entities.values(), changes.put_relations.values())

        def work(tx: Any) -> None:
            for cypher, params in steps:
                self._run(tx, cypher, params).consume()
            if ents or rels:
                self._write_rows_in(tx, (), ents, rels)
            for cypher, params in tail:
                self._run(tx, cypher, params).consume()

        with self._errors("applying a curation"), self._session() as session:
            self._dialect.write(session, work, [], self._run)

    def clear(self) -> None:
        """Delete every node and relationship of this database (tests, ``copy``
        into a fresh target).  Irreversible."""
        with self._errors("clearing the database"), self._session() as session:
            session.run("MATCH (n) DETACH DELETE n").consume()

    # -- reads: documents and entities ------------------------------------------
    def has_document(self, document_id: str) -> bool:
        return bool(self._read("MATCH (d:Document {id: $id}) RETURN d.id", "checking a document", id=document_id))

    def get_document(self, document_id: str) -> Document | None:
        rows = self._read_documents("MATCH (d:Document {id: $id})", "reading a document", id=document_id)
        rows = self._complete_texts(rows, "text", _DOCUMENT_BY_KEY, "text", "id")
        return _document(rows[0]) if rows else None

    def _read_documents(self, match: str, doing: str, **params: Any) -> list[Any]:
        """The documents ``match`` finds, as ``_doc_return`` gives them.

        FalkorDB 4.16 has been seen, only deep into long test runs, to send
        the first piece of a text (``substring``) with bytes that are not
        UTF-8, twice in a row.  Then the rows are read again without it, and
        each text of a size one record carries is read whole, without
        ``substring``; a longer one is left to ``complete_texts``' pieces."""
        try:
            return self._read(f"{match} {self._doc_return()}", doing, **params)
        except StoreError as exc:
            if not _not_utf8(exc.__cause__ or exc):
                raise
            log.warning("%s: %s; reading the texts again without substring", self.location, exc)
        rows = [dict(r) for r in self._read(
            f"{match} RETURN d.id AS id, d.source AS source, d.title AS title, d.date AS date, "
            "d.language AS language, size(d.text) AS text_size", doing, **params)]
        for r in rows:
            size = r["text_size"]
            if size is not None and size * 4 < _WHOLE_TEXT_BYTES:
                (whole,) = self._read("MATCH (d:Document {id: $id}) RETURN d.text AS text", doing, id=r["id"])
                r["text"] = whole["text"]
            else:
                r["text"] = ""  # complete_texts reads it in pieces
        return rows

    def documents(self) -> Iterator[Document]:
        ids = [
            r["id"]
            for r in self._read(
                "MATCH (d:Document) RETURN d.id AS id, d.seq AS seq ORDER BY seq, id", "listing documents"
            )
        ]
        for chunk in self._param_chunks(ids, "documents"):
            rows = self._read_documents("UNWIND $ids AS id MATCH (d:Document {id: id})", "reading documents", ids=chunk)
            rows = self._complete_texts(rows, "text", _DOCUMENT_BY_KEY, "text", "id")
            by_id = {r["id"]: _document(r) for r in rows}
            yield from (by_id[i] for i in chunk if i in by_id)

    def _doc_return(self) -> str:
        return (
            "RETURN d.id AS id, d.source AS source, d.title AS title, d.date AS date, d.language AS language, "
            + self._dialect.long_text("d.text", "text")
        )

    def _complete_texts(self, rows: list[Any], alias: str, node: str, prop: str, key_alias: str) -> list[Any]:
        """Rows with the whole text under ``alias`` (``Neo4jDialect.complete_texts``)."""
        return self._dialect.complete_texts(rows, alias, node, prop, key_alias, self._read)

    def get_entity(self, entity_id: str) -> Entity | None:
        rows = self._read(f"MATCH (e:Entity {{id: $id}}) {_ENTITY_RETURN}", "reading an entity", id=entity_id)
        return _entity(rows[0]) if rows else None

    def _entities_by_id(self, ids: Iterable[str]) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for chunk in self._param_chunks(sorted(set(ids)), "keys"):
            for r in self._read(
                f"UNWIND $ids AS id MATCH (e:Entity {{id: id}}) {_ENTITY_RETURN}", "reading entities", ids=chunk
            ):
                out[r["id"]] = _entity(r)
        return out

    def entities(self) -> Iterator[Entity]:
        ids = [r["id"] for r in self._read("MATCH (e:Entity) RETURN e.id AS id ORDER BY id", "listing entities")]
        for chunk in self._param_chunks(ids, "keys"):
            by_id = self._entities_by_id(chunk)
            yield from (by_id[i] for i in chunk if i in by_id)

    def entity_ids_of_type(self, type: EntityType) -> list[str]:
        rows = self._read("MATCH (e:Entity {type: $type}) RETURN e.id AS id ORDER BY id", "listing entities by type",
                          type=EntityType(type).value)
        return [r["id"] for r in rows]

    def lookup_many(self, names: Iterable[str]) -> dict[str, list[Entity]]:
        """Stored entities per normalised name, for many names in one query."""
        return self._stored_names(names)[0]

    def _stored_names(
        self, names: Iterable[str]
    ) -> tuple[dict[str, list[Entity]], dict[str, tuple[Entity, list[str]]]]:
        """``lookup_many``, and each entity found with its stored normalised
        names (what ``_entity_rows`` merges with): one row per entity,
        carrying the asked names that led to it (rows packed into records
        where the server needs it: ``Neo4jDialect.read_packed``)."""
        norms = list(dict.fromkeys(map(normalise_name, names)))  # in the order given: see batch_names
        out: dict[str, list[Entity]] = {}
        stored: dict[str, tuple[Entity, list[str]]] = {}
        for chunk in self._param_chunks(norms, "bulk"):
            for r in self._dialect.read_packed(
                self._read,
                "UNWIND $norms AS norm MATCH (:Name {norm: norm})-[:NAMES]->(e:Entity) "
                "WITH e, collect(norm) AS matched",
                _ENTITY_NAMES_ROW,
                _ENTITY_NAMES_WEIGHT,
                "looking up names",
                norms=chunk,
            ):
                ent = _entity(r)
                stored[ent.id] = (ent, list(r["norms"] or []))
                for norm in r["matched"]:
                    out.setdefault(norm, []).append(ent)
        for found in out.values():
            found.sort(key=lambda e: e.id)
        return out, stored

    def lookup(self, name: str) -> list[Entity]:
        rows = self._read(
            f"MATCH (:Name {{norm: $norm}})-[:NAMES]->(e:Entity) RETURN {_ENTITY_FIELDS} ORDER BY id",
            "looking up a name",
            norm=normalise_name(name),
        )
        return [_entity(r) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[Entity]:
        q = normalise_name(query) if query.strip() else ""
        rows = self._read(
            "MATCH (e:Entity) WHERE any(n IN e.norms WHERE n CONTAINS $q) "
            "WITH e, CASE WHEN $q IN e.norms THEN 0 ELSE 1 END AS rank "
            f"RETURN {_ENTITY_FIELDS}, rank ORDER BY rank, size(e.name), e.name LIMIT $limit",
            "searching names",
            q=q,
            limit=int(limit),
        )
        # Re-sort in Python: servers order strings differently from SQLite.
        return [
            _entity(r) for r in sorted(rows, key=lambda r: (r["rank"], len(r["name"]), r["name"]))
        ]

    # -- reads: relations ------------------------------------------------------
    def _evidence_for(self, keys: Iterable[str]) -> dict[str, list[Evidence]]:
        out: dict[str, list[Evidence]] = {}
        for chunk in self._param_chunks(sorted(set(keys)), "sentences"):
            rows = self._read(
                "UNWIND $keys AS k MATCH (ev:Evidence {rel: k}) RETURN ev.key AS key, ev.rel AS rel, "
                "ev.document_id AS document_id, ev.start_offset AS start, ev.end_offset AS end, "
                "ev.method AS method, ev.confidence AS confidence, ev.source AS source, "
                "ev.attributes AS attributes, "
                + self._dialect.long_text("ev.sentence", "sentence"),
                "reading evidence",
                keys=chunk,
            )
            for r in self._complete_texts(rows, "sentence", _EVIDENCE_BY_KEY, "sentence", "key"):
                out.setdefault(r["rel"], []).append(
                    Evidence(
                        document_id=r["document_id"],
                        sentence=r["sentence"],
                        start=int(r["start"]),
                        end=int(r["end"]),
                        method=r["method"],
                        confidence=float(r["confidence"]),
                        source=r["source"],
                        attributes=json.loads(r["attributes"] or "{}"),
                    )
                )
        return out

    def _relations_from_rows(self, rows: Iterable[Any]) -> list[Relation]:
        """Relations (with evidence) from rows of head, type, tail, key, attributes."""
        unique: dict[str, Any] = {}
        for r in rows:
            unique.setdefault(r["key"], r)
        evidence = self._evidence_for(unique)
        return [
            Relation(
                r["head"],
                RelationType(r["type"]),
                r["tail"],
                sorted_evidence(evidence.get(key, ())),
                unsourced_attributes=json.loads(r["attributes"] or "{}"),
            )
            for key, r in unique.items()
        ]

    def relations(self, entity_id: str | None = None) -> Iterator[Relation]:
        if entity_id is not None:
            rows = self._read(
                f"MATCH (e:Entity {{id: $id}})-[r:{_types(_ALL_TYPES)}]-(:Entity) RETURN {_REL_FIELDS}",
                "reading relations",
                id=entity_id,
            )
            yield from sorted(self._relations_from_rows(rows), key=lambda r: r.key)
            return
        # Page by head entity so that neither side holds the whole graph.
        heads = [r["id"] for r in self._read("MATCH (e:Entity) RETURN e.id AS id ORDER BY id", "listing entities")]
        for chunk in self._param_chunks(heads, "heads"):
            rows = self._read(
                f"UNWIND $ids AS id MATCH (h:Entity {{id: id}})-[r:{_types(_ALL_TYPES)}]->(:Entity) "
                f"RETURN {_REL_FIELDS}",
                "reading relations",
                ids=chunk,
            )
            yield from sorted(self._relations_from_rows(rows), key=lambda r: r.key)

    def counts(self) -> dict[str, int]:
        def one(cypher: str) -> int:
            return int(self._read(cypher, "counting")[0]["n"])

        return {
            "documents": one("MATCH (d:Document) RETURN count(d) AS n"),
            "entities": one("MATCH (e:Entity) RETURN count(e) AS n"),
            "relations": one(f"MATCH (:Entity)-[r:{_types(_ALL_TYPES)}]->(:Entity) RETURN count(r) AS n"),
            "evidence": one("MATCH (ev:Evidence) RETURN count(ev) AS n"),
        }

    # -- graph queries ---------------------------------------------------------
    def paths(self, query: PathQuery) -> list[OwnershipPath]:
        """Simple paths, shortest first, found by the server one length at a time.

        Each length is one bounded variable-length MATCH with the path bound
        to ``p`` (FalkorDB may collapse distinct paths of an unbound pattern),
        filtered to simple paths whose inner entities are not LISTs.  Like the
        SQLite store, lengths are tried in increasing order until ``limit``
        paths are found, with at most ``limit * 50`` paths per search.
        """
        if query.source == query.target:
            return []
        ends = self._read(
            "MATCH (e:Entity) WHERE e.id IN [$s, $t] RETURN e.id AS id", "finding path ends", s=query.source,
            t=query.target,
        )
        if len(ends) < 2:
            return []
        arrow = "->" if query.direction == "out" else "-"
        types = _types(query.type_names)
        budget = query.limit * _PATH_BUDGET_FACTOR
        lapsed, designations = ([], []) if query.include_removed else self._lapsed_keys()
        raw: list[tuple[list[str], list[list[Any]]]] = []
        for length in range(1, query.max_hops + 1):
            # `length` is an int this method computed; `types` come from the enum.
            rows = self._read(
                f"MATCH (s:Entity {{id: $source}}), (t:Entity {{id: $target}}) "
                f"MATCH p = (s)-[:{types}*{length}..{length}]{arrow}(t) "
                # Written for both servers: FalkorDB 4.16 evaluates an indexed
                # predicate such as all(i IN range(..) WHERE ids[i] ...) wrongly
                # inside WHERE (it works in a projection), so the checks are
                # projected to lists first and the WHERE only tests membership.
                f"WITH p, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p)[1..{length}] | n.type] AS inner "
                f"WITH p, ids, inner, [i IN range(0, {length - 1}) | ids[i] IN ids[i + 1..]] AS repeats, "
                "[r IN relationships(p) | r.key IN $lapsed OR (type(r) = $designated AND r.key IN $designations)] AS removed "
                "WHERE NOT $list IN inner AND NOT true IN repeats AND NOT true IN removed "
                "RETURN ids, [r IN relationships(p) | [startNode(r).id, type(r), endNode(r).id]] AS hops "
                "LIMIT $budget",
                "searching paths",
                source=query.source,
                target=query.target,
                list=_LIST,
                lapsed=lapsed,
                designated=RelationType.DESIGNATED.value,
                designations=designations,
                budget=budget - len(raw),
            )
            raw.extend((list(r["ids"]), [list(h) for h in r["hops"]]) for r in rows)
            if len(raw) >= query.limit or len(raw) >= budget:
                break
        return rank_paths(self._hydrate(raw), query.limit)

    def _lapsed_keys(self) -> tuple[list[str], list[str]]:
        """Keys of the relations a newer list edition removed, which paths
        leave out: those lapsed whatever their type, and those lapsed if they
        are designations (an article's statement keeps any other fact, see
        graph/lists/status.py).  Few: found through the Evidence.method
        index and decided on their evidence, without reading the relations."""
        rows = self._read(
            "MATCH (ev:Evidence {method: $method}) WHERE ev.attributes CONTAINS $mark RETURN DISTINCT ev.rel AS rel",
            "finding removed listings",
            method=LIST_METHOD,
            mark=REMOVAL_MARK,
        )
        lapsed: list[str] = []
        designations: list[str] = []
        for key, evidence in sorted(self._evidence_for(r["rel"] for r in rows).items()):
            kind = lapse(evidence)
            if kind == "any":
                lapsed.append(key)
            elif kind == "designation":
                designations.append(key)
        return lapsed, designations

    def _hydrate(self, raw: list[tuple[list[str], list[list[Any]]]]) -> list[OwnershipPath]:
        keys = {tuple(h) for _, hops in raw for h in hops}
        if not keys:
            return []
        relations = self.relations_by_key(keys)  # type: ignore[arg-type]
        ents = self._entities_by_id(i for ids, _ in raw for i in ids)
        out = []
        for ids, hops in raw:
            path_hops = [
                Hop(relations[(h, t, tl)], forward=(h == ids[i])) for i, (h, t, tl) in enumerate(hops)
            ]
            out.append(OwnershipPath(tuple(ents[i] for i in ids), tuple(path_hops)))
        return out

    def relations_by_key(self, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], Relation]:
        rows: list[Any] = []
        wanted = [{"head": h, "type": t, "tail": tl} for h, t, tl in sorted(set(keys))]
        for chunk in self._param_chunks(wanted, "keys"):
            rows.extend(
                self._read(
                    "UNWIND $rows AS row MATCH (h:Entity {id: row.head})-[r]->(t:Entity {id: row.tail}) "
                    f"WHERE type(r) = row.type RETURN {_REL_FIELDS}",
                    "reading path relations",
                    rows=chunk,
                )
            )
        return {r.key: r for r in self._relations_from_rows(rows)}

    def degrees(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> dict[str, int]:
        """One count per entity, in the server (a hub's links are never sent)."""
        id_list = sorted(set(ids))
        out = {i: 0 for i in id_list}
        pattern = _walk_pattern(types, walk)
        for chunk in self._param_chunks(id_list, "degrees"):
            for r in self._read(
                f"UNWIND $ids AS id MATCH (a:Entity {{id: id}}) OPTIONAL MATCH {pattern} "
                "RETURN id, count(r) AS degree",
                "counting relations",
                ids=chunk,
            ):
                out[r["id"]] = int(r["degree"])
        return out

    def links(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> list[Link]:
        pattern = _walk_pattern(types, walk)
        found: dict[tuple[str, str, str], Link] = {}
        for chunk in self._param_chunks(sorted(set(ids)), "links"):
            for r in self._read(
                f"UNWIND $ids AS id MATCH (a:Entity {{id: id}}) MATCH {pattern} "
                "RETURN startNode(r).id AS head, type(r) AS type, endNode(r).id AS tail, "
                "startNode(r).type AS head_type, endNode(r).type AS tail_type",
                "reading links",
                ids=chunk,
            ):
                link = Link(
                    r["head"], RelationType(r["type"]), r["tail"], r["head_type"] == _LIST, r["tail_type"] == _LIST
                )
                found.setdefault(link.key, link)
        return [found[k] for k in sorted(found)]

    def document_infos(self, ids: Iterable[str]) -> dict[str, DocumentInfo]:
        out: dict[str, DocumentInfo] = {}
        for chunk in self._param_chunks(sorted(set(ids)), "titles"):
            for r in self._read(
                "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.source AS source, "
                "d.title AS title, d.date AS date, d.language AS language",
                "reading document titles",
                ids=chunk,
            ):
                out[r["id"]] = DocumentInfo(r["id"], r["source"], r["title"], r["date"], r["language"])
        return out

    def subgraph(self, entity_id: str, depth: int = 1, max_nodes: int | None = None) -> Subgraph:
        """Breadth-first, one query per level, new entities in id order;
        lists and ``military`` are shown but not expanded (one list links
        hundreds of unrelated companies); ``max_nodes`` stops the walk."""
        center = self.get_entity(entity_id)
        if center is None:
            return Subgraph(entity_id, depth, (), ())
        seen = {entity_id: 0}
        frontier = [entity_id]
        cut = False
        for level in range(1, depth + 1):
            if not frontier or cut:
                break
            rows = self._read(
                f"UNWIND $ids AS id MATCH (a:Entity {{id: id}})-[:{_types(_ALL_TYPES)}]-(b:Entity) "
                "RETURN DISTINCT b.id AS id, b.type AS type",
                "expanding a neighbourhood",
                ids=frontier,
            )
            frontier = []
            for r in sorted(rows, key=lambda r: r["id"]):
                if r["id"] not in seen:
                    if max_nodes is not None and len(seen) >= max_nodes:
                        cut = True
                        break
                    seen[r["id"]] = level
                    if r["type"] != _LIST:
                        frontier.append(r["id"])
        ids = sorted(seen)
        rows: list[Any] = []
        for chunk in self._param_chunks(ids, "keys"):
            rows.extend(
                r
                for r in self._read(
                    f"UNWIND $ids AS id MATCH (h:Entity {{id: id}})-[r:{_types(_ALL_TYPES)}]->(t:Entity) "
                    f"RETURN {_REL_FIELDS}",
                    "reading a neighbourhood",
                    ids=chunk,
                )
                if r["tail"] in seen
            )
        relations = sorted(self._relations_from_rows(rows), key=lambda r: r.key)
        ents = self._entities_by_id(ids)
        ordered = sorted(ents.values(), key=lambda e: (seen[e.id], e.name.casefold()))
        return Subgraph(entity_id, depth, tuple(ordered), tuple(relations), truncated=cut)

    def close(self) -> None:
        """Forget the store; the shared driver stays open for the process (see
        ``_driver``) and is closed at exit."""
        self._closed = True


# ---------------------------------------------------------------------------
# Cypher text
# ---------------------------------------------------------------------------
_ENTITY_FIELDS = "e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, e.country AS country"
_ENTITY_RETURN = f"RETURN {_ENTITY_FIELDS}"
#: An entity found by its names, as ``_stored_names`` reads it, and what it
#: weighs in characters (``Neo4jDialect.read_packed``).
_ENTITY_NAMES_ROW = {
    "matched": "matched", "id": "e.id", "name": "e.name", "type": "e.type", "aliases": "e.aliases",
    "country": "e.country", "norms": "e.norms",
}
_ENTITY_NAMES_WEIGHT = (
    "size(e.id) + size(e.name) + size(coalesce(e.country, '')) + "
    "reduce(n = 0, x IN matched + coalesce(e.aliases, []) + coalesce(e.norms, []) | n + size(x) + 4)"
)
_DOCUMENT_BY_KEY = "(x:Document {id: $key})"
_EVIDENCE_BY_KEY = "(x:Evidence {key: $key})"
_REL_FIELDS = (
    "startNode(r).id AS head, type(r) AS type, endNode(r).id AS tail, r.key AS key, r.attributes AS attributes"
)


# Curation (graph/curation.py): ``(:Curation {id, seq, entry})`` holds one log
# entry as JSON; ``seq`` keeps the log's order.
_DROP_RELATIONS = (
    "UNWIND $rows AS row MATCH (h:Entity {id: row.head})-[r]->(t:Entity {id: row.tail}) "
    "WHERE type(r) = row.type DELETE r"
)
_DROP_EVIDENCE = "UNWIND $keys AS k MATCH (ev:Evidence {rel: k}) DELETE ev"
_UNNAME_ENTITIES = "UNWIND $ids AS id MATCH (:Name)-[x:NAMES]->(e:Entity {id: id}) DELETE x"
_RESET_ENTITIES = "UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.aliases = [], e.norms = []"
_DROP_ENTITIES = "UNWIND $ids AS id MATCH (e:Entity {id: id}) DETACH DELETE e"
_DROP_DOCUMENT_EVIDENCE = "UNWIND $ids AS id MATCH (ev:Evidence {document_id: id}) DELETE ev"
_DROP_DOCUMENTS = "UNWIND $ids AS id MATCH (d:Document {id: id}) DETACH DELETE d"
_APPEND_CURATION = "MERGE (c:Curation {id: $row.id}) ON CREATE SET c.seq = $row.seq, c.entry = $row.entry"


def _walk_pattern(types: Sequence[RelationType], walk: Walk) -> str:
    """``(a)-[r:OWNED_BY|PART_OF]->(b:Entity)`` for a walk: the arrow is one of
    three fixed strings and the types come from the enum whitelist."""
    left, right = {"out": ("-", "->"), "in": ("<-", "-"), "both": ("-", "-")}[walk]
    return f"(a){left}[r:{_types(t.value if isinstance(t, RelationType) else t for t in types)}]{right}(b:Entity)"


def _types(names: Iterable[str]) -> str:
    """``OWNED_BY|SUPPLIED``: relationship types for a pattern, checked against
    the RelationType whitelist so nothing else can reach the Cypher text."""
    out = [RelationType(n).value for n in names]
    return "|".join(out)


_ENTITY_SEGMENT = (
    "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) "
    "SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.country = row.country, "
    "e.norms = row.norms"
)
_NAME_SEGMENT = (
    "UNWIND $rows AS row MATCH (e:Entity {id: row.id}) MERGE (n:Name {norm: row.norm}) MERGE (n)-[:NAMES]->(e)"
)
_EVIDENCE_SEGMENT = (
    "UNWIND $rows AS row MERGE (ev:Evidence {key: row.key}) "
    "ON CREATE SET ev.rel = row.rel, ev.document_id = row.document_id, ev.sentence = row.sentence, "
    "ev.start_offset = row.start, ev.end_offset = row.end, ev.method = row.method, "
    "ev.confidence = row.confidence, ev.source = row.source, ev.attributes = row.attributes"
)
def _relation_segment(rtype: str) -> str:
    name = RelationType(rtype).value  # whitelist: the enum's own names only
    return (
        "UNWIND $rows AS row MATCH (h:Entity {id: row.head}) MATCH (t:Entity {id: row.tail}) "
        f"MERGE (h)-[r:{name}]->(t) SET r.key = row.key, r.attributes = coalesce(row.attributes, r.attributes, '{{}}')"
    )


def _write_segments(
    entity_rows: list[dict],
    name_rows: list[dict],
    rel_rows: dict[str, list[dict]],
    evidence_rows: list[dict],
    documents: Sequence[Document],
) -> list[tuple[str, list[dict]]]:
    """(statement, rows) pairs in write order, Document rows last.

    Joined into one statement (FalkorDB, small writes) the segments are
    linked by ``WITH max(written) + count(*) AS written`` (see ``FalkorDBDialect.plan``).
    Only segments with rows are made, so each UNWIND has something to do.
    """
    segments: list[tuple[str, list[dict]]] = []
    if entity_rows:
        segments.append((_ENTITY_SEGMENT, entity_rows))
    if name_rows:
        segments.append((_NAME_SEGMENT, name_rows))
    for rtype in sorted(rel_rows):
        segments.append((_relation_segment(rtype), rel_rows[rtype]))
    if evidence_rows:
        segments.append((_EVIDENCE_SEGMENT, evidence_rows))
    if documents:
        seq = time.time_ns()
        rows = [
            {
                "id": d.id,
                "source": d.source,
                "text": d.text,
                "title": d.title,
                "date": d.date,
                "language": d.language,
                "seq": seq + i,
            }
            for i, d in enumerate(documents)
        ]
        segments.append((_DOCUMENT_SEGMENT, rows))
    return segments


# ---------------------------------------------------------------------------
# Rows to model
# ---------------------------------------------------------------------------
def _entity(r: Any) -> Entity:
    return Entity(r["id"], r["name"], EntityType(r["type"]), tuple(r["aliases"] or ()), r["country"])


def _document(r: Any) -> Document:
    return Document(r["id"], r["source"], r["text"], r["title"], r["date"], r["language"])

