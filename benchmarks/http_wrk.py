"""HTTP servers under wrk: Kamaelia 2's SimpleHTTP vs aiohttp and uvicorn + Starlette.

Needs ``wrk`` (Debian: ``apt-get install wrk``) and, beside the Kamaelia 2
packages, ``aiohttp``, ``uvicorn``, ``starlette`` and ``httptools``. Each
server runs in its own process pinned to one core (``taskset -c 1``), wrk
pinned to the other (``taskset -c 0``); runs are interleaved across servers
and the table shows the median requests/s of each case::

    python benchmarks/http_wrk.py [--runs 5] [--duration 5] [--connections 50]

Cases: ``json`` (a small JSON endpoint, keep-alive), ``json-close`` (the same
with ``Connection: close``: a new connection per request) and ``static-64k``
(a 64 KiB file, keep-alive). ``--parsers`` also times, in this process, what
parsing one wrk request costs with h11 and with httptools, to judge an
httptools fast path. Nothing here is a test; nothing asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# kamaelia: HTTPProtocol's default parser (httptools when installed, else h11); the
# other two name the parser.
SERVERS = ("kamaelia", "kamaelia-h11", "kamaelia-httptools", "aiohttp", "starlette")
CASES = {
    "json": ("/json", []),
    "json-close": ("/json", ["-H", "Connection: close"]),
    "static-64k": ("/static/file64k.bin", []),
}
PAYLOAD = {"message": "Hello, World!"}


# -- the servers (run with --serve KIND) ----------------------------------------


def serve_kamaelia(port: int, root: Path, parser: str = "auto") -> None:
    from Kamaelia.Chassis.ConnectedServer import ServerCore
    from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol, JSONEndpoint, StaticFiles

    routes = {"/json": JSONEndpoint(lambda request: PAYLOAD), "/static": StaticFiles(root)}
    server = ServerCore(protocol=lambda **kw: HTTPProtocol(routes, parser=parser), port=port)
    print("ready", flush=True)
    server.run()


def serve_kamaelia_h11(port: int, root: Path) -> None:
    serve_kamaelia(port, root, parser="h11")


def serve_kamaelia_httptools(port: int, root: Path) -> None:
    serve_kamaelia(port, root, parser="httptools")


def serve_aiohttp(port: int, root: Path) -> None:
    from aiohttp import web

    async def hello(request: web.Request) -> web.Response:
        return web.json_response(PAYLOAD)

    app = web.Application()
    app.router.add_get("/json", hello)
    app.router.add_static("/static", root)
    print("ready", flush=True)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


def serve_starlette(port: int, root: Path) -> None:
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    async def hello(request: object) -> JSONResponse:
        return JSONResponse(PAYLOAD)

    app = Starlette(routes=[Route("/json", hello), Mount("/static", StaticFiles(directory=root))])
    print("ready", flush=True)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


# -- driving wrk ------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_listening(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"no server on port {port} after {timeout} s")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_wrk(kind: str, case: str, root: Path, args: argparse.Namespace) -> dict[str, float]:
    port = _free_port()
    server = subprocess.Popen(
        [
            "taskset",
            "-c",
            "1",
            sys.executable,
            __file__,
            "--serve",
            kind,
            "--port",
            str(port),
            "--root",
            str(root),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_listening(port)
        cpuBefore = _cpu_seconds(server.pid)
        path, extra = CASES[case]
        command = [
            "taskset",
            "-c",
            "0",
            "wrk",
            "-t1",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            *extra,
        ]
        out = subprocess.run(
            [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
        ).stdout
        cpu = _cpu_seconds(server.pid) - cpuBefore
    finally:
        server.terminate()
        server.wait(10)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = float(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rate,
        "cpu_us": cpu / total * 1e6,
        "non2xx": float(bad.group(1)) if bad else 0.0,
        "errors": errors.group(1) if errors else "",
    }  # type: ignore[dict-item]


def _micros(step: Callable[[], object], count: int) -> float:
    start = time.perf_counter()
    for _ in range(count):
        step()
    return (time.perf_counter() - start) / count * 1e6


def time_parsers(count: int = 20000) -> dict[str, float]:
    """µs to parse one wrk-style request with each parser (and, for h11, to also write the reply)."""
    import h11
    import httptools

    raw = b"GET /json HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"
    body = json.dumps(PAYLOAD).encode()

    def h11_parse() -> h11.Connection:
        conn = h11.Connection(h11.SERVER)
        conn.receive_data(raw)
        conn.next_event()
        conn.next_event()
        return conn

    def h11_parse_and_respond() -> None:
        conn = h11_parse()
        headers = [("Content-Length", str(len(body))), ("Content-Type", "application/json")]
        conn.send(h11.Response(status_code=200, headers=headers))
        conn.send(h11.Data(data=body))
        conn.send(h11.EndOfMessage())

    class Sink:
        def on_url(self, url: bytes) -> None:
            pass

        def on_header(self, name: bytes, value: bytes) -> None:
            pass

    def httptools_parse() -> None:
        httptools.HttpRequestParser(Sink()).feed_data(raw)

    return {
        "h11_parse_us": _micros(h11_parse, count),
        "h11_parse_and_respond_us": _micros(h11_parse_and_respond, count),
        "httptools_parse_us": _micros(httptools_parse, count),
    }


def _table(data: dict[tuple[str, str], list[float]], servers: list[str], cases: list[str]) -> None:
    """A markdown table of medians, with each Kamaelia server's ratio to aiohttp."""
    ours = [kind for kind in servers if kind.startswith("kamaelia")]
    ratios = " | ".join(f"{kind} / aiohttp" for kind in ours)
    print(f"| case | {' | '.join(servers)} | {ratios} |")
    print(f"|---|{'---|' * (len(servers) + len(ours))}")
    for case in cases:
        medians = {kind: statistics.median(data[kind, case]) for kind in servers}
        cells = " | ".join(f"{medians[kind]:,.0f}" for kind in servers)
        base = medians.get("aiohttp", float("nan"))
        shares = " | ".join(f"{medians[kind] / base:.2f}x" for kind in ours)
        print(f"| {case} | {cells} | {shares} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", choices=SERVERS)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--root", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--servers", default=",".join(SERVERS))
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--parsers", action="store_true", help="also time h11 vs httptools parsing")
    args = parser.parse_args()
    if args.serve:
        globals()[f"serve_{args.serve.replace('-', '_')}"](args.port, args.root)
        return
    if shutil.which("wrk") is None or shutil.which("taskset") is None:
        sys.exit("needs wrk and taskset on PATH (Debian: apt-get install wrk)")
    servers, cases = args.servers.split(","), args.cases.split(",")
    results: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "file64k.bin").write_bytes(os.urandom(65536))
        for run in range(args.runs):
            for case in cases:
                for kind in servers:
                    outcome = run_wrk(kind, case, root, args)
                    if outcome["non2xx"] or outcome["errors"]:
                        print(f"warning: {kind} {case}: {outcome}", file=sys.stderr)
                    results.setdefault((kind, case), []).append(outcome["rps"])
                    cpu.setdefault((kind, case), []).append(outcome["cpu_us"])
                    print(
                        f"run {run + 1}/{args.runs} {case:<11} {kind:<18} {outcome['rps']:>8,.0f} req/s"
                        f" {outcome['cpu_us']:>6,.0f} µs server CPU per request",
                        file=sys.stderr,
                    )
    print("requests per second (medians)\n")
    _table(results, servers, cases)
    print("\nserver CPU µs per request (medians)\n")
    _table(cpu, servers, cases)
    if args.parsers:
        print(json.dumps(time_parsers()))


if __name__ == "__main__":
    main()
