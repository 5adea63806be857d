"""Closing connections: does the cost of a close grow with the number left open?

An echo server (kamaelia-net ``SimpleServer(protocol=EchoProtocol)``, or an
asyncio ``Protocol`` server) runs in a thread of this process; the main thread
plays the clients with plain sockets on 127.0.0.1. Twice in one run — first
with no other connection open, then with ``--open`` idle connections open —
it opens ``--close`` more connections, waits until the server has them all,
closes those ``--close`` at once and waits until the server has noticed. The
metric is the **server thread's CPU time per close** (read with
``pthread_getcpuclockid``, so the client work in the main thread does not
count), for both rounds, and their ratio (1.0: closing is flat in the number
of open connections). A third round measures a connection's whole life, one
at a time: ``--cycles`` times the client connects, sends one byte, reads the
echo and closes; the metric is the server thread's CPU per connection (what a
``Connection: close`` HTTP client costs a server).

Run alone: ``python benchmarks/scenario_netclose.py --impl axon --open 5000 --close 1000``.
"""

from __future__ import annotations

import asyncio
import resource
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from _common import check_positive, emit, fail, make_parser

PATIENCE = 60.0


def _raise_fd_limit(needed: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        if hard != resource.RLIM_INFINITY and hard < needed:
            fail(
                "netclose",
                f"needs {needed} file descriptors; the hard limit is {hard} (lower --open)",
            )
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))


def _wait(count: Callable[[], int], target: int, what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while count() != target:
        if time.monotonic() > deadline:
            fail("netclose", f"timed out waiting for {what}: {count()} of {target}")
        time.sleep(0.002)


def _open(port: int, n: int) -> list[socket.socket]:
    return [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(n)]


class _Server:
    """A server in a thread: its port, its open-connection count and its thread's CPU time."""

    port: int
    thread: threading.Thread

    def count(self) -> int:
        raise NotImplementedError

    def cpu(self) -> float:
        return time.clock_gettime(time.pthread_getcpuclockid(self.thread.ident or 0))

    def stop(self) -> None:
        raise NotImplementedError


class _AxonServer(_Server):
    def __init__(self) -> None:
        from Axon.Scheduler import scheduler

        from Kamaelia.Chassis.ConnectedServer import SimpleServer
        from Kamaelia.IPC import serverShutdown
        from Kamaelia.Protocol.EchoProtocol import EchoProtocol

        self.server = SimpleServer(protocol=EchoProtocol, port=0)
        self.port = self.server.port
        self.sched = scheduler()
        self.server.activate(Scheduler=self.sched)
        self._shutdown = serverShutdown
        self.thread = threading.Thread(target=self.sched.runThreads, daemon=True)
        self.thread.start()

    def count(self) -> int:
        return len(self.server.connectedSockets)

    def stop(self) -> None:
        self.sched.call_soon_threadsafe(lambda: self.server.deliver(self._shutdown(), "control"))
        self.thread.join(PATIENCE)


class _AsyncioServer(_Server):
    def __init__(self) -> None:
        self.open: set[Any] = set()
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait(PATIENCE)

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            self.loop.create_server(lambda: _Echo(self.open), "127.0.0.1", 0, backlog=1024)
        )
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()
        server.close()

    def count(self) -> int:
        return len(self.open)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(PATIENCE)


class _Echo(asyncio.Protocol):
    def __init__(self, registry: set[Any]) -> None:
        self.registry = registry

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.registry.add(self)

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)

    def connection_lost(self, exc: BaseException | None) -> None:
        self.registry.discard(self)


def _round(server: _Server, idle: int, closing: int) -> float:
    """Server CPU µs per close of ``closing`` connections while ``idle`` others stay open."""
    kept = _open(server.port, idle)
    _wait(server.count, idle, "the idle connections")
    probes = _open(server.port, closing)
    _wait(server.count, idle + closing, "the connections to close")
    before = server.cpu()
    for sock in probes:
        sock.close()
    _wait(server.count, idle, "the server to notice the closes")
    cost = (server.cpu() - before) / closing * 1e6
    for sock in kept:
        sock.close()
    _wait(server.count, 0, "the idle connections to close")
    return cost


def _lifecycles(server: _Server, cycles: int) -> float:
    """Server CPU µs per connection opened, echoed once and closed, one after the other."""
    before = server.cpu()
    for _ in range(cycles):
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(b"x")
            if sock.recv(16) != b"x":
                fail("netclose", "the echo server did not echo")
    _wait(server.count, 0, "the server to notice the last close")
    return (server.cpu() - before) / cycles * 1e6


def main() -> None:
    parser = make_parser(__doc__.splitlines()[0], 1000)
    parser.add_argument("--open", type=int, default=5000, help="idle connections (default 5000)")
    parser.add_argument("--close", type=int, default=1000, help="closed at once (default 1000)")
    parser.add_argument(
        "--cycles", type=int, default=1000, help="connections opened and closed in turn (1000)"
    )
    args = parser.parse_args()
    check_positive(parser, open=args.open, close=args.close, cycles=args.cycles)
    _raise_fd_limit(2 * (args.open + args.close) + 256)
    server = _AxonServer() if args.impl == "axon" else _AsyncioServer()
    try:
        alone = _round(server, 0, args.close)
        crowded = _round(server, args.open, args.close)
        lifecycle = _lifecycles(server, args.cycles)
    finally:
        server.stop()
    emit(
        args.impl,
        "netclose",
        close_cpu_us_alone=alone,
        close_cpu_us_crowded=crowded,
        crowded_over_alone=crowded / alone,
        lifecycle_cpu_us=lifecycle,
        open=args.open,
        closed=args.close,
        cycles=args.cycles,
    )


if __name__ == "__main__":
    main()
