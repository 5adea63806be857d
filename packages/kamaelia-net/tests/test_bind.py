"""Servers bind 127.0.0.1 by default and report a busy port clearly."""

from __future__ import annotations

import socket

import pytest

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Internet._errors import BindError
from Kamaelia.Internet.SingleServer import SingleServer
from Kamaelia.Internet.TCPServer import TCPServer
from Kamaelia.Protocol.EchoProtocol import EchoProtocol


@pytest.fixture
def busy_port() -> int:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        yield holder.getsockname()[1]


def test_default_host_is_loopback() -> None:
    """Without a host, a server listens on 127.0.0.1 only."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    try:
        assert server.address[0] == "127.0.0.1"
    finally:
        server.server.stop()


def test_port_in_use_raises_bind_error_naming_the_address(busy_port: int) -> None:
    """A port in use is a BindError naming host:port, raised when the server is made."""
    with pytest.raises(BindError, match=f"could not listen on 127.0.0.1:{busy_port}"):
        TCPServer(listenport=busy_port)


def test_servercore_port_in_use_raises(busy_port: int) -> None:
    """ServerCore reports a busy port at construction instead of idling silently (1.x)."""
    with pytest.raises(BindError, match=f"ServerCore|TCPServer could not listen.*:{busy_port}"):
        ServerCore(protocol=EchoProtocol, port=busy_port)


def test_singleserver_port_in_use_raises(busy_port: int) -> None:
    """SingleServer reports a busy port at construction too."""
    with pytest.raises(OSError, match=f"127.0.0.1:{busy_port}"):
        SingleServer(port=busy_port)


def test_bind_error_keeps_errno() -> None:
    """BindError is an OSError with the original errno, so generic handlers still work."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        with pytest.raises(OSError, match="Address already in use") as caught:
            TCPServer(listenport=holder.getsockname()[1])
    import errno

    assert caught.value.errno == errno.EADDRINUSE
