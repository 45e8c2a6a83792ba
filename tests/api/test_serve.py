"""`chipgraph serve` as a process: long extraction does not block other
requests, SIGTERM stops it within seconds even mid-extraction, and it refuses
to open writes to a network."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

CHIPGRAPH = str(Path(sys.executable).with_name("chipgraph"))
KEY = "serve-test-key"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, timeout: float) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return int(r.status)


def long_article(chars: int) -> str:
    """Many distinct supply sentences in our own words: minutes of extraction."""
    out, i = [], 0
    while sum(map(len, out)) < chars:
        out.append(f"Norvale Devices {i} shipped etching tools to Quarrow Fab {i} during {2000 + i % 25}. ")
        i += 1
    return "".join(out)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    port = _free_port()
    env = {**os.environ, "CHIPGRAPH_API_KEYS": KEY, "CHIPGRAPH_STORE": str(tmp_path / "serve.sqlite")}
    proc = subprocess.Popen(
        [CHIPGRAPH, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if _get(base + "/healthz", 2) == 200:
                break
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.2)
    try:
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_sigterm_stops_serve_within_seconds_mid_extraction(server: tuple[subprocess.Popen[bytes], str]) -> None:
    proc, base = server
    body = json.dumps({"text": long_article(400_000), "format": "txt"}).encode()
    request = urllib.request.Request(
        base + "/documents", data=body, headers={"Content-Type": "application/json", "X-API-Key": KEY}
    )

    def post() -> None:
        try:
            urllib.request.urlopen(request, timeout=120).read()
        except Exception:  # the server goes away mid-request: that is the point
            pass

    threading.Thread(target=post, daemon=True).start()
    time.sleep(3)  # the model loads and extraction is under way
    assert proc.poll() is None
    # The event loop is free while the extraction runs.
    assert _get(base + "/healthz", 10) == 200
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=8)
    except subprocess.TimeoutExpired:
        pytest.fail("serve was still running 8 s after SIGTERM")
    assert time.monotonic() - started < 8


def test_serve_refuses_open_writes_on_a_network_address(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIPGRAPH_")}
    cmd = [CHIPGRAPH, "--store", str(tmp_path / "s.sqlite"), "serve", "--host", "0.0.0.0", "--port", "1"]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "writes open" in r.stderr and "CHIPGRAPH_API_KEYS" in r.stderr


def test_serve_runs_on_the_compiled_parser_and_loop() -> None:
    """`chipgraph serve` leaves uvicorn's choice on "auto", which takes
    httptools and uvloop when they are installed: the install must have them
    (they halve what a request costs the server, benchmarks/path_bench.py)."""
    import uvicorn
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    config = uvicorn.Config(app=lambda scope, receive, send: None, loop="auto", http="auto")
    config.load()
    assert config.http_protocol_class is HttpToolsProtocol
    loop_factory = config.get_loop_factory()
    assert loop_factory is not None
    loop = loop_factory()
    try:
        assert type(loop).__module__.startswith("uvloop")
    finally:
        loop.close()
