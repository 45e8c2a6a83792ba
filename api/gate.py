"""The door every request passes before the app reads a byte of its body.

Checks run on headers alone, cheapest first: the Host header (a DNS-rebinding
page cannot reach a loopback server through a name it does not know), the key
(401 without one, 403 with a wrong one), the write rate (429 with
Retry-After), then the body size (413 on a Content-Length over the limit, or
as soon as streamed bytes pass it).  Because the rules go by HTTP method,
every write endpoint added later is keyed and rate-limited without a line of
its own.  Error bodies are ``{"detail": ...}`` and never repeat the request.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from urllib.parse import quote

from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .security import SecurityConfig, TokenBucket, client_id

__all__ = [
    "Gate", "WRITE_METHODS", "OPEN_PATHS", "KEY_PAGE", "READ_KEY_COOKIE", "presented_key", "cookie_value", "cookie_key",
]

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: the workbench's page that takes a read key (api/workbench.py): it answers
#: without one, and a POST to it needs no write key (it is rate-limited as a write)
KEY_PAGE = "/ui/key"
#: the API's description is public even when reads are keyed, and so are the
#: key page and the style sheet and script it needs
OPEN_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json", KEY_PAGE})
_OPEN_PREFIXES = ("/ui/static/",)
#: A browser cannot add a header to a link it follows, so the key page keeps
#: the read key in this cookie (HttpOnly, SameSite=Lax: a link from a mail
#: opens the page).  It counts for reads (GET, HEAD) only, which change
#: nothing and whose answers no other site can read, never for a write: a
#: write still needs its key in a header, which no other site can make a
#: browser send.
READ_KEY_COOKIE = "chipgraph_read_key"
_SAFE_METHODS = frozenset({"GET", "HEAD"})


class _TooLarge(HTTPException):
    """Raised from ``receive`` once the body passes the limit.  An
    HTTPException, because FastAPI turns any other error met while reading a
    body into a 400; the app's own handler then answers 413."""

    def __init__(self, detail: str) -> None:
        super().__init__(status_code=413, detail=detail)


def presented_key(headers: Headers) -> str | None:
    """The key in ``Authorization: Bearer <key>`` or ``X-API-Key``."""
    auth = headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return headers.get("x-api-key") or None


def cookie_value(key: str) -> str:
    """``key`` as a cookie value (base64url: any key survives cookie syntax)."""
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii")


def cookie_key(headers: Headers) -> str | None:
    """The read key the key page left in the request's cookie, if any."""
    raw = cookie_parser(headers.get("cookie", "")).get(READ_KEY_COOKIE)
    if not raw:
        return None
    try:
        return base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8") or None
    except (binascii.Error, UnicodeError, ValueError):
        return None


def _wants_page(scope: Scope, headers: Headers) -> bool:
    """A browser following a link to a workbench page (not a script's fetch)."""
    path = scope["path"]
    return (path == "/" or path.startswith("/ui/")) and scope["method"] == "GET" and "text/html" in headers.get("accept", "")


def _host_name(host: str) -> str:
    """``example.org`` of ``example.org:8000``; ``[::1]`` keeps its brackets."""
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Gate:
    """Pure ASGI middleware enforcing a ``SecurityConfig``."""

    def __init__(self, app: ASGIApp, config: SecurityConfig) -> None:
        self.app = app
        self.config = config
        self.buckets = TokenBucket(config.write_rate_per_minute, config.write_burst)
        hosts = config.allowed_hosts
        self.hosts = None if hosts is None else frozenset(h.lower() for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            status, detail, extra = refusal
            await _send_error(send, status, detail, extra)
            return
        await self._limited(scope, receive, send, headers)

    def _refusal(self, scope: Scope, headers: Headers) -> tuple[int, str, dict[str, str]] | None:
        if self.hosts is not None and _host_name(headers.get("host", "").lower()) not in self.hosts:
            return 400, "this server does not answer to that Host header", {}
        key = presented_key(headers)
        path = scope["path"]
        if scope["method"] in WRITE_METHODS:
            if path != KEY_PAGE and not self.config.may_write(key):
                return _key_refusal(key, "writing needs an API key")
            client = scope.get("client")
            wait = self.buckets.take(client_id(key, client[0] if client else None))
            if wait > 0:
                return 429, "too many writes; retry later", {"Retry-After": str(max(1, math.ceil(wait)))}
        elif path in OPEN_PATHS or path.startswith(_OPEN_PREFIXES) or self.config.may_read(key):
            return None
        elif key is None and scope["method"] in _SAFE_METHODS and self.config.may_read(cookie_key(headers)):
            return None
        elif key is None and _wants_page(scope, headers):
            wanted = path + ("?" + scope["query_string"].decode("latin-1") if scope.get("query_string") else "")
            return 303, "reading needs a key: enter it on the key page", {"Location": f"{KEY_PAGE}?next={quote(wanted, safe='')}"}
        else:
            return _key_refusal(key, "reading needs an API key")
        return None

    async def _limited(self, scope: Scope, receive: Receive, send: Send, headers: Headers) -> None:
        limit = self.config.max_body_bytes
        too_large = f"request body over the limit of {limit} bytes"
        try:
            declared = int(headers.get("content-length", "0"))
        except ValueError:
            await _send_error(send, 400, "invalid Content-Length", {})
            return
        if declared > limit:
            await _send_error(send, 413, too_large, {"Connection": "close"})
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge(too_large)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if started:
                raise
            await _send_error(send, 413, too_large, {"Connection": "close"})
        except BaseExceptionGroup as group:  # anyio task groups wrap what the app raised
            match, rest = group.split(_TooLarge)
            if started or match is None or rest is not None:
                raise
            await _send_error(send, 413, too_large, {"Connection": "close"})


def _key_refusal(key: str | None, what: str) -> tuple[int, str, dict[str, str]]:
    if key is None:
        return 401, f"{what}: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'", {"WWW-Authenticate": "Bearer"}
    return 403, "that key does not allow this request", {}


async def _send_error(send: Send, status: int, detail: str, extra: dict[str, str]) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in extra.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
