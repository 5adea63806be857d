"""The 1.x HTTP clients and parser: GET, POST, redirects, chunked bodies, keep-alive."""

from __future__ import annotations

import logging
import socket
from typing import Any

import pytest
from _net_harness import Running
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.testing import run_component

from Kamaelia.Chassis.ConnectedServer import ServerCore
from Kamaelia.Protocol.HTTP.HTTPClient import (
    ParsedHTTPRedirect,
    SimpleHTTPClient,
    SingleShotHTTPClient,
)
from Kamaelia.Protocol.HTTP.HTTPParser import (
    HTTPParser,
    ParsedHTTPBodyChunk,
    ParsedHTTPEnd,
    ParsedHTTPHeader,
    splitUri,
)
from Kamaelia.Support.Protocol.HTTP import HTTPProtocol


class Page(component):
    """Answers per route: /chunked streams without a length, /old redirects, /echo echoes."""

    def __init__(self, request: dict[str, Any]) -> None:
        super().__init__()
        self.request = request

    def main(self):  # type: ignore[no-untyped-def]
        while not self.dataReady("control"):
            self.pause()
            yield 1
        body = b"".join(iter(lambda: self.recv("inbox") if self.dataReady("inbox") else None, None))
        route = self.request["uri-prefix-trigger"]
        if route == "/old":
            self.send(
                {"statuscode": 302, "headers": [("Location", "/chunked")], "complete": True},
                "outbox",
            )
        elif route == "/loop":
            self.send(
                {"statuscode": 302, "headers": [("Location", "/loop")], "complete": True}, "outbox"
            )
        elif route == "/text":
            page = {"statuscode": 200, "data": "h\u00e9llo", "complete": True, "type": "text/html"}
            self.send(page, "outbox")
        elif route == "/echo":
            text = f"{self.request['method']}:".encode() + body
            self.send({"statuscode": 200, "data": text, "complete": True}, "outbox")
        else:
            self.send({"statuscode": 200}, "outbox")
            for piece in (b"one ", b"two ", b"three"):
                self.send({"data": piece}, "outbox")
                yield 1
        self.send(producerFinished(self), "signal")


@pytest.fixture
def server() -> Any:
    connections: list[int] = []
    routing = [
        ["/old", Page],
        ["/loop", Page],
        ["/echo", Page],
        ["/chunked", Page],
        ["/text", Page],
    ]
    factory = HTTPProtocol(routing)

    def counted(**argd: Any) -> Any:
        connections.append(1)
        return factory(**argd)

    core = ServerCore(protocol=counted, port=0)
    system = Running(core)
    yield core.port, connections
    system.close()


def test_simple_client_gets_posts_and_reuses_the_connection(server: Any) -> None:
    """GETs and a POST to one server come back as bodies, over one kept-alive connection."""
    port, connections = server
    base = f"http://127.0.0.1:{port}"
    urls = [f"{base}/chunked", {"url": f"{base}/echo", "postbody": "hello"}, f"{base}/echo"]
    out = run_component(
        SimpleHTTPClient(), {"inbox": urls, "control": [producerFinished()]}, timeout=10
    )
    assert out["outbox"] == [b"one two three", b"POST:hello", b"GET:"]
    assert len(connections) == 1
    assert len(out["signal"]) == 1


def test_text_bodies_come_as_str(server: Any) -> None:
    """A textual response comes out as str decoded from UTF-8, as 1.x sent it; others as bytes."""
    port, _ = server
    urls = [f"http://127.0.0.1:{port}/text", f"http://127.0.0.1:{port}/echo"]
    out = run_component(
        SimpleHTTPClient(), {"inbox": urls, "control": [producerFinished()]}, timeout=10
    )
    assert out["outbox"] == ["h\u00e9llo", b"GET:"]


def test_redirects_are_followed_up_to_a_limit(server: Any) -> None:
    """A redirect is followed; a redirect loop stops after maxRedirects and yields its last body."""
    port, _ = server
    base = f"http://127.0.0.1:{port}"
    urls = [f"{base}/old", f"{base}/loop"]
    out = run_component(
        SimpleHTTPClient(), {"inbox": urls, "control": [producerFinished()]}, timeout=10
    )
    assert out["outbox"] == [b"one two three", b""]


def test_single_shot_client_sends_1x_messages(server: Any) -> None:
    """SingleShotHTTPClient reports the redirect, the 200 head, the body pieces and the end."""
    port, _ = server
    out = run_component(SingleShotHTTPClient(f"http://127.0.0.1:{port}/old"), timeout=10)
    kinds = [type(m) for m in out["outbox"]]
    assert kinds[:2] == [ParsedHTTPRedirect, ParsedHTTPHeader]
    assert kinds[-1] is ParsedHTTPEnd
    assert out["outbox"][0].redirectto == f"http://127.0.0.1:{port}/chunked"
    assert out["outbox"][1].header["headers"]["transfer-encoding"] == "chunked"
    body = b"".join(m.bodychunk for m in out["outbox"] if isinstance(m, ParsedHTTPBodyChunk))
    assert body == b"one two three"


def test_refused_connection_gives_empty_body_and_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A URL that cannot be fetched gives b"" and one warning; the client carries on."""
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    with caplog.at_level(logging.WARNING, logger="Kamaelia.Protocol.HTTP.HTTPClient"):
        out = run_component(
            SimpleHTTPClient(),
            {"inbox": [f"http://127.0.0.1:{port}/", "ftp://x/"], "control": [producerFinished()]},
            timeout=10,
        )
    assert out["outbox"] == [b"", b""]
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("Kamaelia.Protocol")]
    assert len(messages) == 2
    assert "only http://" in messages[1]


def test_parser_request_and_response_modes() -> None:
    """HTTPParser turns one request or one response into header, body pieces and end."""
    raw = b"POST /x?y=1 HTTP/1.1\r\nHost: h:1\r\nContent-Length: 3\r\n\r\nabc"
    out = run_component(HTTPParser(mode="request"), {"inbox": [raw[:20], raw[20:]]})
    header, chunk, end = out["outbox"]
    assert (header.header["method"], header.header["non-query-uri"], header.header["query"]) == (
        "POST",
        "/x",
        "y=1",
    )
    assert (chunk.bodychunk, type(end)) == (b"abc", ParsedHTTPEnd)
    raw = b"HTTP/1.0 404 Not Found\r\nServer: s\r\n\r\nbody until close"
    out = run_component(
        HTTPParser(mode="response"), {"inbox": [raw], "control": [producerFinished()]}
    )
    header, chunk, end = out["outbox"]
    assert header.header["responsecode"] == "404"
    assert chunk.bodychunk == b"body until close"
    bad = run_component(HTTPParser(), {"inbox": [b"GET / HTTP/1.1\r\n\r\n"]})
    assert bad["outbox"][0].header["bad"] == "400"


def test_split_uri() -> None:
    """splitUri gives 1.x's keys."""
    parts = splitUri("http://user:pw@example.org:8080/a/b?q=1")
    assert parts["uri-protocol"] == "http"
    assert (parts["uri-server"], parts["uri-port"]) == ("example.org", "8080")
    assert (parts["uri-username"], parts["uri-password"]) == ("user", "pw")
    assert (parts["raw-uri"], parts["non-query-uri"], parts["query"]) == ("/a/b?q=1", "/a/b", "q=1")
    assert splitUri("http://example.org")["raw-uri"] == "/"
    assert splitUri("/local")["uri-server"] == ""
