"""GET /paths answered before FastAPI's parameter machinery, when it is plain.

A small path question on the SQLite store is answered in about half a
millisecond, and FastAPI's per-request work for the route's nine declared
query parameters (dependency solving, one validation per parameter) costs
about a quarter of that again.  The route stays the definition of GET
/paths (its documentation, validation and errors); this ASGI layer, inside
the Gate (keys are checked first), answers only the requests whose query it
can read without any judgement, and gives every other request to the route
unchanged:

- only ``source``, ``target``, ``max_hops``, ``limit``, ``direction`` and
  ``max_evidence``, each at most once, numbers as plain digits inside the
  route's bounds;
- a question ``is_quick`` admits, on a store whose ``quick_reads`` is
  ready, both names resolved exactly, the search within its budget.

Anything else (another parameter, a value the route would refuse or
convert, a name to be resolved fuzzily, an error) goes to the route, which
then answers it in full.  The bytes are the route's own: both build them
with ``quick_answer`` (tests/api/test_quick_paths.py compares the two).
"""

from __future__ import annotations

from typing import Any, Callable
from urllib.parse import parse_qsl

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

from chipgraph.graph.errors import ChipgraphError, QuickReadTooLong
from chipgraph.graph.path_answer import answer_paths, is_quick
from chipgraph.graph.paths import MAX_HOPS_LIMIT
from chipgraph.graph.store import GraphStore
from chipgraph.graph.subgraph import DEFAULT_MAX_EVIDENCE, MAX_EVIDENCE_LIMIT

__all__ = ["QuickPaths", "quick_answer", "MAX_NAME_CHARS", "DEFAULT_HOPS", "DEFAULT_LIMIT", "MAX_LIMIT"]

#: the longest name or id a query may carry
MAX_NAME_CHARS = 300
#: GET /paths defaults and the largest limit; the route declares its
#: parameters with these, so the two readings cannot drift apart
DEFAULT_HOPS, DEFAULT_LIMIT, MAX_LIMIT = 4, 10, 100
#: the route's bounds on its numbers: (smallest, largest, default)
_NUMBERS = {
    "max_hops": (1, MAX_HOPS_LIMIT, DEFAULT_HOPS),
    "limit": (1, MAX_LIMIT, DEFAULT_LIMIT),
    "max_evidence": (1, MAX_EVIDENCE_LIMIT, DEFAULT_MAX_EVIDENCE),
}
_HEADERS = [(b"content-type", b"application/json")]


def quick_answer(store: GraphStore, source: str, target: str, options: dict[str, Any]) -> bytes | None:
    """The JSON of GET /paths answered where it is asked (an event loop),
    or None when the question is not a quick one: too big, the store busy or
    not current, a name not resolved exactly, a search past its budget."""
    if not is_quick(options["max_hops"], options["direction"], options["limit"]):
        return None
    with store.quick_reads() as quick:
        if not quick:
            return None
        src, dst = store.resolve_exact(source), store.resolve_exact(target)
        if src is None or dst is None:
            return None
        try:
            return orjson.dumps(answer_paths(store, src, dst, **options).to_dict())
        except QuickReadTooLong:
            return None


def plain_query(query_string: bytes) -> tuple[str, str, dict[str, Any]] | None:
    """(source, target, options) of a query the route would take exactly as
    written, or None to leave it to the route."""
    try:
        pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    given = dict(pairs)
    if len(given) != len(pairs):
        return None  # a repeated parameter
    source, target = given.pop("source", ""), given.pop("target", "")
    if not (0 < len(source) <= MAX_NAME_CHARS and 0 < len(target) <= MAX_NAME_CHARS):
        return None
    direction = given.pop("direction", "out")
    if direction not in ("out", "both"):
        return None
    options: dict[str, Any] = {"types": None, "direction": direction, "include_removed": False}
    for name, (low, high, default) in _NUMBERS.items():
        text = given.pop(name, None)
        if text is None:
            options[name] = default
            continue
        if not (text.isascii() and text.isdigit() and len(text) <= 4 and text[0] != "0"):
            return None
        value = int(text)
        if not low <= value <= high:
            return None
        options[name] = value
    if given:
        return None  # types, accepted_only, include_removed or a parameter the route ignores
    return source, target, options


class QuickPaths:
    """Pure ASGI layer: plain GET /paths questions answered at once."""

    def __init__(self, app: ASGIApp, store: Callable[[], GraphStore]) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == "/paths" and scope["method"] == "GET":
            body = self._answer(scope.get("query_string", b""))
            if body is not None:
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-length", str(len(body)).encode()), *_HEADERS]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

    def _answer(self, query_string: bytes) -> bytes | None:
        plain = plain_query(query_string)
        if plain is None:
            return None
        try:
            return quick_answer(self.store(), *plain)
        except ChipgraphError:
            return None  # the route answers it again and says what went wrong
