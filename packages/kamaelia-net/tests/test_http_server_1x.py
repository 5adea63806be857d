"""The 1.x HTTPServer API: routing tables, request handler components, Minimal."""

from __future__ import annotations

import http.client
import logging
import socket
from pathlib import Path
from typing import Any

import pytest
from _net_harness import Running, connect, http_request, recv_until_eof
from Axon.Component import component
from Axon.Ipc import producerFinished

from Kamaelia.Chassis.ConnectedServer import ServerCore
from Kamaelia.Protocol.HTTP.ErrorPages import getErrorPage
from Kamaelia.Protocol.HTTP.Handlers.Minimal import MinimalFactory
from Kamaelia.Protocol.HTTP.MimeTypes import workoutMimeType
from Kamaelia.Support.Protocol.HTTP import HTTPProtocol


class Streamer(component):
    """Sends a 200 without a length, then three pieces: the body is chunked."""

    def __init__(self, request: dict[str, Any]) -> None:
        super().__init__()
        self.request = request

    def main(self):  # type: ignore[no-untyped-def]
        self.send({"statuscode": "200", "type": "text/plain"}, "outbox")
        yield 1
        for word in ("one ", "two ", "three"):
            self.send({"data": word}, "outbox")
            yield 1
        self.send(producerFinished(self), "signal")


class Echo(component):
    """Answers with the request's method, suffix and body (read from its inbox)."""

    def __init__(self, request: dict[str, Any]) -> None:
        super().__init__()
        self.request = request

    def main(self):  # type: ignore[no-untyped-def]
        body = b""
        while not self.dataReady("control"):
            while self.dataReady("inbox"):
                body += self.recv("inbox")
            self.pause()
            yield 1
        while self.dataReady("inbox"):
            body += self.recv("inbox")
        text = f"{self.request['method']} {self.request['uri-suffix']} {body.decode()}"
        self.send(
            {"statuscode": 200, "data": text, "complete": True, "content-type": "text/plain"},
            "outbox",
        )
        self.send(producerFinished(self), "signal")
        yield 1


class BadHeader(component):
    """Answers with a header value holding CR LF."""

    def __init__(self, request: dict[str, Any]) -> None:
        super().__init__()

    def main(self):  # type: ignore[no-untyped-def]
        self.send({"statuscode": 200, "headers": [("X", "a\r\nSet-Cookie: s=1")]}, "outbox")
        self.send(producerFinished(self), "signal")
        yield 1


class Crasher(component):
    def __init__(self, request: dict[str, Any]) -> None:
        super().__init__()

    def main(self):  # type: ignore[no-untyped-def]
        yield 1
        raise RuntimeError("handler bug")


def _broken_factory(request: dict[str, Any]) -> Any:
    raise KeyError("no such thing")


@pytest.fixture
def port(tmp_path: Path, parser: str):  # type: ignore[no-untyped-def]
    root = tmp_path / "htdocs"
    (root / "sub").mkdir(parents=True)
    (root / "index.html").write_text("<h1>home</h1>")
    (root / "big.bin").write_bytes(bytes(range(256)) * 1024)
    (tmp_path / "secret.txt").write_text("do not serve")
    (root / "sub" / "index.html").symlink_to(tmp_path / "secret.txt")
    routing = [
        ["/stream", Streamer],
        ["/echo", Echo],
        ["/crash", Crasher],
        ["/badheader", BadHeader],
        ["/broken", _broken_factory],
        ["/", MinimalFactory("index.html", str(root))],
    ]
    factory = HTTPProtocol(routing)
    server = ServerCore(protocol=lambda **kw: factory(parser=parser, **kw), port=0)
    system = Running(server)
    yield server.port
    system.close()


def test_minimal_serves_files_with_length_and_type(port: int) -> None:
    """Minimal serves the index and a large file whole, with Content-Length and MIME type."""
    response, data = http_request(port, "/", "GET")
    assert (response.status, data) == (200, b"<h1>home</h1>")
    assert response.getheader("Content-Type") == "text/html"
    response, data = http_request(port, "/big.bin", "GET")
    assert data == bytes(range(256)) * 1024
    assert response.getheader("Content-Length") == str(256 * 1024)


def test_minimal_head_missing_and_escapes(port: int) -> None:
    """HEAD has no body; missing files, .. and symlinks out of the root are 404."""
    response, data = http_request(port, "/big.bin", "HEAD")
    assert (response.status, data, response.getheader("Content-Length")) == (
        200,
        b"",
        str(256 * 1024),
    )
    assert http_request(port, "/nothing.txt", "GET")[0].status == 404
    assert http_request(port, "/../secret.txt", "GET")[0].status == 404
    assert http_request(port, "/sub/", "GET")[0].status == 404


def test_streamed_response_is_chunked_and_keeps_the_connection(port: int) -> None:
    """A response without a length is chunked; the connection serves the next request too."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for _ in range(2):
        conn.request("GET", "/stream")
        response = conn.getresponse()
        assert response.getheader("Transfer-Encoding") == "chunked"
        assert response.read() == b"one two three"
    conn.close()


def test_request_body_reaches_the_handler(port: int) -> None:
    """A POST body arrives on the handler's inbox; the suffix below the route is passed on."""
    _response, data = http_request(port, "/echo/more", "POST", body=b"payload")
    assert data == b"POST /more payload"


def test_unrouted_and_failing_handlers(port: int, caplog: pytest.LogCaptureFixture) -> None:
    """A crashing handler or a factory that raises gives 500 and one log line each."""
    with caplog.at_level(logging.ERROR, logger="Kamaelia.Protocol.HTTP.HTTPServer"):
        assert http_request(port, "/crash", "GET")[0].status == 500
        assert http_request(port, "/broken", "GET")[0].status == 500
    lines = [r for r in caplog.records if r.name == "Kamaelia.Protocol.HTTP.HTTPServer"]
    assert [r.exc_info for r in lines] == [None, None]
    assert "RuntimeError: handler bug" in lines[0].getMessage()
    assert "KeyError" in lines[1].getMessage()


def test_error_pages_and_mime_types() -> None:
    """getErrorPage gives a resource dict with escaped text; MIME types come from extensions."""
    page = getErrorPage(404, "<script>")
    assert page["statuscode"] == "404"
    assert "&lt;script&gt;" in page["data"]
    assert workoutMimeType("a.PNG") == "image/png"
    assert workoutMimeType("noext") == "application/octet-stream"


def test_header_injection_is_never_written(port: int) -> None:
    """A handler's header holding CR LF closes the connection; nothing of it is sent."""
    with connect(port) as sock:
        sock.sendall(b"GET /badheader HTTP/1.1\r\nHost: a\r\n\r\n")
        sock.shutdown(socket.SHUT_WR)
        assert recv_until_eof(sock) == b""
    assert http_request(port, "/", "GET")[0].status == 200
