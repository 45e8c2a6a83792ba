"""Load on `chipgraph serve`: concurrent readers with concurrent writers.

    python benchmarks/serve_load.py                         # 20 s, 8 readers, 2 writers
    python benchmarks/serve_load.py --seconds 60 --readers 16 --writers 4

Seeds a temporary SQLite store from data/articles, starts `chipgraph serve`
on loopback with a write key (and a write rate high enough not to refuse the
benchmark's own writers), then for ``--seconds`` runs readers (GET /paths and
GET /entities in turn) and writers (POST /documents of new articles, each
written for this run).  Prints reads/s with p50/p99 latency, writes with
theirs, and the errors (any answer but 200/201, or no answer); afterwards it
opens the store and checks that every document a writer was told was stored
is there.  Exits 1 on an error or a lost document.  Timings depend on the
machine: no test asserts them.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from chipgraph.graph.sqlite_store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
CHIPGRAPH = str(Path(sys.executable).with_name("chipgraph"))
KEY = "serve-load-benchmark-key"
READS = (
    "/paths?" + urllib.parse.urlencode({"source": "ASML", "target": "military", "max_hops": 4}),
    "/entities?" + urllib.parse.urlencode({"q": "semi", "limit": 50}),
    "/paths?" + urllib.parse.urlencode({"source": "ASML", "target": "US Entity List", "direction": "both"}),
    "/entities/ASML",
)


@dataclass
class Tally:
    """What one kind of client saw."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, error: str | None = None, document: str | None = None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors.append(error)
            if document:
                self.stored.append(document)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def article(writer: int, n: int) -> str:
    """A new article for each post, in our own words, with a supply and an owner."""
    return (
        f"Brantwell Optics {writer}-{n} delivered inspection systems to Corvane Foundry {writer}-{n} in 2024. "
        f"Corvane Foundry {writer}-{n} is a subsidiary of Lismore Holdings {writer}. "
        f"The order, run {n} of writer {writer}, was confirmed by both companies on Tuesday."
    )


def request(conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
    headers = {"Host": "127.0.0.1"}
    if body is not None:
        headers.update({"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"})
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def reader(port: int, until: float, tally: Tally, offset: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    i = offset
    while time.monotonic() < until:
        path = READS[i % len(READS)]
        i += 1
        started = time.perf_counter()
        try:
            status, _ = request(conn, "GET", path)
            tally.add(time.perf_counter() - started, None if status == 200 else f"GET {path}: {status}")
        except (OSError, http.client.HTTPException) as exc:
            tally.add(time.perf_counter() - started, f"GET {path}: {exc!r}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.close()


def writer(port: int, until: float, tally: Tally, number: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    n = 0
    while time.monotonic() < until:
        body = json.dumps({"text": article(number, n), "source": f"load-{number}-{n}", "format": "txt"}).encode()
        n += 1
        started = time.perf_counter()
        try:
            status, raw = request(conn, "POST", "/documents", body)
            if status == 201:
                tally.add(time.perf_counter() - started, document=json.loads(raw)["document_id"])
            else:
                tally.add(time.perf_counter() - started, f"POST: {status} {raw[:200]!r}")
        except (OSError, http.client.HTTPException) as exc:
            tally.add(time.perf_counter() - started, f"POST: {exc!r}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    conn.close()


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"serve exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            if request(conn, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("serve did not answer in time")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--writers", type=int, default=2)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "load.sqlite"
        subprocess.run([CHIPGRAPH, "--store", str(store), "ingest", str(ROOT / "data" / "articles")], check=True,
                       stdout=subprocess.DEVNULL)
        port = free_port()
        env = {**os.environ, "CHIPGRAPH_API_KEYS": KEY, "CHIPGRAPH_WRITE_RATE": "1000000", "CHIPGRAPH_WRITE_BURST": "1000"}
        proc = subprocess.Popen([CHIPGRAPH, "--store", str(store), "serve", "--port", str(port)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_ready(port, proc)
            # One post first, so the spaCy model is loaded before the clock runs.
            warm = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            request(warm, "POST", "/documents", json.dumps({"text": article(-1, 0)}).encode())
            reads, writes = Tally(), Tally()
            until = time.monotonic() + args.seconds
            threads = [threading.Thread(target=reader, args=(port, until, reads, i)) for i in range(args.readers)]
            threads += [threading.Thread(target=writer, args=(port, until, writes, i)) for i in range(args.writers)]
            started = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
        finally:
            proc.terminate()
            proc.wait(timeout=30)

        with SQLiteStore(store) as s:
            lost = [d for d in writes.stored if not s.has_document(d)]
            documents = s.counts()["documents"]

    errors = reads.errors + writes.errors
    print(f"chipgraph serve on loopback, {args.readers} readers and {args.writers} writers for {elapsed:.1f} s")
    print(f"reads : {len(reads.latencies)} ({len(reads.latencies) / elapsed:.0f}/s), "
          f"p50 {percentile(reads.latencies, 50) * 1000:.1f} ms, p99 {percentile(reads.latencies, 99) * 1000:.1f} ms")
    print(f"writes: {len(writes.latencies)} ({len(writes.latencies) / elapsed:.1f}/s), "
          f"p50 {percentile(writes.latencies, 50) * 1000:.0f} ms, p99 {percentile(writes.latencies, 99) * 1000:.0f} ms")
    print(f"errors: {len(errors)}" + "".join(f"\n  {e}" for e in errors[:10]))
    print(f"documents: {len(writes.stored)} stored by writers, {len(lost)} lost; {documents} in the store")
    return 1 if errors or lost else 0


if __name__ == "__main__":
    sys.exit(main())
