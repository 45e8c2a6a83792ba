"""The test FalkorDB gives nothing to the network (issue 10, item 6).

FalkorDB binds its Bolt port on every interface whatever Redis's ``--bind``
says, and its Bolt lets in clients that send no credentials; the helper
preloads a bind() wrapper that keeps the port on loopback (tests/falkordb.py
explains why and how) and sets a password besides.  From a non-loopback
address both ports are closed.
"""

from __future__ import annotations

import socket

import pytest

from chipgraph.graph.errors import StoreAuthError
from chipgraph.graph.neo4j_store import Neo4jStore


def non_loopback_address() -> str | None:
    """An IPv4 address of this machine that is not loopback (no packet is
    sent: connecting a UDP socket only picks the outgoing interface)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1, never routed
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_server_always_has_a_password(falkordb_server) -> None:  # type: ignore[no-untyped-def]
    assert falkordb_server.password and len(falkordb_server.password) >= 16
    assert falkordb_server.password in falkordb_server.url_for("g")


def test_bolt_with_a_wrong_password_is_refused(falkordb_server) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreAuthError):
        Neo4jStore(f"bolt://falkordb:guess@127.0.0.1:{falkordb_server.bolt_port}")


def test_nothing_open_on_a_non_loopback_address(falkordb_server) -> None:  # type: ignore[no-untyped-def]
    address = non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    if not falkordb_server.bolt_loopback_only:
        pytest.xfail("no C compiler to build tests/falkordb_loopback.c: Bolt listens on every interface")
    for port in (falkordb_server.redis_port, falkordb_server.bolt_port):
        with pytest.raises(OSError):
            socket.create_connection((address, port), timeout=2).close()
    # and loopback still serves
    socket.create_connection(("127.0.0.1", falkordb_server.bolt_port), timeout=2).close()
