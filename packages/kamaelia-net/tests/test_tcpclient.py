"""TCPClient: round trips, one producerFinished, clear connection errors."""

from __future__ import annotations

import socket

from _net_harness import Probe, Running
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Internet._errors import ConnectError
from Kamaelia.Internet.TCPClient import TCPClient
from Kamaelia.IPC import connectionFailed
from Kamaelia.Protocol.EchoProtocol import EchoProtocol


def _wired(client: TCPClient) -> Probe:
    """A probe that feeds the client's inbox/control and records its outbox/signal."""
    probe = Probe()
    probe.link((probe, "outbox"), (client, "inbox"))
    probe.link((probe, "signal"), (client, "control"))
    client.link((client, "outbox"), (probe, "inbox"))
    client.link((client, "signal"), (probe, "control"))
    return probe


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_round_trip_then_producer_finished_exactly_once() -> None:
    """Data echoes through; producerFinished on control ends it with one producerFinished out."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    client = TCPClient("127.0.0.1", server.port)
    probe = _wired(client)
    system = Running(server, client, probe)
    try:
        system.call(lambda: probe.send(b"ping", "outbox"))
        system.wait_for(lambda: b"".join(probe.received) == b"ping", "the echo")
        system.call(lambda: probe.send(producerFinished(), "signal"))
        system.wait_for(client._isStopped, "the client to finish")
        finished = [m for m in probe.controls if isinstance(m, producerFinished)]
        assert len(finished) == 1
        assert not isinstance(finished[0], connectionFailed)
        assert finished[0].caller is client
    finally:
        system.close()


def test_server_closing_ends_the_client_with_one_producer_finished() -> None:
    """When the server closes, everything it sent arrives, then exactly one producerFinished."""
    from Axon.Component import component

    class Greeter(component):
        def main(self):  # type: ignore[no-untyped-def]
            self.send(b"hello and goodbye", "outbox")
            yield 1
            self.send(producerFinished(self), "signal")

    server = ServerCore(protocol=lambda **_: Greeter(), port=0)
    client = TCPClient("127.0.0.1", server.port)
    probe = _wired(client)
    system = Running(server, client, probe)
    try:
        system.wait_for(client._isStopped, "the client to finish")
        assert b"".join(probe.received) == b"hello and goodbye"
        assert len(probe.controls) == 1
        assert isinstance(probe.controls[0], producerFinished)
    finally:
        system.close()


def test_connection_refused_is_a_clear_error_on_signal() -> None:
    """Connecting to a closed port sends one connectionFailed naming host, port and reason."""
    port = _free_port()
    client = TCPClient("127.0.0.1", port)
    probe = _wired(client)
    system = Running(client, probe)
    try:
        system.wait_for(client._isStopped, "the client to give up")
        (message,) = probe.controls
        assert isinstance(message, connectionFailed)
        assert isinstance(message.exception, ConnectError)
        assert f"could not connect to 127.0.0.1:{port}" in str(message.exception)
        assert "refused" in str(message.exception).lower()
    finally:
        system.close()


def test_unknown_host_is_a_clear_error_on_signal() -> None:
    """An unresolvable name sends one connectionFailed naming the host."""
    client = TCPClient("no-such-host.invalid", 80, connect_timeout=8)
    probe = _wired(client)
    system = Running(client, probe)
    try:
        system.wait_for(client._isStopped, "the client to give up")
        (message,) = probe.controls
        assert isinstance(message, connectionFailed)
        assert "could not connect to no-such-host.invalid:80" in str(message.exception)
    finally:
        system.close()


def test_shutdown_before_connecting_is_passed_on_once() -> None:
    """shutdownMicroprocess during the start delay aborts and is passed on, alone, on signal."""
    client = TCPClient("127.0.0.1", _free_port(), delay=30)
    probe = _wired(client)
    system = Running(client, probe)
    try:
        stop = shutdownMicroprocess()
        system.call(lambda: probe.send(stop, "signal"))
        system.wait_for(client._isStopped, "the client to stop")
        assert probe.controls == [stop]
    finally:
        system.close()


def test_wait_for_serverclose_half_closes_and_reads_the_reply() -> None:
    """With wait_for_serverclose, producerFinished half-closes; the server's reply still arrives."""
    from Axon.Component import component

    class Collect(component):
        """Collects the request; on producerFinished answers with its length."""

        def main(self):  # type: ignore[no-untyped-def]
            size = 0
            while not self.dataReady("control"):
                while self.dataReady("inbox"):
                    size += len(self.recv("inbox"))
                self.pause()
                yield 1
            while self.dataReady("inbox"):
                size += len(self.recv("inbox"))
            self.send(b"got %d" % size, "outbox")
            self.send(producerFinished(self), "signal")

    server = ServerCore(protocol=lambda **_: Collect(), port=0)
    client = TCPClient("127.0.0.1", server.port, wait_for_serverclose=True)
    probe = _wired(client)
    system = Running(server, client, probe)
    try:
        system.call(lambda: probe.send(b"x" * 100000, "outbox"))
        system.call(lambda: probe.send(producerFinished(), "signal"))
        system.wait_for(client._isStopped, "the client to finish")
        assert b"".join(probe.received) == b"got 100000"
        assert len(probe.controls) == 1
    finally:
        system.close()


def test_send_queue_is_bounded_by_default() -> None:
    """A producer feeding a server that never reads meets noSpaceInBox instead of growing memory."""
    from Axon.AxonExceptions import noSpaceInBox
    from Axon.Component import component

    chunk = b"x" * 65536

    class Flood(component):
        def __init__(self) -> None:
            super().__init__()
            self.sent = 0
            self.full = False

        def main(self):  # type: ignore[no-untyped-def]
            while self.sent < 20000 and not self.full:
                try:
                    self.send(chunk, "outbox")
                    self.sent += 1
                except noSpaceInBox:
                    self.full = True
                yield 1

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # the connection completes in the kernel; nobody ever reads it
        client = TCPClient("127.0.0.1", listener.getsockname()[1])
        flood = Flood()
        flood.link((flood, "outbox"), (client, "inbox"))
        system = Running(client, flood)
        try:
            system.wait_for(flood._isStopped, "the flood to stop")
            assert flood.full
            # 1,024 queued messages plus what the kernel's socket buffers took.
            assert flood.sent < 1024 + (64 << 20) // len(chunk)
        finally:
            system.deliver(client, "control", shutdownMicroprocess())
            system.close()


def test_impossible_ports_and_addresses_are_refused_at_construction() -> None:
    """Port 99999 or host 256.1.1.1 can never connect: TCPClient says so when it is built."""
    import pytest

    with pytest.raises(ValueError, match=r"TCPClient: port must be 1-65535, got 99999"):
        TCPClient("127.0.0.1", 99999)
    with pytest.raises(ValueError, match=r"TCPClient: host '256.1.1.1' is not a valid IP"):
        TCPClient("256.1.1.1", 80)


def test_kamaelia_run_of_a_client_that_cannot_connect_fails_in_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A graph whose TCPClient is refused exits non-zero with one line naming host and port."""
    import subprocess
    import sys

    port = _free_port()
    graph = tmp_path / "client.toml"
    graph.write_text(
        f'[components.c]\ntype = "TCPClient"\nargs = {{ host = "127.0.0.1", port = {port} }}\n'
    )
    cli = "from Kamaelia.Chassis._cli import main; raise SystemExit(main())"
    done = subprocess.run(
        [sys.executable, "-c", cli, "run", str(graph)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert f"127.0.0.1:{port}" in done.stderr
    assert "refused" in done.stderr
