"""A client that half-closes (shuts down its sending side) still gets its replies."""

from __future__ import annotations

import os
import socket

from _net_harness import Running, connect, recv_until_eof

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Protocol.EchoProtocol import EchoProtocol


def test_half_closed_client_gets_every_pending_byte_then_eof() -> None:
    """Send 2 MB, shut down writing, read: all 2 MB come back, then the server closes."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    system = Running(server)
    payload = os.urandom(2 << 20)
    try:
        with connect(server.port) as sock:
            sock.sendall(payload)
            sock.shutdown(socket.SHUT_WR)
            assert recv_until_eof(sock) == payload
        system.wait_for(lambda: not server.connectedSockets, "the server to forget the connection")
    finally:
        system.close()


def test_half_close_with_a_request_response_handler() -> None:
    """An HTTP/1.0-style client (request, SHUT_WR, read to EOF) gets the whole answer."""
    from Axon.Component import component
    from Axon.Ipc import producerFinished

    class Upper(component):
        """Collects the whole request; on producerFinished answers it in upper case."""

        def main(self):  # type: ignore[no-untyped-def]
            request = b""
            while not self.dataReady("control"):
                while self.dataReady("inbox"):
                    request += self.recv("inbox")
                self.pause()
                yield 1
            while self.dataReady("inbox"):
                request += self.recv("inbox")
            self.send(request.upper(), "outbox")
            self.send(producerFinished(self), "signal")

    server = ServerCore(protocol=lambda **_: Upper(), port=0)
    system = Running(server)
    try:
        with connect(server.port) as sock:
            sock.sendall(b"hello there")
            sock.shutdown(socket.SHUT_WR)
            assert recv_until_eof(sock) == b"HELLO THERE"
    finally:
        system.close()
