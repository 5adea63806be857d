"""Echo round trips through SimpleServer / ServerCore."""

from __future__ import annotations

from typing import Any

from _net_harness import Probe, Running, connect, recv_exactly
from Axon.Component import component

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.IPC import serverListening
from Kamaelia.Protocol.EchoProtocol import EchoProtocol


def test_echo_round_trips_come_back_in_order() -> None:
    """Each message a client sends comes back whole and in order."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    system = Running(server)
    try:
        with connect(server.port) as sock:
            for i in range(200):
                payload = b"message %d " % i * 3
                sock.sendall(payload)
                assert recv_exactly(sock, len(payload)) == payload
    finally:
        system.close()


def test_port_zero_is_reported_as_attribute_and_message() -> None:
    """With port=0 the bound port is in server.port and in a serverListening message."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    probe = Probe()
    server.link((server, "listening"), (probe, "inbox"))
    system = Running(server, probe)
    try:
        assert server.port != 0
        assert server.address == ("127.0.0.1", server.port)
        system.wait_for(lambda: probe.received, "the serverListening message")
        (message,) = probe.received
        assert isinstance(message, serverListening)
        assert (message.host, message.port) == ("127.0.0.1", server.port)
    finally:
        system.close()


class _Describe(component):
    """Sends the connection details it was made with, then finishes."""

    def __init__(self, **info: Any) -> None:
        super().__init__()
        self.info = info

    def main(self):  # type: ignore[no-untyped-def]
        line = "{peer} {peerport} {localip} {localport}\n".format(**self.info)
        self.send(line.encode(), "outbox")
        yield 1
        from Axon.Ipc import producerFinished

        self.send(producerFinished(self), "signal")


def test_servercore_passes_connection_details_to_the_factory() -> None:
    """ServerCore calls protocol(peer=, peerport=, localip=, localport=) per connection."""
    server = ServerCore(protocol=_Describe, port=0)
    system = Running(server)
    try:
        with connect(server.port) as sock:
            own_host, own_port = sock.getsockname()
            line = sock.makefile("rb").readline().decode().split()
        assert line == [own_host, str(own_port), "127.0.0.1", str(server.port)]
    finally:
        system.close()


def test_handler_producer_finished_closes_the_connection_after_its_data() -> None:
    """A handler that sends data then producerFinished: the client gets the data, then EOF."""
    server = ServerCore(protocol=_Describe, port=0)
    system = Running(server)
    try:
        with connect(server.port) as sock:
            data = b""
            while chunk := sock.recv(100):
                data += chunk
        assert data.endswith(b"\n")
    finally:
        system.close()


def test_server_shutdown_closes_open_connections() -> None:
    """serverShutdown on control closes every connection and the scheduler finishes."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    system = Running(server)
    with connect(server.port) as sock:
        sock.sendall(b"x")
        assert recv_exactly(sock, 1) == b"x"
        system.close()
        assert sock.recv(10) == b""


def test_protocol_is_required() -> None:
    """ServerCore without a protocol factory is a TypeError naming the problem."""
    import pytest

    with pytest.raises(TypeError, match="needs protocol="):
        ServerCore(port=0)
