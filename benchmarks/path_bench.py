"""Path queries on the SQLite store's graph index, at a million relations.

    python benchmarks/path_bench.py --entities 100000          # 1M relations
    python benchmarks/path_bench.py --entities 5000 --queries 200

The graph is store_bench.py's synthetic supply chain (same seed, same
relations), written into SQLite in bulk with plain INSERTs in one transaction
(ingesting 100,000 articles through ``add_many`` takes minutes and measures
the write path, which ``--ingest-articles`` measures on its own).  Printed:

- the index's first build from SQLite, and its file's size;
- cold ``chipgraph path A B`` (a new process: import, open, map the index,
  search, print), wall time and peak RSS;
- warm path queries in-process and through the API (in-process ASGI, and
  `chipgraph serve` over loopback), p50/p99;
- a fresh process's memory for the graph (RSS before opening the store and
  after its queries) and the search alone;
- a query right after another process wrote an article (the delta), and a
  merge of the delta into a new file (compaction);
- ``add_many`` with and without the graph-log triggers (the write path);
- anchors on the same graph and pairs, each in a fresh process: the
  networkx search the store used before (tests/graph/nx_reference.py, same
  answers), and all simple paths of at most ``--max-hops`` edges in
  rustworkx and igraph (no type filter, no LIST rule: a comparable search,
  not the same one) when they are installed.
Nothing here is asserted; figures go in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import store_bench  # noqa: E402  (the synthetic graph and its connected pairs)

from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType, normalise_name  # noqa: E402
from chipgraph.graph.paths import PathQuery  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    return store_bench.percentile(values, q)


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def bulk_write(path: Path, articles: list[Extraction]) -> float:
    """The articles' rows written with executemany in one transaction (what
    SQLiteStore._write would store, without its per-row lookups)."""
    from chipgraph.graph.sqlite_store import SQLiteStore

    SQLiteStore(path).close()  # the schema, triggers included
    t0 = time.perf_counter()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")
    entities: dict[str, Entity] = {}
    for x in articles:
        for e in x.entities:
            entities.setdefault(e.id, e)
    db.executemany(
        "INSERT INTO entities (id, name, type, aliases, country) VALUES (?,?,?,?,?)",
        ((e.id, e.name, e.type.value, json.dumps(list(e.aliases)), e.country) for e in entities.values()),
    )
    db.executemany(
        "INSERT OR IGNORE INTO entity_names (entity_id, norm) VALUES (?,?)",
        ((e.id, normalise_name(n)) for e in entities.values() for n in e.names()),
    )
    rid = 0
    rel_rows, ev_rows = [], []
    for x in articles:
        for r in x.relations:
            rid += 1
            rel_rows.append((rid, *r.key))
            ev_rows += [(rid, e.document_id, e.start, e.end, e.method, e.sentence, e.confidence) for e in r.evidence]
    db.executemany("INSERT INTO relations (id, head, type, tail) VALUES (?,?,?,?)", rel_rows)
    db.executemany(
        "INSERT INTO documents (id, source, title, date, language, text) VALUES (?,?,?,?,?,?)",
        ((d.id, d.source, d.title, d.date, d.language, d.text) for d in (x.document for x in articles)),
    )
    db.executemany(
        "INSERT INTO evidence (relation_id, document_id, start, end, method, sentence, confidence) VALUES (?,?,?,?,?,?,?)",
        ev_rows,
    )
    db.execute("COMMIT")
    db.close()
    return time.perf_counter() - t0


def timed_queries(run, pairs: list[tuple[str, str]]) -> tuple[float, float, int]:
    times, found = [], 0
    for s, t in pairs:
        t0 = time.perf_counter()
        found += bool(run(s, t))
        times.append(time.perf_counter() - t0)
    return percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000, found


# -- engines, each run in a fresh process (--engine) -----------------------------------
def engine_index(store_path: Path, pairs: list[tuple[str, str]], hops: int) -> dict:
    """The store as shipped: open, first query (maps the index), then warm."""
    import numpy as np

    from chipgraph.graph.graph_index import TYPE_CODES
    from chipgraph.graph.path_search import find_paths
    from chipgraph.graph.sqlite_store import SQLiteStore

    before = rss_mb()
    t0 = time.perf_counter()
    store = SQLiteStore(store_path, create=False)
    store.paths(PathQuery(*pairs[0], max_hops=hops))
    first = time.perf_counter() - t0
    p50, p99, found = timed_queries(lambda s, t: store.paths(PathQuery(s, t, max_hops=hops)), pairs)
    cpu = []
    for s, t in pairs:
        c0 = time.process_time()
        store.paths(PathQuery(s, t, max_hops=hops))
        cpu.append(time.process_time() - c0)
    index = store._graph()
    codes = [TYPE_CODES[t] for t in PathQuery("a", "b").type_names]
    nodes = [(index.node_of(s), index.node_of(t)) for s, t in pairs]
    times = []
    for s, t in nodes:
        t0 = time.perf_counter()
        find_paths(index, s, t, codes, False, hops, 10)
        times.append(time.perf_counter() - t0)
    del np
    return {"engine": "index (CSR + numpy)", "build_s": first, "rss_mb": rss_mb() - before, "p50_ms": p50,
            "p99_ms": p99, "found": found, "search_p50_ms": percentile(times, 0.5) * 1000,
            "search_p99_ms": percentile(times, 0.99) * 1000, "stats": index.stats,
            "cpu_p50_ms": percentile(cpu, 0.5) * 1000, "cpu_p99_ms": percentile(cpu, 0.99) * 1000}


def engine_networkx(store_path: Path, pairs: list[tuple[str, str]], hops: int) -> dict:
    """The search the store ran before the index (same answers)."""
    spec = importlib.util.spec_from_file_location("nx_reference", ROOT / "tests" / "graph" / "nx_reference.py")
    ref = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(ref)
    from chipgraph.graph.sqlite_store import SQLiteStore

    store = SQLiteStore(store_path, create=False)
    before = rss_mb()
    t0 = time.perf_counter()
    g = ref.adjacency(store)
    build = time.perf_counter() - t0
    mem = rss_mb() - before
    p50, p99, found = timed_queries(lambda s, t: ref.nx_paths(store, PathQuery(s, t, max_hops=hops), g), pairs)
    return {"engine": "networkx (before)", "build_s": build, "rss_mb": mem, "p50_ms": p50, "p99_ms": p99, "found": found}


def _int_graph(store_path: Path, pairs: list[tuple[str, str]]):
    from chipgraph.graph.sqlite_store import SQLiteStore

    store = SQLiteStore(store_path, create=False)
    index = store._graph()
    rows = index.out.base_rows()
    nodes = [(index.node_of(s), index.node_of(t)) for s, t in pairs]
    return index.size, rows[:, 1], rows[:, 3], nodes


def engine_rustworkx(store_path: Path, pairs: list[tuple[str, str]], hops: int) -> dict:
    import rustworkx as rx

    n, src, dst, nodes = _int_graph(store_path, pairs)
    before = rss_mb()
    t0 = time.perf_counter()
    g = rx.PyDiGraph(multigraph=True)
    g.add_nodes_from(range(n))
    g.add_edges_from_no_data(list(zip(src.tolist(), dst.tolist())))
    build = time.perf_counter() - t0
    mem = rss_mb() - before
    times, found = [], 0
    for s, t in nodes:
        t0 = time.perf_counter()
        found += bool(rx.digraph_all_simple_paths(g, s, t, cutoff=hops + 1))
        times.append(time.perf_counter() - t0)
    return {"engine": f"rustworkx {rx.__version__}", "build_s": build, "rss_mb": mem,
            "p50_ms": percentile(times, 0.5) * 1000, "p99_ms": percentile(times, 0.99) * 1000, "found": found}


def engine_igraph(store_path: Path, pairs: list[tuple[str, str]], hops: int) -> dict:
    import igraph

    n, src, dst, nodes = _int_graph(store_path, pairs)
    before = rss_mb()
    t0 = time.perf_counter()
    g = igraph.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist())), directed=True)
    build = time.perf_counter() - t0
    mem = rss_mb() - before
    times, found = [], 0
    for s, t in nodes:
        t0 = time.perf_counter()
        found += bool(g.get_all_simple_paths(s, to=t, maxlen=hops))
        times.append(time.perf_counter() - t0)
    return {"engine": f"igraph {igraph.__version__}", "build_s": build, "rss_mb": mem,
            "p50_ms": percentile(times, 0.5) * 1000, "p99_ms": percentile(times, 0.99) * 1000, "found": found}


ENGINES = {"index": engine_index, "networkx": engine_networkx, "rustworkx": engine_rustworkx, "igraph": engine_igraph}


def run_engine(name: str, store_path: Path, pairs_file: Path, hops: int) -> dict | None:
    """An engine in a fresh process (its memory is its own); None when its
    library is not installed."""
    proc = subprocess.run(
        [sys.executable, __file__, "--engine", name, "--store", str(store_path), "--pairs", str(pairs_file),
         "--max-hops", str(hops)],
        capture_output=True, text=True,
    )
    if proc.returncode == 3:
        return None
    if proc.returncode:
        raise RuntimeError(f"engine {name} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- the measurements -------------------------------------------------------------
#: runs a command and prints its wall seconds and peak RSS (MB): a small
#: process of its own, so the benchmark's memory is not counted in the child's
TIMER = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - t0, use.ru_maxrss / 1024, use.ru_utime + use.ru_stime)
"""


def compile_bytecode() -> None:
    """Write chipgraph's bytecode caches before timing a new process.

    A wheel install compiles them at install time and an editable one on its
    first run, unless PYTHONDONTWRITEBYTECODE is set (as on the CI machines):
    then every new process compiles every module again, about 70 ms of CPU
    that no user's second run pays."""
    import compileall

    for package in ("chipgraph.api", "chipgraph.graph", "chipgraph.ingest"):
        spec = importlib.util.find_spec(package)
        for folder in spec.submodule_search_locations or ():
            compileall.compile_dir(folder, quiet=1)


def cold_figures(store_path: Path, pairs: list[tuple[str, str]], runs: int) -> None:
    """Print cold `chipgraph path A B` and the start-up floor, each a median of ``runs`` new processes."""
    compile_bytecode()
    wall, peak, cpu = cold_cli(store_path, ["path", *pairs[1]], runs)
    floor, floor_peak, floor_cpu = cold_cli(store_path, ["--version"], runs)
    print(f"cold `chipgraph path A B` (new process, median of {runs}): {wall:.2f}s wall, {cpu:.2f}s CPU, "
          f"peak RSS {peak:.0f} MB; `chipgraph --version` (start-up alone): {floor:.2f}s wall, {floor_cpu:.2f}s CPU, "
          f"{floor_peak:.0f} MB; load average {os.getloadavg()[0]:.2f}", flush=True)


def cold_cli(store_path: Path, args: list[str], runs: int) -> tuple[float, float, float]:
    """Median wall and CPU seconds of `chipgraph ARGS` in a new process, and its peak RSS."""
    exe = Path(sys.executable).with_name("chipgraph")
    env = dict(os.environ, CHIPGRAPH_STORE=str(store_path))
    times, peaks, cpu = [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", TIMER, str(exe), *args], env=env, check=True,
                             capture_output=True, text=True).stdout.split()
        times.append(float(out[0]))
        peaks.append(float(out[1]))
        cpu.append(float(out[2]))
    return statistics.median(times), max(peaks), statistics.median(cpu)


async def _asgi_get(app: object, path: str, query: bytes, host: bytes = b"localhost") -> int:
    """One GET through the ASGI app as a server hands it over (scope, receive,
    send), with no client library in between: the app's own cost.  Its status."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
             "headers": [(b"host", host)], "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80)}
    status: list[int] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    await app(scope, receive, send)  # type: ignore[operator]
    return status[0]


def api_queries(store_path: Path, pairs: list[tuple[str, str]], hops: int) -> dict[str, tuple[float, float]]:
    """p50/p99 ms of GET /paths in-process: each request handed to the ASGI
    app as a server hands it over (its middleware, routing, validation and
    JSON; no socket, no client library), and of a route that answers 404 (the
    same stack without a query).  Earlier versions measured through httpx's
    ASGI transport, which alone cost about 0.5 ms a request."""
    import asyncio
    from urllib.parse import urlencode

    from chipgraph.api.app import create_app
    from chipgraph.api.security import SecurityConfig
    from chipgraph.graph.sqlite_store import SQLiteStore

    store = SQLiteStore(store_path, create=False)
    app = create_app(store, security=SecurityConfig())
    out: dict[str, tuple[float, float]] = {}

    async def run() -> None:
        queries = [urlencode({"source": s, "target": t, "max_hops": hops}).encode() for s, t in pairs]
        for route, status in (("/paths", 200), ("/no-such-route", 404)):
            for query in queries:  # warm: one untimed pass, so the file's pages are in memory
                await _asgi_get(app, route, query)
            times, cpu = [], []
            for query in queries:
                t0, c0 = time.perf_counter(), time.process_time()
                got = await _asgi_get(app, route, query)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
                assert got == status, (route, got)
            out[route] = (percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000)
            out[route + " cpu"] = (percentile(cpu, 0.5) * 1000, percentile(cpu, 0.99) * 1000)

    asyncio.run(run())
    store.close()
    return out


class KeepAliveClient:
    """A minimal HTTP/1.1 client on one kept-alive loopback socket: what a load
    tool such as wrk does, so the figure is the server's, not a client
    library's (httpx's own work was about 0.5 ms of every request)."""

    def __init__(self, port: int) -> None:
        import socket

        self.host = f"127.0.0.1:{port}"
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb")

    def get(self, target: str) -> tuple[int, bytes]:
        """(status, body) of GET ``target`` (a path with its query string)."""
        self.sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        status = int(self.reader.readline().split()[1])
        length = 0
        while (line := self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, self.reader.read(length)

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


def served_queries(store_path: Path, pairs: list[tuple[str, str]], hops: int) -> dict[str, tuple[float, float]]:
    """p50/p99 ms of GET /paths and of a 404 through a real server: `chipgraph
    serve` in its own process (uvicorn with httptools and uvloop) over
    loopback, one kept-alive connection (HTTP parsing and the socket
    included, no client library)."""
    import socket
    from urllib.parse import urlencode

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("chipgraph")
    server = subprocess.Popen([str(exe), "--store", str(store_path), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    out: dict[str, tuple[float, float]] = {}
    client = None
    try:
        for _ in range(300):
            try:
                client = KeepAliveClient(port)
                client.get("/healthz")
                break
            except OSError:
                time.sleep(0.1)
        assert client is not None, "chipgraph serve did not answer"
        queries = [urlencode({"source": s, "target": t, "max_hops": hops}) for s, t in pairs]
        for route, status in (("/paths", 200), ("/no-such-route", 404)):
            for query in queries:  # warm: one untimed pass, so the file's pages are in memory
                client.get(f"{route}?{query}")
            times = []
            for query in queries:
                t0 = time.perf_counter()
                got, _ = client.get(f"{route}?{query}")
                times.append(time.perf_counter() - t0)
                assert got == status, (route, got)
            out[route] = (percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000)
    finally:
        if client is not None:
            client.close()
        server.terminate()
        server.wait(30)
    return out


#: path questions from the one GET /paths answers on the event loop (the first) to the largest
QUESTION_SIZES = ({"max_hops": 4}, {"max_hops": 6}, {"max_hops": 8}, {"max_hops": 6, "direction": "both"},
                  {"max_hops": 8, "direction": "both", "limit": 100})


def question_sizes(store_path: Path, pairs: list[tuple[str, str]]) -> list[tuple[dict, float, float]]:
    """Median and max ms of the library's whole /paths answer (graph/path_answer.py)
    for each of QUESTION_SIZES on ``pairs``: what answering on the loop would block it for."""
    from chipgraph.graph.path_answer import answer_paths
    from chipgraph.graph.sqlite_store import SQLiteStore

    store = SQLiteStore(store_path, create=False)
    answer_paths(store, *pairs[0])
    out = []
    for options in QUESTION_SIZES:
        times = []
        for s, t in pairs:
            t0 = time.perf_counter()
            answer_paths(store, s, t, **options).to_dict()
            times.append(time.perf_counter() - t0)
        out.append((options, statistics.median(times) * 1000, max(times) * 1000))
    store.close()
    return out


def api_figures(store_path: Path, pairs: list[tuple[str, str]], queries: int, hops: int) -> None:
    """GET /paths in-process (the issue's figure) and through `chipgraph serve`
    (for context), and what each size of path question costs the library."""
    api = api_queries(store_path, pairs[:queries], hops)
    (p50, p99), (f50, f99) = api["/paths"], api["/no-such-route"]
    cpu50, cpu99 = api["/paths cpu"]
    print(f"API GET /paths warm (ASGI in-process, requests handed to the app as a server does, {queries} queries): "
          f"p50 {p50:.2f} ms, p99 {p99:.2f} ms (CPU time p50 {cpu50:.2f} ms, p99 {cpu99:.2f} ms); a 404 through the "
          f"same stack: p50 {f50:.2f} ms, p99 {f99:.2f} ms", flush=True)
    api = served_queries(store_path, pairs[:queries], hops)
    (p50, p99), (f50, f99) = api["/paths"], api["/no-such-route"]
    print(f"API GET /paths warm (`chipgraph serve` over loopback, one kept-alive connection, {queries} queries): "
          f"p50 {p50:.2f} ms, p99 {p99:.2f} ms; a 404 the same way: p50 {f50:.2f} ms, p99 {f99:.2f} ms", flush=True)
    sizes = question_sizes(store_path, pairs[:20])
    print("the library's /paths answer by question size (20 pairs each; only the first is answered on the "
          "event loop): " + "; ".join(f"{' '.join(f'{k}={v}' for k, v in o.items())}: median {m:.1f} ms, max {x:.1f} ms"
                                      for o, m, x in sizes), flush=True)


WRITER = """
import sys
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
a, b = Entity.create(sys.argv[2], EntityType.ORG), Entity.create(sys.argv[3], EntityType.ORG)
text = f"{a.name} supplied {b.name} with wafers."
doc = Document.from_text(text, "https://writer.example/" + sys.argv[2])
rel = Relation(a.id, RelationType.SUPPLIED, b.id, (Evidence(doc.id, text, 0, len(text), "rule:bench", 0.9),))
SQLiteStore(sys.argv[1]).add(Extraction(doc, (a, b), (rel,)))
"""


def after_write(store_path: Path, pairs: list[tuple[str, str]], hops: int, runs: int) -> tuple[float, float, int]:
    """Another process adds an article; the reader's next query (delta read
    included): median and max ms, and full builds seen (should be 0)."""
    from chipgraph.graph.sqlite_store import SQLiteStore

    store = SQLiteStore(store_path, create=False)
    store.paths(PathQuery(*pairs[0], max_hops=hops))
    builds = store._index.stats["builds"]
    times = []
    for k in range(runs):
        target = store.get_entity(pairs[k][1])
        assert target is not None
        newcomer = f"Newcomer Fab {k} {time.time_ns()}"
        subprocess.run([sys.executable, "-c", WRITER, str(store_path), newcomer, target.name], check=True)
        t0 = time.perf_counter()
        found = store.paths(PathQuery(Entity.create(newcomer, EntityType.ORG).id, target.id, max_hops=hops))
        times.append(time.perf_counter() - t0)
        assert found, "the reader did not see the new relation"
    rebuilt = store._index.stats["builds"] - builds
    store.close()
    return statistics.median(times) * 1000, max(times) * 1000, rebuilt


def compaction(store_path: Path) -> tuple[float, int]:
    """Seconds to merge the delta into a new file, and the delta's size."""
    from chipgraph.graph.sqlite_store import SQLiteStore

    store = SQLiteStore(store_path, create=False)
    index = store._graph()
    size = len(index._d)
    t0 = time.perf_counter()
    index._compact()
    took = time.perf_counter() - t0
    store.close()
    return took, size


def ingest_rates(articles: list[Extraction], tmp: Path) -> tuple[float, float]:
    """Relations/s through add_many with the graph-log triggers, and with them dropped."""
    from chipgraph.graph.sqlite_store import SQLiteStore

    rates = []
    for triggers in (True, False):
        store = SQLiteStore(tmp / f"ingest-{triggers}.sqlite")
        if not triggers:
            for (name,) in store._query("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'graph_log_%'"):
                store._db.execute(f"DROP TRIGGER {name}")
        t0 = time.perf_counter()
        store.add_many(articles)
        rates.append(sum(len(x.relations) for x in articles) / (time.perf_counter() - t0))
        store.close()
    return rates[0], rates[1]


def trigger_cost(rows: int = 100_000) -> tuple[float, float]:
    """CPU microseconds per bare relation INSERT with the graph-log triggers
    and without them (best of three): the triggers' share of the write path
    without the noise of everything else an ingest does."""
    from chipgraph.graph.graph_index import GRAPH_LOG_SCHEMA
    from chipgraph.graph.sqlite_store import _SCHEMA

    def run(schema: str) -> float:
        db = sqlite3.connect(":memory:", isolation_level=None)
        db.executescript(schema)
        db.execute("BEGIN")
        db.executemany("INSERT INTO entities (id, name, type) VALUES (?,?,'ORG')", [(f"e{i}", f"E{i}") for i in range(20_000)])
        t0 = time.process_time()
        for i in range(rows):
            db.execute("INSERT OR IGNORE INTO relations (head, type, tail) VALUES (?,'SUPPLIED',?)",
                       (f"e{i % 20_000}", f"e{(i * 7 + 1) % 20_000}"))
        took = time.process_time() - t0
        db.execute("COMMIT")
        return took / rows * 1e6

    return min(run(_SCHEMA + GRAPH_LOG_SCHEMA) for _ in range(3)), min(run(_SCHEMA) for _ in range(3))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--entities", type=int, default=100_000)
    p.add_argument("--relations", type=int, default=10)
    p.add_argument("--queries", type=int, default=1000)
    p.add_argument("--anchor-queries", type=int, default=300, help="queries per anchor engine")
    p.add_argument("--api-queries", type=int, default=300)
    p.add_argument("--max-hops", type=int, default=4)
    p.add_argument("--ingest-articles", type=int, default=3000)
    p.add_argument("--cold-runs", type=int, default=5)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--keep", type=Path, help="write the 1M-relation store here and reuse it on later runs")
    p.add_argument("--api-only", action="store_true",
                   help="only the API figures (in-process and through `chipgraph serve`), on the --keep store when it exists")
    p.add_argument("--cold-only", action="store_true",
                   help="only cold `chipgraph path` and `chipgraph --version`, on the --keep store when it exists")
    p.add_argument("--engine", choices=sorted(ENGINES), help=argparse.SUPPRESS)
    p.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--pairs", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.engine:
        pairs = [tuple(x) for x in json.loads(args.pairs.read_text())]
        try:
            print(json.dumps(ENGINES[args.engine](args.store, pairs, args.max_hops)))
        except ImportError as exc:
            print(exc, file=sys.stderr)
            return 3
        return 0

    with tempfile.TemporaryDirectory(prefix="chipgraph-pathbench-") as tmp_name:
        tmp = Path(tmp_name)
        work = args.keep or tmp
        work.mkdir(parents=True, exist_ok=True)
        name = f"bench-{args.entities}-{args.relations}-{args.seed}"
        store_path, pairs_file = work / f"{name}.sqlite", work / f"{name}-pairs{args.queries}.json"
        if store_path.exists() and pairs_file.exists():
            pairs = [tuple(x) for x in json.loads(pairs_file.read_text())]
            if not (args.api_only or args.cold_only):
                Path(f"{store_path}.gidx").unlink(missing_ok=True)  # the build is measured again
            print(f"graph: {store_path} from an earlier run (--keep); {len(pairs)} path queries, "
                  f"max_hops={args.max_hops}", flush=True)
        else:
            t0 = time.perf_counter()
            articles, out = store_bench.build(args.entities, args.relations, args.seed)
            pairs = store_bench.connected_pairs(out, args.queries, args.seed, args.max_hops)
            n_rel = sum(len(x.relations) for x in articles)
            print(f"graph: {args.entities:,} companies, {n_rel:,} relations (generated in {time.perf_counter() - t0:.1f}s); "
                  f"{len(pairs)} path queries between connected pairs, max_hops={args.max_hops}", flush=True)
            store_path.unlink(missing_ok=True)
            print(f"bulk write into SQLite: {bulk_write(store_path, articles):.1f}s", flush=True)
            pairs_file.write_text(json.dumps(pairs))
            del articles, out
        if args.api_only:
            api_figures(store_path, pairs, args.api_queries, args.max_hops)
            return 0
        if args.cold_only:
            cold_figures(store_path, pairs, args.cold_runs)
            return 0
        small, _ = store_bench.build(args.ingest_articles, args.relations, args.seed)
        rate_with, rate_without = ingest_rates(small, tmp)
        print(f"add_many ({args.ingest_articles:,} articles of a {args.ingest_articles:,}-company graph): "
              f"{rate_with:,.0f} relations/s with the graph-log triggers, {rate_without:,.0f} without", flush=True)
        with_t, without_t = trigger_cost()
        print(f"bare relation INSERT (CPU): {with_t:.2f} us with the graph-log triggers, {without_t:.2f} us without",
              flush=True)

        from chipgraph.graph.sqlite_store import SQLiteStore

        store = SQLiteStore(store_path, create=False)
        t0 = time.perf_counter()
        store.paths(PathQuery(*pairs[0], max_hops=args.max_hops))
        build = time.perf_counter() - t0
        size = Path(f"{store_path}.gidx").stat().st_size / 2**20
        store.close()
        print(f"index build from SQLite (first query ever): {build:.1f}s; file {size:.1f} MB", flush=True)

        cold_figures(store_path, pairs, args.cold_runs)

        mine = run_engine("index", store_path, pairs_file, args.max_hops)
        print(f"in-process warm ({len(pairs)} queries): p50 {mine['p50_ms']:.2f} ms, p99 {mine['p99_ms']:.2f} ms "
              f"({mine['found']} found); CPU time p50 {mine['cpu_p50_ms']:.2f} ms, p99 {mine['cpu_p99_ms']:.2f} ms; search alone p50 {mine['search_p50_ms']:.3f} ms, p99 {mine['search_p99_ms']:.2f} ms; "
              f"open + first query {mine['build_s'] * 1000:.0f} ms; graph memory (RSS delta) {mine['rss_mb']:.0f} MB",
              flush=True)

        api_figures(store_path, pairs, args.api_queries, args.max_hops)

        med, worst, rebuilt = after_write(store_path, pairs, args.max_hops, 5)
        print(f"query after another process wrote an article: median {med:.1f} ms, max {worst:.1f} ms "
              f"(full rebuilds: {rebuilt})", flush=True)
        took, delta = compaction(store_path)
        print(f"compaction (file + {delta} delta edges -> new file): {took:.2f}s", flush=True)

        anchor_file = tmp / "anchor-pairs.json"
        anchor_file.write_text(json.dumps(pairs[: args.anchor_queries]))
        print(f"anchors ({args.anchor_queries} queries each, fresh process each):", flush=True)
        for name in ("networkx", "rustworkx", "igraph"):
            r = run_engine(name, store_path, anchor_file, args.max_hops)
            if r is None:
                print(f"  {name}: not installed", flush=True)
                continue
            print(f"  {r['engine']:>22}: graph built in {r['build_s']:.1f}s, {r['rss_mb']:.0f} MB; "
                  f"p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms ({r['found']} found)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
