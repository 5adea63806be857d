"""Many concurrent clients doing request/response round trips."""

from __future__ import annotations

import resource
import selectors
import socket
import time

from _net_harness import Running, connect

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Protocol.EchoProtocol import EchoProtocol

CLIENTS = 500
ROUNDS = 5


def _raise_fd_limit(needed: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(hard, needed)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def _request(client: int, round_: int) -> bytes:
    return (f"client {client} round {round_};" * (1 + client % 7)).encode()


def test_500_concurrent_clients_get_every_reply_complete_and_in_order() -> None:
    """500 clients each do 5 round trips at once; every reply is exact and in order."""
    _raise_fd_limit(4 * CLIENTS + 100)
    server = SimpleServer(protocol=EchoProtocol, port=0)
    system = Running(server)
    sel = selectors.DefaultSelector()
    socks: list[socket.socket] = []
    try:
        state = {}
        for i in range(CLIENTS):
            sock = connect(server.port)
            sock.setblocking(False)
            socks.append(sock)
            state[sock] = {"id": i, "round": 0, "got": b""}
            sock.send(_request(i, 0))  # small: fits the socket buffer at once
            sel.register(sock, selectors.EVENT_READ)
        remaining = CLIENTS
        deadline = time.monotonic() + 40
        while remaining:
            assert time.monotonic() < deadline, f"{remaining} clients still waiting"
            for key, _ in sel.select(timeout=1.0):
                sock = key.fileobj
                s = state[sock]
                data = sock.recv(65536)
                assert data, f"client {s['id']} was disconnected"
                s["got"] += data
                expected = _request(s["id"], s["round"])
                assert expected.startswith(s["got"]), f"client {s['id']} got {s['got']!r}"
                if s["got"] == expected:
                    s["round"] += 1
                    s["got"] = b""
                    if s["round"] == ROUNDS:
                        sel.unregister(sock)
                        remaining -= 1
                    else:
                        sock.send(_request(s["id"], s["round"]))
        assert all(s["round"] == ROUNDS for s in state.values())
    finally:
        for sock in socks:
            sock.close()
        sel.close()
        system.close()
