"""WebSocket endpoint and client, checked against the `websockets` package."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from _net_harness import Running, connect, http_request, recv_until_eof
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.testing import run_component
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect as ws_connect
from websockets.sync.server import serve as ws_serve

from Kamaelia.Chassis.ConnectedServer import ServerCore
from Kamaelia.Protocol.EchoProtocol import EchoProtocol
from Kamaelia.Protocol.HTTP.WebSocket import (
    Ping,
    Pong,
    WebSocketClient,
    WebSocketClose,
    WebSocketEndpoint,
)
from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol, JSONEndpoint

WAIT = 10


class Echo(component):
    """Echoes messages; "close" closes with 4000; "crash" raises; records how it was closed."""

    closes: list[Any] = []
    received: list[Any] = []

    def main(self):  # type: ignore[no-untyped-def]
        while True:
            while self.dataReady("inbox"):
                message = self.recv("inbox")
                Echo.received.append(message)
                if message == "close":
                    self.send(WebSocketClose(4000, "asked to"), "signal")
                elif message == "crash":
                    raise RuntimeError("echo bug")
                else:
                    self.send(message, "outbox")
            if self.dataReady("control"):
                Echo.closes.append(self.recv("control"))
                return
            self.pause()
            yield 1


def _wait_until(condition: Any) -> None:
    """Wait (bounded) for the server thread to get somewhere."""
    for _ in range(200):
        if condition():
            return
        threading.Event().wait(0.05)
    raise AssertionError("the server did not get there in 10 s")


@pytest.fixture
def port(parser: str) -> Iterator[int]:
    Echo.closes = []
    Echo.received = []
    routes = {
        "/ws": WebSocketEndpoint(lambda request: Echo(), max_message_bytes=1000),
        "/api": JSONEndpoint(lambda request: {"ok": True}),
    }
    server = ServerCore(protocol=lambda **kw: HTTPProtocol(routes, parser=parser), port=0)
    system = Running(server)
    yield server.port
    system.close()


def test_messages_and_pings_with_a_real_client(port: int) -> None:
    """Text and binary messages come back as sent; a ping is answered; plain HTTP still works."""
    with ws_connect(f"ws://127.0.0.1:{port}/ws", open_timeout=WAIT) as ws:
        ws.send("hello")
        assert ws.recv(timeout=WAIT) == "hello"
        ws.send(b"\x00\x01bytes")
        assert ws.recv(timeout=WAIT) == b"\x00\x01bytes"
        assert ws.ping(b"p").wait(WAIT)
    assert http_request(port, "/api")[1] == b'{"ok": true}'


def test_handler_closes_with_its_code(port: int) -> None:
    """A handler's WebSocketClose reaches the client as that close code and reason."""
    with ws_connect(f"ws://127.0.0.1:{port}/ws", open_timeout=WAIT) as ws:
        ws.send("close")
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=WAIT)
    assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (4000, "asked to")


def test_client_close_reaches_the_handler(port: int) -> None:
    """When the client closes, the handler gets WebSocketClose with the client's code."""
    with ws_connect(f"ws://127.0.0.1:{port}/ws", open_timeout=WAIT) as ws:
        ws.send("x")
        ws.recv(timeout=WAIT)
        ws.close(code=4001, reason="bye")
    _wait_until(lambda: bool(Echo.closes))
    assert [(c.code, c.reason) for c in Echo.closes] == [(4001, "bye")]


def test_oversized_message_closes_with_1009(port: int) -> None:
    """A message over max_message_bytes closes the connection with 1009."""
    with ws_connect(f"ws://127.0.0.1:{port}/ws", open_timeout=WAIT) as ws:
        ws.send("x" * 2000)
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=WAIT)
    assert closed.value.rcvd.code == 1009


def test_crashing_handler_closes_with_1011(port: int) -> None:
    """A handler that raises closes its connection with 1011; the server goes on."""
    with ws_connect(f"ws://127.0.0.1:{port}/ws", open_timeout=WAIT) as ws:
        ws.send("crash")
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=WAIT)
    assert closed.value.rcvd.code == 1011
    with ws_connect(f"ws://127.0.0.1:{port}/ws", open_timeout=WAIT) as ws:
        ws.send("still here")
        assert ws.recv(timeout=WAIT) == "still here"


def test_echo_protocol_serves_as_a_handler() -> None:
    """Any component fits, as the guide shows with EchoProtocol."""
    routes = {"/echo": WebSocketEndpoint(lambda request: EchoProtocol())}
    server = ServerCore(protocol=lambda **kw: HTTPProtocol(routes), port=0)
    system = Running(server)
    try:
        with ws_connect(f"ws://127.0.0.1:{server.port}/echo", open_timeout=WAIT) as ws:
            ws.send("ping?")
            assert ws.recv(timeout=WAIT) == "ping?"
    finally:
        system.close()


def test_plain_get_to_a_websocket_route_is_426(port: int) -> None:
    """Without the upgrade headers, a WebSocket route answers 426."""
    with connect(port) as sock:
        sock.sendall(b"GET /ws HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        assert recv_until_eof(sock).startswith(b"HTTP/1.1 426 ")


@pytest.fixture
def websockets_server() -> Iterator[int]:
    def handler(ws: Any) -> None:
        for message in ws:
            if message == "bye":
                ws.close(code=4002, reason="as asked")
                return
            ws.send(message)

    with ws_serve(handler, "127.0.0.1", 0) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield server.socket.getsockname()[1]
        server.shutdown()
        thread.join(WAIT)


def test_client_against_a_real_server(websockets_server: int) -> None:
    """WebSocketClient talks to a `websockets` server: messages, ping/pong, the server's close code."""
    client = WebSocketClient(f"ws://127.0.0.1:{websockets_server}/")
    out = run_component(client, {"inbox": ["hi", b"\x01\x02", Ping(b"x"), "bye"]}, timeout=WAIT)
    messages = [m for m in out["outbox"] if not isinstance(m, Pong)]
    assert messages == ["hi", b"\x01\x02"]
    assert Pong(b"x") in out["outbox"]  # the server may answer the ping before the echoes
    (closed,) = out["signal"]
    assert (closed.code, closed.reason) == (4002, "as asked")


def test_client_closes_on_producer_finished(port: int) -> None:
    """Our client to our server: producerFinished sends what is queued, then closes with 1000."""
    client = WebSocketClient(f"ws://127.0.0.1:{port}/ws")
    out = run_component(
        client, {"inbox": ["one", "two"], "control": [producerFinished()]}, timeout=WAIT
    )
    assert out["signal"][0].code == 1000
    _wait_until(lambda: bool(Echo.closes))
    assert Echo.received == ["one", "two"]
    assert Echo.closes[0].code == 1000


def test_client_reports_a_refused_connection() -> None:
    """A server that is not there ends the client with WebSocketClose(1006)."""
    import socket

    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        free = spare.getsockname()[1]
    out = run_component(WebSocketClient(f"ws://127.0.0.1:{free}/"), timeout=WAIT)
    assert out["signal"][0].code == 1006


class Quiet(component):
    """Answers "reply?" with "yes"; anything else goes unanswered."""

    def main(self):  # type: ignore[no-untyped-def]
        while not self.dataReady("control"):
            while self.dataReady("inbox"):
                if self.recv("inbox") == "reply?":
                    self.send("yes", "outbox")
            self.pause()
            yield 1


def test_a_websocket_outlives_the_http_deadlines() -> None:
    """HTTP's idle and request deadlines end at the upgrade: a WebSocket whose message
    goes unanswered, then quiet, stays open; a quiet plain HTTP connection to the same
    server is closed."""
    routes = {"/ws": WebSocketEndpoint(lambda request: Quiet())}
    server = ServerCore(
        protocol=lambda **kw: HTTPProtocol(routes, idleTimeout=0.3, requestTimeout=0.3), port=0
    )
    system = Running(server)
    try:
        with (
            # (newer websockets clients ping every 20 s: never within this test's second)
            ws_connect(f"ws://127.0.0.1:{server.port}/ws", open_timeout=WAIT) as ws,
            connect(server.port) as plain,
        ):
            ws.send("no answer to this")
            threading.Event().wait(1.0)  # 3x both deadlines, nothing either way
            ws.send("reply?")
            assert ws.recv(timeout=WAIT) == "yes"
            plain.settimeout(WAIT)
            assert plain.recv(1) == b""  # closed by the idle deadline long ago
    finally:
        system.close()
