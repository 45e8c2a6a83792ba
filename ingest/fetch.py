"""Web addresses in, :class:`Article` out.

``chipgraph ingest https://...`` and the API's ``{"url": ...}`` fetch a page
with httpx and read it as a file of the same kind is read (HTML through
trafilatura, PDF through :mod:`.pdf`).  Fetching is where the network goes
wrong, so every way it can is its own error with the address in it: a host
that does not resolve, a refused connection, a timeout, an error status, a
redirect loop, a page too large (the body is streamed and never read past
the cap), a picture or video instead of a page.  A server that fetches for
its clients must not be turned against its own network: addresses on this
machine or a private network are refused unless allowed.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import unquote, urljoin, urlsplit

from .errors import (
    AddressNotAllowed,
    ConnectionFailed,
    EmptyArticle,
    FetchError,
    FetchTimeout,
    HostNotFound,
    HTTPStatusError,
    PageTooLarge,
    TooManyRedirects,
    UnsupportedContentType,
)
from .reader import Article, article_from_bytes

__all__ = ["FetchSettings", "Fetched", "fetch_url", "read_url", "is_url", "CONTENT_TYPES"]

#: what a served content type is read as; anything else is refused
CONTENT_TYPES: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "text/x-markdown": "md",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
}
_REDIRECTS = (301, 302, 303, 307, 308)


def _user_agent() -> str:
    try:
        v = version("chipgraph")
    except PackageNotFoundError:
        v = "dev"
    return f"chipgraph/{v} (semiconductor supply-chain knowledge graph; article fetcher)"


@dataclass(frozen=True)
class FetchSettings:
    """How a page is fetched: the caps that bound one fetch's work.

    ``allow_private`` lets addresses on this machine or a private network be
    fetched: the CLI allows them (the user fetches on their own behalf), the
    API refuses them unless its operator allows them.
    """

    timeout: float = 20.0
    max_bytes: int = 25_000_000
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = ""

    @property
    def agent(self) -> str:
        return self.user_agent or _user_agent()


@dataclass(frozen=True)
class Fetched:
    """A page's bytes and what the server said about them."""

    url: str  # the final address, after redirects
    data: bytes
    content_type: str
    charset: str | None


def is_url(text: str) -> bool:
    """Whether a command-line argument is a web address rather than a path."""
    return text.lower().startswith(("http://", "https://"))


def read_url(url: str, settings: FetchSettings | None = None) -> Article:
    """The article at ``url``: fetched, then read as its content type says.

    The Article's ``source`` is the final address (after redirects), its
    ``file_name`` the last part of the path (or the host).
    """
    page = fetch_url(url, settings)
    fmt = _format(page)
    parts = urlsplit(page.url)
    name = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) or parts.hostname or page.url
    try:
        return article_from_bytes(page.data, source=page.url, fmt=fmt, file_name=name, charset=page.charset)
    except EmptyArticle:
        raise EmptyArticle(f"{page.url}: the page holds no article text; check that the address is an article") from None


def _format(page: Fetched) -> str:
    fmt = CONTENT_TYPES.get(page.content_type)
    if fmt is None and page.content_type in ("", "application/octet-stream"):
        fmt = "pdf" if page.data.startswith(b"%PDF") else None  # a PDF served untyped
    if fmt is None:
        raise UnsupportedContentType(
            f"{page.url}: the server sent {page.content_type or 'no content type'}, not a web page, text or PDF; "
            "give the address of the article itself"
        )
    return fmt


def fetch_url(url: str, settings: FetchSettings | None = None) -> Fetched:
    """Fetch ``url``, following at most ``max_redirects`` redirects, within
    ``timeout`` seconds in all and ``max_bytes`` bytes.

    Every address on the way (each redirect too) is checked: http or https
    only and, unless ``allow_private``, not on this machine or a private
    network.  The content type is checked before the body is read.
    """
    import httpx

    settings = settings or FetchSettings()
    deadline = time.monotonic() + settings.timeout
    headers = {"User-Agent": settings.agent, "Accept": "text/html,application/xhtml+xml,text/plain,application/pdf;q=0.9,*/*;q=0.1"}
    with httpx.Client(timeout=settings.timeout, follow_redirects=False, headers=headers, trust_env=False) as client:
        current = url
        for _ in range(settings.max_redirects + 1):
            _check_address(current, settings)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise HTTPStatusError(
                            f"{current}: the server answered {response.status_code} {response.reason_phrase}"
                            + ("; check the address" if response.status_code in (404, 410) else ""),
                            response.status_code,
                        )
                    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if content_type and content_type not in CONTENT_TYPES and content_type != "application/octet-stream":
                        raise UnsupportedContentType(
                            f"{current}: the server sent {content_type}, not a web page, text or PDF; "
                            "give the address of the article itself"
                        )
                    data = _read_capped(response, current, settings, deadline)
                    return Fetched(str(response.url), data, content_type, response.charset_encoding)
            except httpx.TimeoutException:
                raise FetchTimeout(f"{current}: no answer within {settings.timeout:g} s; try again later") from None
            except httpx.ConnectError as exc:
                raise ConnectionFailed(f"{current}: cannot connect ({_reason(exc)}); check the address") from None
            except httpx.InvalidURL as exc:
                raise FetchError(f"{current}: not a valid web address ({exc})") from None
            except httpx.HTTPError as exc:  # the connection broke off, a protocol error...
                raise ConnectionFailed(f"{current}: the download failed ({_reason(exc)}); try again later") from None
    raise TooManyRedirects(f"{url}: more than {settings.max_redirects} redirects (last to {current}); check the address")


def _read_capped(response: object, url: str, settings: FetchSettings, deadline: float) -> bytes:
    """The body, refused as soon as it passes the cap or the deadline (a
    slow drip of bytes never keeps a fetch alive past ``timeout``)."""
    declared = response.headers.get("content-length", "")  # type: ignore[attr-defined]
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise PageTooLarge(f"{url}: {int(declared):,} bytes is over the {settings.max_bytes:,}-byte limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # type: ignore[attr-defined]
        size += len(chunk)
        if size > settings.max_bytes:
            raise PageTooLarge(f"{url}: over the {settings.max_bytes:,}-byte limit; the download was stopped")
        if time.monotonic() > deadline:
            raise FetchTimeout(f"{url}: not downloaded within {settings.timeout:g} s; try again later")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    low = text.lower()
    if "refused" in low:
        return "connection refused"
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _check_address(url: str, settings: FetchSettings) -> None:
    """Refuse what is not http(s), a host that does not resolve, and (unless
    allowed) any address that resolves to this machine or a private network.

    The name is resolved here, so "host not found" is its own error; a host
    that resolves to several addresses is refused if any of them is private.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http:// and https:// addresses are fetched")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"{url}: the port is not a number") from None
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise HostNotFound(f"{url}: the host {parts.hostname} was not found; check the address (and the network)") from None
    if settings.allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise AddressNotAllowed(
                f"{url}: {parts.hostname} is on this machine or a private network ({address}); "
                "the server does not fetch such addresses unless its operator allows them"
            )
