"""Networking scenarios: a TCP echo server under a load generator on 127.0.0.1.

The server runs in this process: Kamaelia's ``SimpleServer(protocol=EchoProtocol)``
(``--impl axon``: Kamaelia 2, or Kamaelia 1.14.32 in the legacy venv) or an
asyncio ``Protocol`` echo server with flow control (``--impl asyncio``). The
load comes from a separate client process running this same script with
``--role client`` (stdlib ``selectors`` only), so every implementation is
driven by the same client code and the client does not share the server's GIL.

Modes:
- ``echo``: ``--conns`` connections each do request/response round trips of
  ``--size`` bytes for ``--seconds`` (after a short warm-up); metric
  ``trips_per_s`` (all connections together).
- ``bulk``: ``--conns`` connections each send ``--mb`` MiB and read the echo
  back at the same time; metric ``mb_per_s`` (MiB echoed per second, all
  connections together). Every byte is checked (CRC-32 per connection).

Both also report the server process's CPU time per round trip
(``server_cpu_us_per_trip``) or per GiB echoed (``server_cpu_s_per_gib``):
rates swing with whatever else the machine runs, CPU cost much less.

Server and load generator are pinned to two different cores
(``os.sched_setaffinity``) when the machine has two; ``--no-pin`` leaves them
to the kernel. ``--impl asyncio --loop uvloop`` runs the same Protocol server
on uvloop.

Run alone: ``python benchmarks/scenario_net.py --impl axon --mode echo --conns 50``.
"""

from __future__ import annotations

import json
import os
import resource
import selectors
import socket
import subprocess
import sys
import threading
import time
import zlib
from typing import Any

from _common import check_positive, emit, fail, make_parser

BLOCK = 1 << 20
WARMUP = 0.3
CONNECT_PATIENCE = 10.0


# --------------------------------------------------------------------------- the client


def _connect_all(port: int, conns: int) -> list[socket.socket]:
    deadline = time.monotonic() + CONNECT_PATIENCE
    socks = []
    while len(socks) < conns:
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        except ConnectionRefusedError:
            # Kamaelia 1.x starts listening only once its scheduler runs.
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
            continue
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.setblocking(False)
        socks.append(sock)
    return socks


def _client_echo(port: int, conns: int, size: int, seconds: float) -> dict[str, Any]:
    socks = _connect_all(port, conns)
    sel = selectors.DefaultSelector()
    request = (b"0123456789abcdef" * (size // 16 + 1))[:size]
    got = {}
    for sock in socks:
        sel.register(sock, selectors.EVENT_READ)
        got[sock] = 0
        sock.send(request)
    count = 0
    start = time.perf_counter()
    measuring_from, stop_at = start + WARMUP, start + WARMUP + seconds
    counted_from = None
    total = 0
    while True:
        now = time.perf_counter()
        if now >= stop_at:
            break
        if counted_from is None and now >= measuring_from:
            counted_from, count = now, 0
        for key, _ in sel.select(timeout=1.0):
            sock = key.fileobj
            data = sock.recv(65536)
            if not data:
                raise ConnectionError("server closed a connection")
            got[sock] += len(data)
            if got[sock] >= size:
                if got[sock] != size:
                    raise ConnectionError(f"reply of {got[sock]} bytes to a {size}-byte request")
                got[sock] = 0
                count += 1
                total += 1
                sock.send(request)
    elapsed = time.perf_counter() - (counted_from or start)
    for sock in socks:
        sock.close()
    return {"trips_per_s": count / elapsed, "trips": count, "all_trips": total}


def _client_bulk(port: int, conns: int, mb: int) -> dict[str, Any]:
    socks = _connect_all(port, conns)
    sel = selectors.DefaultSelector()
    block = os.urandom(BLOCK)
    total = mb * BLOCK
    state = {}
    for sock in socks:
        state[sock] = {"sent": 0, "recv": 0, "crc_out": 0, "crc_in": 0}
        sel.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE)
    view = memoryview(block)
    buffer = bytearray(1 << 18)
    start = time.perf_counter()
    open_ = len(socks)
    while open_:
        for key, mask in sel.select(timeout=5.0):
            sock, s = key.fileobj, state[key.fileobj]
            if mask & selectors.EVENT_WRITE and s["sent"] < total:
                offset = s["sent"] % BLOCK
                chunk = view[offset : offset + min(65536, total - s["sent"], BLOCK - offset)]
                try:
                    n = sock.send(chunk)
                except BlockingIOError:
                    n = 0
                s["crc_out"] = zlib.crc32(chunk[:n], s["crc_out"])
                s["sent"] += n
                if s["sent"] == total:
                    sel.modify(sock, selectors.EVENT_READ)
            if mask & selectors.EVENT_READ:
                try:
                    n = sock.recv_into(buffer)
                except BlockingIOError:
                    continue
                if not n:
                    raise ConnectionError("server closed a connection early")
                s["crc_in"] = zlib.crc32(memoryview(buffer)[:n], s["crc_in"])
                s["recv"] += n
                if s["recv"] == total:
                    sel.unregister(sock)
                    open_ -= 1
    elapsed = time.perf_counter() - start
    for sock in socks:
        if state[sock]["crc_in"] != state[sock]["crc_out"]:
            raise ConnectionError("echoed bytes differ from the bytes sent")
        sock.close()
    return {"mb_per_s": conns * mb / elapsed, "seconds": elapsed}


def run_client(args: Any) -> None:
    """The load generator: print one JSON line with the client-side metrics."""
    if args.mode == "echo":
        result = _client_echo(args.port, args.conns, args.size, args.seconds)
    else:
        result = _client_bulk(args.port, args.conns, args.mb)
    sys.stdout.write(json.dumps(result) + "\n")


# --------------------------------------------------------------------------- the servers


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _pin_cpus() -> tuple[int, int] | None:
    """(server CPU, client CPU): two different cores this process may use, if it has two."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    return (allowed[0], allowed[1]) if len(allowed) >= 2 else None


def _start_client(args: Any, port: int) -> subprocess.Popen[str]:
    command = [sys.executable, os.path.abspath(__file__), "--role", "client", "--port", str(port)]
    command += ["--mode", args.mode, "--conns", str(args.conns), "--size", str(args.size)]
    command += ["--seconds", str(args.seconds), "--mb", str(args.mb)]
    if args.cpus is not None:
        command += ["--cpu", str(args.cpus[1])]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def _report_when_done(args: Any, client: subprocess.Popen[str], stop: Any) -> None:
    """Wait for the client, emit its metrics (or fail), then end the server."""
    cpu_before = _cpu_seconds()
    out, _ = client.communicate(timeout=300)
    cpu = _cpu_seconds() - cpu_before
    if client.returncode != 0:
        try:
            fail(f"net_{args.mode}", f"client failed with status {client.returncode}")
        finally:
            os._exit(1)  # fail() raises SystemExit, which would end only this thread
    metrics = json.loads(out.strip().splitlines()[-1])
    # Server CPU per unit of work: steadier than rates on a busy machine.
    if args.mode == "echo":
        metrics["server_cpu_us_per_trip"] = cpu * 1e6 / max(1, metrics.pop("all_trips"))
    else:
        metrics["server_cpu_s_per_gib"] = cpu * 1024 / (args.conns * args.mb)
    metrics["pinned"] = args.cpus is not None
    metrics["loop"] = args.loop if args.impl == "asyncio" else "axon"
    emit(args.impl, f"net_{args.mode}_{args.conns}", conns=args.conns, **metrics)
    stop()


def _serve_axon(args: Any) -> None:
    from importlib import metadata

    from Axon.Scheduler import scheduler

    from Kamaelia.Chassis.ConnectedServer import SimpleServer
    from Kamaelia.Protocol.EchoProtocol import EchoProtocol

    legacy = metadata.version("kamaelia-axon").startswith("1.")
    port = _free_port() if legacy else 0
    server = SimpleServer(protocol=EchoProtocol, port=port)
    port = port if legacy else server.port
    client = _start_client(args, port)

    def stop() -> None:
        if not legacy:
            scheduler.run.stop()  # thread-safe in Kamaelia 2
            return
        sys.stdout.flush()
        os._exit(0)  # Kamaelia 1.x cannot be stopped cleanly from another thread

    watcher = threading.Thread(target=_report_when_done, args=(args, client, stop), daemon=True)
    watcher.start()
    server.run()


def _serve_asyncio(args: Any) -> None:
    import asyncio

    class Echo(asyncio.Protocol):
        """Echoes; stops reading while the transport's send buffer is full (bounded memory)."""

        def connection_made(self, transport: Any) -> None:
            self.transport = transport
            transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def data_received(self, data: bytes) -> None:
            self.transport.write(data)

        def pause_writing(self) -> None:
            self.transport.pause_reading()

        def resume_writing(self) -> None:
            self.transport.resume_reading()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(Echo, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        client = _start_client(args, port)
        done = asyncio.Event()
        threading.Thread(
            target=_report_when_done,
            args=(args, client, lambda: loop.call_soon_threadsafe(done.set)),
            daemon=True,
        ).start()
        await done.wait()
        server.close()

    if args.loop == "uvloop":
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    asyncio.run(main())


def main() -> None:
    """Parse the options and run the server (or, with --role client, the load)."""
    parser = make_parser(__doc__.splitlines()[0], default_n=1)
    parser.add_argument("--role", choices=("server", "client"), default="server")
    parser.add_argument("--mode", choices=("echo", "bulk"), default="echo")
    parser.add_argument("--conns", type=int, default=1, help="concurrent connections")
    parser.add_argument("--size", type=int, default=100, help="echo: bytes per request")
    parser.add_argument("--seconds", type=float, default=2.0, help="echo: measuring time")
    parser.add_argument("--mb", type=int, default=20, help="bulk: MiB per connection")
    parser.add_argument("--port", type=int, default=0, help=argparse_hidden())
    parser.add_argument(
        "--loop", choices=("asyncio", "uvloop"), default="asyncio", help="asyncio's event loop"
    )
    parser.add_argument(
        "--no-pin", action="store_true", help="do not pin server and client to separate cores"
    )
    parser.add_argument("--cpu", type=int, default=None, help="internal: the client's core")
    args = parser.parse_args()
    check_positive(parser, conns=args.conns, size=args.size, mb=args.mb)
    # Server and load generator on different cores: otherwise they take turns on one
    # and the numbers measure the kernel's scheduling as much as the server.
    args.cpus = None if args.no_pin else _pin_cpus()
    if args.role == "client":
        if args.cpu is not None:
            os.sched_setaffinity(0, {args.cpu})
        run_client(args)
        return
    if args.cpus is not None:
        os.sched_setaffinity(0, {args.cpus[0]})
    if args.impl == "asyncio":
        _serve_asyncio(args)
    else:
        _serve_axon(args)


def argparse_hidden() -> str:
    """Help text for the internal --port option."""
    return "internal: the port the client connects to"


if __name__ == "__main__":
    main()
