"""An idle server with open connections sleeps: it does not poll."""

from __future__ import annotations

import time

from _net_harness import Running, connect, recv_exactly

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Protocol.EchoProtocol import EchoProtocol


def test_idle_server_uses_almost_no_cpu() -> None:
    """With 20 idle connections, the process uses under 10% of one CPU over a second."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    system = Running(server)
    socks = [connect(server.port) for _ in range(20)]
    try:
        for sock in socks:  # every connection set up and answered once
            sock.sendall(b"?")
            assert recv_exactly(sock, 1) == b"?"
        cpu_before, wall_before = time.process_time(), time.monotonic()
        time.sleep(1.0)  # the behaviour under test is what happens while nothing happens
        cpu = time.process_time() - cpu_before
        wall = time.monotonic() - wall_before
        assert cpu < 0.1 * wall, f"{cpu:.3f} s of CPU in {wall:.3f} s while idle"
        socks[0].sendall(b"!")  # and it still wakes at once
        assert recv_exactly(socks[0], 1) == b"!"
    finally:
        for sock in socks:
            sock.close()
        system.close()
