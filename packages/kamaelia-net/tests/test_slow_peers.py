"""Slow and numerous peers: request deadlines, a connection cap and quiet logs."""

from __future__ import annotations

import errno
import socket
import time
from typing import Any

import pytest
from _net_harness import Running, connect, is_closed_by_peer, recv_exactly
from Axon.Component import component

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.IPC import connectionDeadline, connectionTimeouts
from Kamaelia.Protocol.EchoProtocol import EchoProtocol
from Kamaelia.Protocol.Framing import LineDeFramer, LineFramer


def _line_server(**options: Any) -> ServerCore:
    return ServerCore(
        protocol=lambda **_: Pipeline(LineDeFramer(), LineFramer()), port=0, **options
    )


def test_a_peer_dribbling_one_request_is_cut_off_at_the_request_deadline() -> None:
    """1 byte every 0.1 s keeps idleTimeout happy, but not requestTimeout; others are served."""
    server = _line_server(idleTimeout=5, requestTimeout=0.5)
    system = Running(server)
    try:
        with connect(server.port) as slow, connect(server.port) as good:
            started = time.monotonic()
            closed = False
            while time.monotonic() - started < 4 and not closed:
                try:
                    slow.sendall(b"x")
                except OSError:
                    closed = True
                    break
                good.sendall(b"ping\n")
                assert recv_exactly(good, 5) == b"ping\n"
                slow.settimeout(0.1)
                try:
                    closed = slow.recv(1) == b""
                except TimeoutError:
                    pass
                except ConnectionResetError:
                    closed = True
            assert closed, "the dribbling peer was not cut off"
            assert time.monotonic() - started < 3
            good.sendall(b"still here\n")
            assert recv_exactly(good, 11) == b"still here\n"
    finally:
        system.close()


def test_a_peer_that_gets_its_replies_in_time_is_never_cut_off() -> None:
    """Each answered request restarts the deadline: a steady client outlives requestTimeout."""
    server = _line_server(requestTimeout=0.3)
    system = Running(server)
    try:
        with connect(server.port) as sock:
            started = time.monotonic()
            while time.monotonic() - started < 1.0:
                sock.sendall(b"abc\n")
                assert recv_exactly(sock, 4) == b"abc\n"
                time.sleep(0.05)
    finally:
        system.close()


def test_connections_beyond_the_cap_wait_and_the_limit_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """With maxConnections=2 a third client waits in the backlog until one leaves."""
    server = SimpleServer(protocol=EchoProtocol, port=0, maxConnections=2)
    system = Running(server)
    try:
        first, second = connect(server.port), connect(server.port)
        for sock in (first, second):
            sock.sendall(b"hi")
            assert recv_exactly(sock, 2) == b"hi"
        third = connect(server.port)  # the kernel completes it; the server does not take it
        third.sendall(b"wait")
        third.settimeout(0.3)
        with pytest.raises(TimeoutError):
            third.recv(4)
        assert "connection limit (2)" in caplog.text
        first.close()
        third.settimeout(5)
        assert recv_exactly(third, 4) == b"wait"
        second.close()
        third.close()
    finally:
        system.close()


def test_accept_errors_are_logged_at_a_limited_rate(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running out of descriptors for a while gives one warning, not one per retry."""
    import Kamaelia.Internet.TCPServer as tcpserver

    monkeypatch.setattr(tcpserver, "_BACKOFF", 0.01)
    server = SimpleServer(protocol=EchoProtocol, port=0)
    real_listener = server.server.listener

    class Exhausted:
        def __init__(self) -> None:
            self.calls = 0

        def accept(self) -> Any:
            self.calls += 1
            raise OSError(errno.EMFILE, "Too many open files")

        def __getattr__(self, name: str) -> Any:
            return getattr(real_listener, name)

    fake = Exhausted()
    server.server.listener = fake
    system = Running(server)
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5):
            system.wait_for(lambda: fake.calls >= 20, "20 failed accepts")
        warnings = [r for r in caplog.records if "accept() failed" in r.getMessage()]
        assert 1 <= len(warnings) <= 2
    finally:
        server.server.listener = real_listener
        system.close()


def test_a_handler_can_set_and_clear_its_connection_deadline() -> None:
    """connectionDeadline(s) on the handler's signal closes the connection unless cleared in time."""

    class Guarded(component):
        """b"arm" sets a 0.3 s deadline, b"done" clears it; everything is echoed."""

        def main(self):  # type: ignore[no-untyped-def]
            while not self.dataReady("control"):
                while self.dataReady("inbox"):
                    data = self.recv("inbox")
                    if data == b"arm":
                        self.send(connectionDeadline(0.3), "signal")
                    elif data == b"done":
                        self.send(connectionDeadline(None), "signal")
                    self.send(data, "outbox")
                self.pause()
                yield 1

    server = SimpleServer(protocol=Guarded, port=0)
    system = Running(server)
    try:
        with connect(server.port) as cleared, connect(server.port) as expired:
            for sock in (cleared, expired):
                sock.sendall(b"arm")
                assert recv_exactly(sock, 3) == b"arm"
            cleared.sendall(b"done")
            assert recv_exactly(cleared, 4) == b"done"
            assert is_closed_by_peer(expired)
            cleared.sendall(b"alive")
            assert recv_exactly(cleared, 5) == b"alive"
    finally:
        system.close()


def _http_server(**protocol_options: Any) -> SimpleServer:
    from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol, JSONEndpoint

    routes = {"/": JSONEndpoint(lambda request: {"ok": True})}
    return SimpleServer(protocol=lambda: HTTPProtocol(routes, **protocol_options), port=0)


def test_http_protocols_bring_request_and_idle_deadlines_by_default() -> None:
    """Without any server option, HTTP connections get 30 s per request and 75 s idle."""
    from Kamaelia.Protocol.HTTP.HTTPServer import HTTPServer
    from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol

    for handler in (HTTPProtocol({}), HTTPServer(lambda request: None)):
        timeouts = handler.connectionTimeouts
        assert (timeouts.idleTimeout, timeouts.requestTimeout) == (75.0, 30.0)


def test_an_http_slowloris_is_cut_off_by_the_protocols_own_deadline() -> None:
    """HTTPProtocol(requestTimeout=) reaches the connection though the server sets no limit."""
    server = _http_server(requestTimeout=0.3)
    system = Running(server)
    try:
        with connect(server.port) as slow, connect(server.port) as good:
            slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
            slow.settimeout(3)
            started = time.monotonic()
            assert is_closed_by_peer(slow)
            assert time.monotonic() - started < 2.5
            good.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            assert recv_exactly(good, 15) == b"HTTP/1.1 200 OK"
    finally:
        system.close()


def test_an_idle_http_connection_is_closed_and_a_server_setting_wins() -> None:
    """HTTPProtocol(idleTimeout=) closes a silent connection; ServerCore's own value overrides."""
    server = _http_server(idleTimeout=0.3)
    system = Running(server)
    try:
        with connect(server.port) as silent:
            silent.settimeout(3)
            assert is_closed_by_peer(silent)
    finally:
        system.close()
    from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol

    patient = SimpleServer(
        protocol=lambda: HTTPProtocol({}, idleTimeout=0.2), port=0, idleTimeout=30
    )
    system = Running(patient)
    try:
        with connect(patient.port) as silent:
            silent.settimeout(0.8)
            with pytest.raises(TimeoutError):
                silent.recv(1)  # still open after 4x the protocol's own idle deadline
    finally:
        system.close()


class Shortens(component):
    """On b"short" asks for a 0.3 s idle deadline; echoes everything."""

    def main(self):  # type: ignore[no-untyped-def]
        while not self.dataReady("control"):
            while self.dataReady("inbox"):
                data = self.recv("inbox")
                if data == b"short":
                    self.send(connectionTimeouts(idleTimeout=0.3), "signal")
                self.send(data, "outbox")
            self.pause()
            yield 1


def test_a_handler_sets_its_connections_deadlines_unless_the_server_did() -> None:
    """connectionTimeouts on a handler's signal sets the idle deadline; a server's own wins."""
    for options, closes in (({}, True), ({"idleTimeout": 30}, False)):
        server = SimpleServer(protocol=Shortens, port=0, **options)
        system = Running(server)
        try:
            with connect(server.port) as sock:
                sock.sendall(b"short")
                assert recv_exactly(sock, 5) == b"short"
                sock.settimeout(1.0)
                if closes:
                    assert is_closed_by_peer(sock)
                else:
                    with pytest.raises(TimeoutError):
                        sock.recv(1)
        finally:
            system.close()


@pytest.mark.parametrize(
    "bad", [{"idleTimeout": 0}, {"requestTimeout": -1}, {"idleTimeout": float("nan")}]
)
def test_connection_timeouts_must_be_positive_or_none(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"connectionTimeouts needs .* > 0 or None"):
        connectionTimeouts(**bad)
