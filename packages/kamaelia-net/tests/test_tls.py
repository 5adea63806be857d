"""TLS servers and clients with the stdlib ssl module."""

from __future__ import annotations

import os

from _net_harness import Probe, Running, connect, recv_exactly
from Axon.Ipc import producerFinished

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Internet.TCPClient import TCPClient
from Kamaelia.IPC import connectionFailed
from Kamaelia.Protocol.EchoProtocol import EchoProtocol


def test_tls_echo_with_a_stdlib_client(tls_contexts: tuple) -> None:
    """A TLS server echoes 1 MB to an ssl client that verifies its certificate."""
    server_ctx, client_ctx = tls_contexts
    server = SimpleServer(protocol=EchoProtocol, port=0, sslContext=server_ctx)
    system = Running(server)
    payload = os.urandom(1 << 20)
    try:
        with client_ctx.wrap_socket(connect(server.port), server_hostname="localhost") as sock:
            for _ in range(3):
                sock.sendall(b"hello")
                assert recv_exactly(sock, 5) == b"hello"
            # One thread, chunk by chunk: an SSL socket must not be read and written
            # from two threads at once (OpenSSL's connection state is not shared-safe).
            chunk = 64 * 1024
            echoed = b""
            for start in range(0, len(payload), chunk):
                sock.sendall(payload[start : start + chunk])
                echoed += recv_exactly(sock, len(payload[start : start + chunk]))
            assert echoed == payload
    finally:
        system.close()


def test_tls_tcpclient_to_tls_server(tls_contexts: tuple) -> None:
    """TCPClient with sslContext talks TLS to a TLS ServerCore and finishes once."""
    server_ctx, client_ctx = tls_contexts
    server = SimpleServer(protocol=EchoProtocol, port=0, sslContext=server_ctx)
    client = TCPClient("127.0.0.1", server.port, sslContext=client_ctx, serverHostname="localhost")
    probe = Probe()
    probe.link((probe, "outbox"), (client, "inbox"))
    probe.link((probe, "signal"), (client, "control"))
    client.link((client, "outbox"), (probe, "inbox"))
    client.link((client, "signal"), (probe, "control"))
    system = Running(server, client, probe)
    try:
        system.call(lambda: probe.send(b"over tls", "outbox"))
        system.wait_for(lambda: b"".join(probe.received) == b"over tls", "the TLS echo")
        system.call(lambda: probe.send(producerFinished(), "signal"))
        system.wait_for(client._isStopped, "the client to finish")
        assert len(probe.controls) == 1
        assert not isinstance(probe.controls[0], connectionFailed)
    finally:
        system.close()


def test_tls_client_rejects_an_untrusted_server(tls_contexts: tuple) -> None:
    """A client context that does not trust the certificate ends the connection at handshake."""
    import ssl

    server_ctx, _ = tls_contexts
    server = SimpleServer(protocol=EchoProtocol, port=0, sslContext=server_ctx)
    client = TCPClient("127.0.0.1", server.port, sslContext=ssl.create_default_context())
    probe = Probe()
    client.link((client, "signal"), (probe, "control"))
    system = Running(server, client, probe)
    try:
        system.wait_for(client._isStopped, "the client to give up")
        (message,) = probe.controls
        assert isinstance(message, producerFinished)
        assert isinstance(message.message, ssl.SSLCertVerificationError)
    finally:
        system.close()


def test_makessl_upgrades_a_plain_connection(tls_contexts: tuple) -> None:
    """A message on TCPClient's "makessl" starts TLS; "sslready" says so and data flows over it."""
    import socket
    import ssl
    import threading

    server_ctx, client_ctx = tls_contexts
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    got: list[bytes] = []

    def starttls_server() -> None:
        # Plain TCP first, then TLS on the same connection (as a STARTTLS service does).
        conn, _ = listener.accept()
        conn.settimeout(10)
        with server_ctx.wrap_socket(conn, server_side=True) as tls:
            got.append(tls.recv(100))
            tls.sendall(b"secured reply")

    thread = threading.Thread(target=starttls_server, daemon=True)
    thread.start()
    client = TCPClient("127.0.0.1", port, serverHostname="localhost")
    probe = Probe()
    probe.link((probe, "outbox"), (client, "makessl"))
    probe.link((probe, "signal"), (client, "inbox"))
    client.link((client, "sslready"), (probe, "control"))
    client.link((client, "outbox"), (probe, "inbox"))
    system = Running(client, probe)
    try:
        system.call(lambda: probe.send(client_ctx, "outbox"))
        system.wait_for(lambda: probe.controls == [b""], "sslready")
        system.call(lambda: probe.send(b"over starttls", "signal"))
        system.wait_for(lambda: b"".join(probe.received) == b"secured reply", "the TLS reply")
        thread.join(10)
        assert got == [b"over starttls"]
        assert isinstance(client.CSA.socket, ssl.SSLSocket)
    finally:
        listener.close()
        system.deliver(client.CSA, "control", producerFinished())
        system.close()


def test_silent_tls_peer_is_dropped_after_the_handshake_timeout(tls_contexts: tuple) -> None:
    """A peer that connects to a TLS server and never handshakes is closed after the timeout."""
    from Kamaelia.Internet.ConnectedSocketAdapter import ConnectedSocketAdapter
    from Kamaelia.Internet.TCPServer import TCPServer

    class QuickCSA(ConnectedSocketAdapter):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, handshakeTimeout=0.2, **kwargs)

    class QuickServer(TCPServer):
        CSA = QuickCSA

    server_ctx, _ = tls_contexts
    server = SimpleServer(protocol=EchoProtocol, port=0, sslContext=server_ctx, TCPS=QuickServer)
    system = Running(server)
    try:
        from _net_harness import is_closed_by_peer

        with connect(server.port) as silent:
            assert is_closed_by_peer(silent)
        system.wait_for(lambda: not server.connectedSockets, "the server to forget the peer")
    finally:
        system.close()


def test_tls_server_ends_with_close_notify(tls_contexts: tuple) -> None:
    """When the server closes a TLS connection, the client sees a clean TLS end, not a bare EOF."""
    from Axon.Component import component

    class Goodbye(component):
        def main(self):  # type: ignore[no-untyped-def]
            self.send(b"bye", "outbox")
            yield 1
            self.send(producerFinished(self), "signal")

    server_ctx, client_ctx = tls_contexts
    server = SimpleServer(protocol=Goodbye, port=0, sslContext=server_ctx)
    system = Running(server)
    try:
        strict = client_ctx.wrap_socket(
            connect(server.port), server_hostname="localhost", suppress_ragged_eofs=False
        )
        with strict as sock:
            assert recv_exactly(sock, 3) == b"bye"
            # Without close_notify this raises SSLEOFError (UNEXPECTED_EOF_WHILE_READING).
            assert sock.recv(10) == b""
    finally:
        system.close()
