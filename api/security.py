"""Who may read and write, how much they may send, and how often they may write.

One frozen ``SecurityConfig`` says it all; ``SecurityConfig.from_env`` reads it
from the environment so that ``chipgraph serve``, a container and the tests
configure the server the same way (``serve`` options override the environment).
Keys are compared with ``hmac.compare_digest`` so that timing does not tell an
attacker how much of a guessed key was right.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

__all__ = [
    "SecurityConfig",
    "TokenBucket",
    "LOOPBACK_HOSTS",
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_WRITE_RATE",
    "DEFAULT_WRITE_BURST",
    "DEFAULT_EXTRACT_TIMEOUT",
    "is_loopback",
    "read_key_file",
    "client_id",
]

#: 8 MiB: four times the largest article the API accepts (2M characters,
#: mostly one byte each), and far below what would strain the server.
DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024
#: writes per minute and client, and how many may come at once
DEFAULT_WRITE_RATE = 60.0
DEFAULT_WRITE_BURST = 10
#: seconds a POST /documents may wait for and run its extraction
DEFAULT_EXTRACT_TIMEOUT = 120.0
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the server on this machine."""
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def read_key_file(path: str | os.PathLike[str]) -> frozenset[str]:
    """Keys in a file, one a line; blank lines and ``#`` comments are skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(s for s in (line.strip() for line in lines) if s and not s.startswith("#"))


def _keys(env: Mapping[str, str], var: str, file_var: str) -> frozenset[str]:
    keys = {k.strip() for k in env.get(var, "").split(",") if k.strip()}
    if env.get(file_var):
        keys |= read_key_file(env[file_var])
    return frozenset(keys)


@dataclass(frozen=True)
class SecurityConfig:
    """The server's access rules.

    ``write_keys`` empty means writes are open (fine on loopback, refused by
    ``serve`` elsewhere without ``--allow-open-writes``).  ``read_keys`` empty
    means reads are open; when set, a read needs a read key or a write key.
    ``allowed_hosts`` None means any Host header (for in-process use only).
    """

    write_keys: frozenset[str] = frozenset()
    read_keys: frozenset[str] = frozenset()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    write_rate_per_minute: float = DEFAULT_WRITE_RATE
    write_burst: int = DEFAULT_WRITE_BURST
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT
    #: POST /documents may name a web address for the server to fetch (off by
    #: default: a server that fetches makes requests on its clients' behalf)
    fetch_urls: bool = False
    #: ...including addresses on this machine or a private network (for tests
    #: and intranet servers; otherwise refused, against request forgery)
    fetch_private: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "SecurityConfig":
        """The configuration the ``CHIPGRAPH_*`` variables describe (see README, Security)."""
        env = os.environ if env is None else env
        hosts = env.get("CHIPGRAPH_ALLOWED_HOSTS")
        return cls(
            write_keys=_keys(env, "CHIPGRAPH_API_KEYS", "CHIPGRAPH_API_KEY_FILE"),
            read_keys=_keys(env, "CHIPGRAPH_READ_KEYS", "CHIPGRAPH_READ_KEY_FILE"),
            max_body_bytes=int(env.get("CHIPGRAPH_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)),
            write_rate_per_minute=float(env.get("CHIPGRAPH_WRITE_RATE", DEFAULT_WRITE_RATE)),
            write_burst=int(env.get("CHIPGRAPH_WRITE_BURST", DEFAULT_WRITE_BURST)),
            allowed_hosts=tuple(h.strip() for h in hosts.split(",") if h.strip()) if hosts else LOOPBACK_HOSTS,
            extract_timeout=float(env.get("CHIPGRAPH_EXTRACT_TIMEOUT", DEFAULT_EXTRACT_TIMEOUT)),
            fetch_urls=_flag(env.get("CHIPGRAPH_FETCH_URLS")),
            fetch_private=_flag(env.get("CHIPGRAPH_FETCH_PRIVATE")),
        )

    def with_host(self, host: str) -> "SecurityConfig":
        """The same rules with the bind address allowed as a Host header too."""
        if self.allowed_hosts is None or host in self.allowed_hosts or host in ("0.0.0.0", "::"):
            return self
        return replace(self, allowed_hosts=(*self.allowed_hosts, host))

    @property
    def writes_open(self) -> bool:
        return not self.write_keys

    def may_write(self, key: str | None) -> bool:
        return self.writes_open or _matches(key, self.write_keys)

    def may_read(self, key: str | None) -> bool:
        return not self.read_keys or _matches(key, self.read_keys | self.write_keys)


def _flag(value: str | None) -> bool:
    """An on/off environment variable: 1, true, yes or on is on."""
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def _matches(key: str | None, keys: frozenset[str]) -> bool:
    """Constant-time membership: every key is compared, whatever matched."""
    if key is None:
        return False
    presented = key.encode("utf-8", "surrogatepass")
    found = False
    for k in keys:
        found |= hmac.compare_digest(presented, k.encode("utf-8"))
    return found


@dataclass
class TokenBucket:
    """A token bucket per client: ``burst`` writes at once, refilled at
    ``rate_per_minute``.  Thread-safe; clients idle long enough are forgotten
    so the table cannot grow without bound."""

    rate_per_minute: float
    burst: int
    max_clients: int = 10_000
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, client: str, now: float | None = None) -> float:
        """0.0 when ``client`` may write now, else the seconds until it may."""
        now = time.monotonic() if now is None else now
        per_second = self.rate_per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * per_second)
            if tokens >= 1.0:
                self._remember(client, (tokens - 1.0, now))
                return 0.0
            self._remember(client, (tokens, now))
            return (1.0 - tokens) / per_second if per_second > 0 else 3600.0

    def _remember(self, client: str, state: tuple[float, float]) -> None:
        if client not in self._buckets and len(self._buckets) >= self.max_clients:
            # Forget the client seen longest ago: it has refilled the most.
            oldest = min(self._buckets, key=lambda c: self._buckets[c][1])
            del self._buckets[oldest]
        self._buckets[client] = state


def client_id(key: str | None, address: str | None) -> str:
    """Whom a rate limit counts: the key when one was given (never stored in
    clear), else the client address."""
    if key:
        return "key:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return "ip:" + (address or "unknown")
