"""What FalkorDB itself takes: relations and their evidence written by raw
UNWIND statements, timed at the client (over Bolt) and inside the server.

    python benchmarks/bolt_cap.py --relations 100000 --rows 4000

The rows have the shape ``Neo4jStore`` writes for benchmarks/store_bench.py's
graph (a relation between two existing companies, one piece of evidence with
a sentence, keys of 40 hex digits).  Each statement kind runs over the same
number of rows in statements of ``--rows`` rows:

* ``CREATE`` -- the least a server can do: new relationships, new nodes;
* ``MERGE`` -- the statements the store sends (relation and evidence segments
  of graph/neo4j_store.py, FalkorDB's parameter header written by
  graph/bolt_dialect.py).

For each, the wall time over Bolt (literal writing included), FalkorDB's own
"Query internal execution time" for the same statements sent on its Redis
port (GRAPH.QUERY), and the server process's CPU seconds.  The best of these
rates is what a Bolt client can at most reach on this server and machine.
"""

from __future__ import annotations

import argparse
import random
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import falkordb_server, process_cpu  # noqa: E402

from chipgraph.graph import neo4j_store  # noqa: E402
from chipgraph.graph.bolt_dialect import COUNT_WRITTEN, falkordb_parameters  # noqa: E402
from chipgraph.graph.neo4j_store import Neo4jStore, _hash, relation_key  # noqa: E402

RELATION_CREATE = (
    "UNWIND $rows AS row MATCH (h:Entity {id: row.head}) MATCH (t:Entity {id: row.tail}) "
    "CREATE (h)-[r:OWNED_BY]->(t) SET r.key = row.key, r.attributes = row.attributes"
)
EVIDENCE_CREATE = (
    "UNWIND $rows AS row CREATE (ev:Evidence {key: row.key, rel: row.rel, document_id: row.document_id, "
    "sentence: row.sentence, start_offset: row.start, end_offset: row.end, method: row.method, "
    "confidence: row.confidence, source: row.source, attributes: row.attributes})"
)


class Redis:
    """The least RESP client that reads GRAPH.QUERY's statistics."""

    def __init__(self, port: int, password: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.file = self.sock.makefile("rb")
        self.command("AUTH", password)

    def command(self, *args: str) -> object:
        parts = [a.encode() for a in args]
        self.sock.sendall(b"*%d\r\n" % len(parts) + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts))
        return self._reply()

    def _reply(self) -> object:
        line = self.file.readline()
        kind, rest = line[:1], line[1:-2]
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind in (b"+", b":"):
            return rest.decode()
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self.file.read(n + 2)[:-2].decode(errors="replace")
        if kind == b"*":
            return [self._reply() for _ in range(max(0, int(rest)))]
        raise RuntimeError(f"unexpected reply {line[:40]!r}")

    def server_ms(self, graph: str, query: str) -> float:
        """FalkorDB's own execution time of ``query``, in milliseconds."""
        reply = self.command("GRAPH.QUERY", graph, query)
        assert isinstance(reply, list)
        stats = reply[-1]
        assert isinstance(stats, list)
        return next(float(s.split(":")[1].split()[0]) for s in stats if "execution time" in str(s))


def rows(n: int, companies: int, seed: int, tag: str) -> tuple[list[dict], list[dict]]:
    """Relation and evidence rows as the store writes them."""
    rng = random.Random(seed)
    rels, evidence = [], []
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < n:  # one row per relation, as the store sends them
        pairs.add(tuple(rng.sample(range(companies), 2)))  # type: ignore[arg-type]
    for i, (head, tail) in enumerate(sorted(pairs, key=lambda _: rng.random())):
        h, t = f"org:{head:040d}", f"org:{tail:040d}"
        key = relation_key(h, f"SUPPLIED-{tag}", t)
        rels.append({"head": h, "tail": t, "key": key, "attributes": None})
        sentence = f"Firm {head:07d} supplied components to Firm {tail:07d}."
        doc = _hash("doc", tag, i)
        evidence.append(
            {
                "key": _hash(key, doc, 0, len(sentence), "rule:bench"),
                "rel": key,
                "document_id": doc,
                "sentence": sentence,
                "start": 0,
                "end": len(sentence),
                "method": "rule:bench",
                "confidence": 0.5 + rng.random() / 2,
                "source": f"https://bench.example/{i}",
                "attributes": "{}",
            }
        )
    return rels, evidence


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--relations", type=int, default=100_000)
    p.add_argument("--companies", type=int, default=20_000)
    p.add_argument("--rows", type=int, default=4000, help="rows per statement")
    p.add_argument("--sample", type=int, default=5, help="statements of each kind also timed inside FalkorDB")
    args = p.parse_args(argv)

    with falkordb_server() as server:
        store = Neo4jStore(server.url_for("cap"))  # creates the indexes the store uses
        bolt = store._driver  # the store's driver: one connection pool per process
        redis = Redis(server.redis_port, server.password)
        graph = "db"  # the graph FalkorDB's Bolt serves whatever database is named
        entities = [{"id": f"org:{i:040d}"} for i in range(args.companies)]
        with bolt.session(database="cap") as session:
            for i in range(0, len(entities), args.rows):
                header = falkordb_parameters({"rows": entities[i : i + args.rows]})
                session.run(header + "UNWIND $rows AS row CREATE (:Entity {id: row.id})").consume()
        print(f"FalkorDB with {args.companies:,} companies; {args.relations:,} relations per run, "
              f"statements of {args.rows:,} rows", flush=True)
        kinds = [
            ("CREATE relations", RELATION_CREATE),
            ("CREATE evidence", EVIDENCE_CREATE),
            ("MERGE relations (store)", neo4j_store._relation_segment("SUPPLIED")),
            ("MERGE evidence (store)", neo4j_store._EVIDENCE_SEGMENT),
        ]
        for n, (label, cypher) in enumerate(kinds):
            bolt_rows, bolt_evidence = rows(args.relations, args.companies, n, f"bolt{n}")
            redis_rows, redis_evidence = rows(args.relations, args.companies, n, f"redis{n}")
            data_bolt = bolt_evidence if "evidence" in label else bolt_rows
            data_redis = redis_evidence if "evidence" in label else redis_rows
            statement = cypher + COUNT_WRITTEN
            cpu0 = process_cpu(server.pid)
            started = time.perf_counter()
            with bolt.session(database="cap") as session:
                for i in range(0, len(data_bolt), args.rows):
                    chunk = data_bolt[i : i + args.rows]
                    written = session.run(falkordb_parameters({"rows": chunk}) + statement).single()["written"]
                    assert written >= len(chunk), (label, written)
            wall = time.perf_counter() - started
            cpu = process_cpu(server.pid) - cpu0
            sample = data_redis[: args.rows * args.sample]
            inside = sum(
                redis.server_ms(graph, falkordb_parameters({"rows": sample[i : i + args.rows]}) + statement)
                for i in range(0, len(sample), args.rows)
            ) / 1000
            print(
                f"{label:>24}: Bolt {len(data_bolt) / wall:8,.0f} rows/s ({wall:.2f} s, server CPU {cpu:.2f} s); "
                f"inside FalkorDB {len(sample) / inside:9,.0f} rows/s ({len(sample):,} rows in {inside:.2f} s)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
