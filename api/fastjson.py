"""JSON answers serialised once, with orjson.

For a route that returns a dict, FastAPI validates the dict against the
route's response model (``dict[str, Any]``: a copy of every nested value) and
then serialises it with pydantic, and for a sync route it makes a second trip
to the thread pool for the validation; a large nested answer spends more
time there than in its query.  Routes whose answer is plain JSON data (str
keys; str, int, float, bool, None, lists and dicts) return
``json_response(data)`` instead: the bytes pydantic would have written
(compact, UTF-8, the shortest float that reads back the same), encoded once.
"""

from __future__ import annotations

from typing import Any, Callable

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

__all__ = ["json_response", "threaded_json"]


def json_response(data: Any, status_code: int = 200) -> Response:
    """A response whose body is ``data`` as JSON, media type application/json."""
    return Response(orjson.dumps(data), status_code=status_code, media_type="application/json")


async def threaded_json(work: Callable[[], Any]) -> Response:
    """``work()``'s answer as a JSON response, computed and serialised in one
    trip to a worker thread (store reads block; the event loop must not)."""
    return await run_in_threadpool(lambda: json_response(work()))
