"""Web addresses: fetched within caps, read as their content type says, and
every way a fetch fails named with the address (issue 12, sources).  All
against a server on 127.0.0.1 (the ``web`` fixture)."""

from __future__ import annotations

import socket

import pytest
from page_server import Route, html_page
from pdf_maker import image_only_pdf_bytes, pdf_bytes

from chipgraph.ingest import NeedsOCR
from chipgraph.ingest.errors import (
    AddressNotAllowed,
    ConnectionFailed,
    FetchError,
    FetchTimeout,
    HostNotFound,
    HTTPStatusError,
    PageTooLarge,
    TooManyRedirects,
    UnsupportedContentType,
)
from chipgraph.ingest.fetch import FetchSettings, is_url, read_url

LOCAL = FetchSettings(timeout=5.0, allow_private=True)
PARAGRAPHS = [
    "Halvard Group owns Kestrel Devices, a maker of power chips for electric trains.",
    "Kestrel Devices plans a second plant near the port of Rotterdam, the company said on Monday.",
]
HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_a_page_is_cleaned_with_its_title_and_date(web) -> None:  # type: ignore[no-untyped-def]
    url = web.add("/news/kestrel.html", Route(200, HTML, html_page("Kestrel plans a second plant", "2025-10-14", PARAGRAPHS)))
    art = read_url(url, LOCAL)
    assert art.source == url and art.file_name == "kestrel.html" and art.format == "html"
    assert art.title == "Kestrel plans a second plant" and art.date == "2025-10-14"
    assert PARAGRAPHS[0] in art.text and PARAGRAPHS[1] in art.text
    assert "Subscribe" not in art.text and "Markets" not in art.text
    assert web.requests[-1][1].startswith("chipgraph/")  # a User-Agent that says who fetches


def test_redirects_are_followed_and_the_final_address_kept(web) -> None:  # type: ignore[no-untyped-def]
    final = web.add("/2025/kestrel", Route(200, HTML, html_page("Kestrel", "2025-10-14", PARAGRAPHS)))
    web.add("/short", Route(301, {"Location": "/old/kestrel"}))
    web.add("/old/kestrel", Route(302, {"Location": "{base}/2025/kestrel"}))
    art = read_url(web.url("/short"), LOCAL)
    assert art.source == final
    assert [path for path, _ in web.requests] == ["/short", "/old/kestrel", "/2025/kestrel"]


def test_a_redirect_loop_stops_at_the_limit(web) -> None:  # type: ignore[no-untyped-def]
    url = web.add("/loop", Route(302, {"Location": "/loop"}))
    with pytest.raises(TooManyRedirects, match=r"/loop: more than 3 redirects"):
        read_url(url, FetchSettings(max_redirects=3, allow_private=True))
    assert len(web.requests) == 4


def test_a_redirect_away_from_http_is_refused(web) -> None:  # type: ignore[no-untyped-def]
    url = web.add("/to-file", Route(302, {"Location": "file:///etc/passwd"}))
    with pytest.raises(FetchError, match="only http:// and https:// addresses"):
        read_url(url, LOCAL)


def test_a_pdf_by_address_is_read_as_pdf(web) -> None:  # type: ignore[no-untyped-def]
    data = pdf_bytes([[[[PARAGRAPHS[0]], [PARAGRAPHS[1]]]]], title="Kestrel Devices annual note")
    url = web.add("/files/note.pdf", Route(200, {"Content-Type": "application/pdf"}, data))
    art = read_url(url, LOCAL)
    assert art.format == "pdf" and art.title == "Kestrel Devices annual note" and art.file_name == "note.pdf"
    assert art.text == "\n\n".join(PARAGRAPHS)
    untyped = web.add("/download?id=7", Route(200, {"Content-Type": "application/octet-stream"}, data))
    assert read_url(untyped, LOCAL).text == art.text


def test_a_scanned_pdf_by_address_needs_ocr(web) -> None:  # type: ignore[no-untyped-def]
    url = web.add("/scan.pdf", Route(200, {"Content-Type": "application/pdf"}, image_only_pdf_bytes()))
    with pytest.raises(NeedsOCR, match=r"/scan\.pdf: the PDF has no text layer"):
        read_url(url, LOCAL)


def test_plain_text_in_a_declared_legacy_charset(web) -> None:  # type: ignore[no-untyped-def]
    text = "Kestrel Devices\u2019 caf\u00e9 order was confirmed by Halvard Group on Monday."
    url = web.add("/note.txt", Route(200, {"Content-Type": "text/plain; charset=windows-1252"}, text.encode("cp1252")))
    art = read_url(url, LOCAL)
    assert art.text == text and art.encoding == "cp1252"


def test_an_oversize_page_is_stopped_at_the_cap(web) -> None:  # type: ignore[no-untyped-def]
    big = b"<html><body><p>" + b"chips " * 50_000 + b"</p></body></html>"
    declared = web.add("/big-declared", Route(200, HTML, big))
    streamed = web.add("/big-streamed", Route(200, HTML, big, declare_length=False))
    small = FetchSettings(max_bytes=20_000, allow_private=True)
    with pytest.raises(PageTooLarge, match=r"/big-declared: 300,\d+ bytes is over the 20,000-byte limit"):
        read_url(declared, small)
    with pytest.raises(PageTooLarge, match=r"/big-streamed: over the 20,000-byte limit; the download was stopped"):
        read_url(streamed, small)


def test_a_slow_server_times_out(web) -> None:  # type: ignore[no-untyped-def]
    silent = web.add("/slow", Route(200, HTML, html_page("x", "2025-01-01", PARAGRAPHS), delay=3.0))
    dripping = web.add("/drip", Route(200, HTML, b"<p>" + b"x" * 20_000 + b"</p>", drip=0.1))
    quick = FetchSettings(timeout=0.5, allow_private=True)
    with pytest.raises(FetchTimeout, match=r"/slow: no answer within 0.5 s"):
        read_url(silent, quick)
    with pytest.raises(FetchTimeout, match=r"/drip: not downloaded within 0.5 s"):
        read_url(dripping, quick)


def test_error_statuses_and_wrong_types_are_named(web) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(HTTPStatusError, match=r"/gone: the server answered 404 Not Found; check the address") as info:
        read_url(web.url("/gone"), LOCAL)
    assert info.value.status == 404 and info.value.kind == "HTTP 404"
    broken = web.add("/broken", Route(500, {"Content-Type": "text/plain"}, b"oops"))
    with pytest.raises(HTTPStatusError, match="500"):
        read_url(broken, LOCAL)
    image = web.add("/chip.png", Route(200, {"Content-Type": "image/png"}, b"\x89PNG...."))
    with pytest.raises(UnsupportedContentType, match=r"/chip\.png: the server sent image/png, not a web page, text or PDF"):
        read_url(image, LOCAL)


def test_unknown_host_and_refused_connection(web) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(HostNotFound, match=r"no-such-host\.invalid was not found"):
        read_url("http://no-such-host.invalid/news", LOCAL)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ConnectionFailed, match=rf"127\.0\.0\.1:{port}/a: cannot connect \(connection refused\)"):
        read_url(f"http://127.0.0.1:{port}/a", LOCAL)


def test_private_addresses_are_refused_unless_allowed(web) -> None:  # type: ignore[no-untyped-def]
    url = web.add("/internal", Route(200, HTML, html_page("x", "2025-01-01", PARAGRAPHS)))
    for address in (url, url.replace("127.0.0.1", "localhost"), "http://10.1.2.3/admin", "http://[::1]:9/x", "http://169.254.169.254/latest"):
        with pytest.raises(AddressNotAllowed, match="on this machine or a private network"):
            read_url(address, FetchSettings(timeout=1.0))
    assert not web.requests  # refused before any connection
    assert read_url(url, LOCAL).text


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://x.org")
    assert not is_url("articles/a.html") and not is_url("ftp://x.org/a")
