"""JSON answers serialised once, with orjson.

FastAPI turns a returned dict into JSON by validating it against the route's
response model and encoding it again with the standard library (and, for a
sync route, in a second trip to the thread pool); a large nested answer
spends more time there than in the query.  Routes whose answer is plain
JSON data (str keys; str, int, float, bool, None, lists and dicts) return
``json_response(data)`` instead: the same JSON, encoded once.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response

__all__ = ["json_response", "dumps"]


def dumps(data: Any) -> bytes:
    """``data`` as compact UTF-8 JSON: the bytes FastAPI's JSONResponse
    writes, except that a float below 1e-4 is written without an exponent
    (``0.00001``, not ``1e-05``: the same number; confidences are rounded to
    four places, so the API's answers never have one)."""
    return orjson.dumps(data)


def json_response(data: Any, status_code: int = 200) -> Response:
    """A response whose body is ``data`` as JSON, media type application/json."""
    return Response(orjson.dumps(data), status_code=status_code, media_type="application/json")
