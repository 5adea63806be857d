"""Peers that reset, send oversize frames, stay silent or send garbage are dropped alone."""

from __future__ import annotations

import random
import socket
import struct
import time

import pytest
from _net_harness import Running, connect, is_closed_by_peer, recv_exactly

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Protocol.EchoProtocol import EchoProtocol
from Kamaelia.Protocol.Framing import LengthPrefixDeFramer, LengthPrefixFramer

MAX_FRAME = 1 << 16


def _framed_server(**options: object) -> ServerCore:
    def protocol(**_: object) -> Pipeline:
        return Pipeline(
            LengthPrefixDeFramer(maxFrameSize=MAX_FRAME), EchoProtocol(), LengthPrefixFramer()
        )

    return ServerCore(protocol=protocol, port=0, **options)


def _frame(payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + payload


def _round_trip(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(_frame(payload))
    assert recv_exactly(sock, 4 + len(payload)) == _frame(payload)


@pytest.fixture
def framed() -> object:
    server = _framed_server()
    system = Running(server)
    yield server, system
    system.close()


def test_reset_mid_message_drops_only_that_connection(framed: tuple) -> None:
    """A peer that resets halfway through a frame is dropped; another peer carries on."""
    server, system = framed
    with connect(server.port) as good:
        _round_trip(good, b"before")
        bad = connect(server.port)
        bad.sendall(struct.pack(">I", 1000) + b"only ten b")
        bad.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        bad.close()  # linger 0: the kernel sends RST
        system.wait_for(lambda: len(server.connectedSockets) == 1, "the reset peer to be dropped")
        _round_trip(good, b"after")


def test_oversize_frame_closes_that_connection_only(framed: tuple) -> None:
    """A frame header over the maximum closes that connection; others are unaffected."""
    server, system = framed
    with connect(server.port) as good, connect(server.port) as bad:
        _round_trip(good, b"x" * 100)
        bad.sendall(struct.pack(">I", MAX_FRAME + 1) + b"y" * 100)
        assert is_closed_by_peer(bad)
        _round_trip(good, b"z" * MAX_FRAME)  # exactly the maximum is fine
        system.wait_for(lambda: len(server.connectedSockets) == 1, "the bad peer to be dropped")


def test_replies_to_frames_before_an_oversize_one_are_still_sent(framed: tuple) -> None:
    """Valid frames in the same read as an oversize header are answered before the close."""
    server, _system = framed
    with connect(server.port) as sock:
        sock.sendall(_frame(b"first") + _frame(b"second") + struct.pack(">I", MAX_FRAME + 1))
        assert recv_exactly(sock, 2 * 4 + 11) == _frame(b"first") + _frame(b"second")
        assert is_closed_by_peer(sock)


def test_random_bytes_close_that_connection_only(framed: tuple) -> None:
    """A peer sending random bytes is dropped; a well-behaved peer is unaffected."""
    server, _system = framed
    noise = random.Random(1234).randbytes(1 << 16)
    assert struct.unpack(">I", noise[:4])[0] > MAX_FRAME  # the seed gives a bogus header
    with connect(server.port) as good, connect(server.port) as bad:
        bad.sendall(noise)
        assert is_closed_by_peer(bad)
        _round_trip(good, b"still here")


def test_idle_connection_is_closed_after_the_timeout() -> None:
    """With idleTimeout, a silent peer is closed; a chatty one stays connected."""
    server = SimpleServer(protocol=EchoProtocol, port=0, idleTimeout=0.3)
    system = Running(server)
    try:
        with connect(server.port) as silent, connect(server.port) as chatty:
            started = time.monotonic()
            deadline = started + 5
            while time.monotonic() < started + 0.6:
                chatty.sendall(b".")
                assert recv_exactly(chatty, 1) == b"."
                time.sleep(0.05)
            assert is_closed_by_peer(silent)
            assert time.monotonic() < deadline
            chatty.sendall(b"!")
            assert recv_exactly(chatty, 1) == b"!"
    finally:
        system.close()


def test_garbage_tls_handshake_is_dropped_alone(tls_contexts: tuple) -> None:
    """Plain bytes sent to a TLS server end that connection; a TLS client still works."""
    import ssl

    server_ctx, client_ctx = tls_contexts
    server = SimpleServer(protocol=EchoProtocol, port=0, sslContext=server_ctx)
    system = Running(server)
    try:
        with connect(server.port) as bad:
            bad.sendall(b"GET / HTTP/1.0\r\n\r\n")
            assert is_closed_by_peer(bad)
        with client_ctx.wrap_socket(connect(server.port), server_hostname="localhost") as good:
            good.sendall(b"secure")
            assert recv_exactly(good, 6) == b"secure"
        assert ssl
    finally:
        system.close()


def test_crashing_handler_closes_only_its_connection(caplog: pytest.LogCaptureFixture) -> None:
    """A protocol handler that raises is logged and its connection closed; the server goes on."""
    from Axon.Component import component

    class Fragile(component):
        def main(self):  # type: ignore[no-untyped-def]
            while not self.dataReady("control"):
                while self.dataReady("inbox"):
                    data = self.recv("inbox")
                    if data.startswith(b"boom"):
                        raise RuntimeError("handler bug")
                    self.send(data, "outbox")
                self.pause()
                yield 1

    server = SimpleServer(protocol=Fragile, port=0)
    system = Running(server)
    try:
        with connect(server.port) as good, connect(server.port) as bad:
            good.sendall(b"fine")
            assert recv_exactly(good, 4) == b"fine"
            bad.sendall(b"boom")
            assert is_closed_by_peer(bad)
            good.sendall(b"still fine")
            assert recv_exactly(good, 10) == b"still fine"
        assert "crashed; closing that connection" in caplog.text
        assert "handler bug" in caplog.text
    finally:
        system.close()
