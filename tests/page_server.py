"""A small web server on 127.0.0.1 for the fetch tests: pages, a PDF,
redirects, an oversize page, slow pages, wrong content types.  No test ever
reaches the real network.

Routes are data: path -> (status, headers, body, delay before answering,
delay between body chunks).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0
    drip: float = 0.0  # seconds between 1 KB chunks (a slow download)
    declare_length: bool = True


class PageServer:
    """``with PageServer() as web: web.add("/a.html", Route(...)); web.url("/a.html")``"""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str]] = []  # (path, User-Agent)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                route = server.routes.get(self.path, Route(404, {"Content-Type": "text/plain"}, b"no such page"))
                time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    for k, v in route.headers.items():
                        self.send_header(k, v.replace("{base}", server.base))
                    if route.declare_length:
                        self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    step = 1024 if route.drip else len(route.body) or 1
                    for i in range(0, len(route.body), step):
                        self.wfile.write(route.body[i:i + step])
                        self.wfile.flush()
                        time.sleep(route.drip)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (a cap or a timeout): as intended

            def log_message(self, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> "PageServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def html_page(title: str, date: str, paragraphs: list[str]) -> bytes:
    """A news page with its title and date in meta tags and some chrome."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head>"
        f"<title>{title} | Wafer Wire</title>"
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{date}T08:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> | <a href='/markets'>Markets</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Share on LinkedIn | Subscribe to our newsletter</footer></body></html>"
    ).encode("utf-8")
