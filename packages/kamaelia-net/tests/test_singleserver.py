"""SingleServer: one client at a time, through the server's own boxes."""

from __future__ import annotations

from _net_harness import Probe, Running, connect, is_closed_by_peer, recv_exactly
from Axon.Ipc import producerFinished

from Kamaelia.Internet.SingleServer import SingleServer, echo


def test_one_client_at_a_time_and_signal_on_disconnect() -> None:
    """The first client is served; a second is closed; disconnect sends producerFinished."""
    server = SingleServer(port=0)
    handler = echo()
    probe = Probe()
    server.link((server, "outbox"), (handler, "inbox"))
    server.link((handler, "outbox"), (server, "inbox"))
    server.link((server, "signal"), (probe, "control"))
    system = Running(server, handler, probe)
    try:
        with connect(server.port) as first:
            first.sendall(b"one")
            assert recv_exactly(first, 3) == b"one"
            with connect(server.port) as second:
                assert is_closed_by_peer(second)
            first.sendall(b"two")
            assert recv_exactly(first, 3) == b"two"
        system.wait_for(lambda: probe.controls, "producerFinished after the disconnect")
        assert isinstance(probe.controls[0], producerFinished)
        with connect(server.port) as third:  # and it serves the next client
            third.sendall(b"three")
            assert recv_exactly(third, 5) == b"three"
    finally:
        system.deliver(handler, "control", producerFinished())
        system.close()
