"""SimpleHTTP answers malformed and ambiguous requests as RFC 9112 says, on both parsers."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest
from _net_harness import Running, connect, recv_until_eof

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol, JSONEndpoint, Response, StaticFiles


@pytest.fixture
def port(tmp_path: Path, parser: str):  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("alpha")
    routes = {
        "/": StaticFiles(tmp_path),
        "/api/len": JSONEndpoint(lambda r: {"len": len(r.body)}),
        "/api/json": JSONEndpoint(lambda r: r.json()),
        "/api/broken": JSONEndpoint(lambda r: 1 / 0),
        "/inject": lambda r: Response(headers={"X-Evil": "a\r\nSet-Cookie: stolen=1"}),
    }
    server = SimpleServer(
        protocol=lambda: HTTPProtocol(routes, maxBodyBytes=1000, parser=parser), port=0
    )
    system = Running(server)
    yield server.port
    system.close()


def _exchange(port: int, raw: bytes, halfclose: bool = True) -> bytes:
    with connect(port) as sock:
        sock.sendall(raw)
        if halfclose:
            sock.shutdown(socket.SHUT_WR)
        return recv_until_eof(sock)


def _status(reply: bytes) -> int:
    return int(reply.split(b" ", 2)[1])


@pytest.mark.parametrize(
    "raw",
    [
        b"POST /api/len HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        b"POST /api/len HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n",
        b"POST /api/len HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
        b"Transfer-Encoding: identity\r\n\r\n",
        b"POST /api/len HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n"
        b"Transfer-Encoding: chunked, identity\r\n\r\n",
        b"POST /api/len HTTP/1.1\r\nHost: a\r\nContent-Length: +2\r\n\r\nab",
        b"POST /api/len HTTP/1.1\r\nHost: a\r\nContent-Length: 0_2\r\n\r\nab",
        b"GET /a.txt HTTP/1.1\r\n\r\n",
        b"GET /a.txt HTTP/1.9\r\n\r\n",
        b"GET /a.txt HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        b"GET /a.txt HTTP/1.1\r\nHost: a\r\nX: a\x00b\r\n\r\n",
        b"GET /%00 HTTP/1.1\r\nHost: a\r\n\r\n",
        b"GET /a.txt%00.png HTTP/1.1\r\nHost: a\r\n\r\n",
        b"GET a.txt HTTP/1.1\r\nHost: a\r\n\r\n",
    ],
    ids=[
        "two-content-lengths",
        "chunked-then-identity",
        "two-transfer-encodings",
        "content-length-and-transfer-encoding",
        "plus-length",
        "underscore-length",
        "http11-without-host",
        "http19-without-host",
        "two-hosts",
        "nul-in-header",
        "nul-in-path",
        "nul-inside-path",
        "relative-target",
    ],
)
def test_ambiguous_or_malformed_requests_get_400_and_close(port: int, raw: bytes) -> None:
    """Requests a smuggler or a broken client could send are refused with 400, then closed."""
    reply = _exchange(port, raw)
    assert _status(reply) == 400, reply
    assert b"Connection: close" in reply
    assert reply.count(b"HTTP/1.1 4") == 1  # one answer, nothing after it


def test_http19_is_served_as_http11_by_h11(port: int, parser: str) -> None:
    """A higher HTTP/1 minor version is handled as HTTP/1.1 (RFC 9110 section 2.5) by h11;
    llhttp refuses it with 400, which RFC 9112 also allows."""
    reply = _exchange(port, b"GET /a.txt HTTP/1.9\r\nHost: a\r\n\r\n")
    if parser == "h11":
        assert reply.startswith(b"HTTP/1.1 200 ")
        assert reply.endswith(b"alpha")
    else:
        assert _status(reply) == 400


def test_http2_on_an_http1_connection_is_505(port: int) -> None:
    """Another major version is refused with 505."""
    reply = _exchange(port, b"GET /a.txt HTTP/2.0\r\nHost: a\r\n\r\n")
    assert _status(reply) == 505


def test_bare_newlines_are_answered_without_waiting(port: int, parser: str) -> None:
    """Bare LF line endings are answered at once: accepted by h11 (RFC 9112 section 2.2
    allows it), refused with 400 by llhttp (also allowed)."""
    with connect(port) as sock:
        sock.sendall(b"GET /a.txt HTTP/1.1\nHost: a\nConnection: close\n\n")
        reply = recv_until_eof(sock)  # no half-close: the request alone must suffice
    if parser == "h11":
        assert reply.startswith(b"HTTP/1.1 200 ")
        assert reply.endswith(b"alpha")
    else:
        assert _status(reply) == 400


def test_chunked_request_body_is_read(port: int) -> None:
    """A chunked request body is decoded and handed to the handler."""
    raw = (
        b"POST /api/len HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n"
    )
    reply = _exchange(port, raw)
    assert _status(reply) == 200
    assert reply.endswith(b'{"len": 7}')


def test_chunked_request_body_over_the_limit_is_413(port: int) -> None:
    """A chunked body is held to maxBodyBytes like a Content-Length one."""
    chunk = b"400\r\n" + b"x" * 1024 + b"\r\n"
    raw = b"POST /api/len HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk
    assert _status(_exchange(port, raw)) == 413


def test_deeply_nested_json_is_400(port: int, parser: str) -> None:
    """JSON nested past the parser's depth is a bad request, not a server error."""
    body = b"[" * 100_000
    raw = b"POST /api/json HTTP/1.1\r\nHost: a\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    server = SimpleServer(
        protocol=lambda: HTTPProtocol({"/": JSONEndpoint(lambda r: r.json())}, parser=parser),
        port=0,
    )
    system = Running(server)
    try:
        assert _status(_exchange(server.port, raw)) == 400
    finally:
        system.close()


def test_handler_error_is_500_with_one_log_line(
    port: int, caplog: pytest.LogCaptureFixture
) -> None:
    """A handler that raises gets 500; the log has one line naming the error, no traceback."""
    with caplog.at_level(logging.ERROR, logger="Kamaelia.Protocol.SimpleHTTP"):
        reply = _exchange(port, b"GET /api/broken HTTP/1.1\r\nHost: a\r\n\r\n")
    assert _status(reply) == 500
    records = [r for r in caplog.records if r.name == "Kamaelia.Protocol.SimpleHTTP"]
    assert len(records) == 1
    assert records[0].exc_info is None
    assert "ZeroDivisionError" in records[0].getMessage()


def test_header_injection_from_a_handler_is_not_sent(port: int) -> None:
    """A response header holding CR LF is never written: the connection closes instead."""
    reply = _exchange(port, b"GET /inject HTTP/1.1\r\nHost: a\r\n\r\n")
    assert b"stolen" not in reply
    assert reply == b""
