"""Load and fault suite: 1,000 hostile clients cannot stop 50 good ones being served.

For an echo server, a line-protocol server (Pipeline of framers) and the HTTP
server (SimpleHTTP), each in its own process on 127.0.0.1 with the limits the
net guide recommends (``requestTimeout=2``, ``idleTimeout=10``), the test
opens 1,000 hostile connections - 250 each pipelining requests without ever
reading, dribbling one byte every half second (slowloris), flooding without
reading, and sending random bytes - and 50 well-behaved clients that keep
making requests. For LOAD_SECONDS every good client must keep getting correct
replies, the server must stay up, and its resident memory must stay under the
bound stated in the guide. Everything is bounded in time and stops by itself.
"""

from __future__ import annotations

import random
import re
import resource
import selectors
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("Kamaelia.Protocol.SimpleHTTP")

HERE = Path(__file__).parent
LOAD_SECONDS = 8.0
HOSTILE_EACH = 250  # x 4 kinds = 1,000 hostile connections
GOOD = 50
MIN_TRIPS = 3  # round trips each good client must complete during the load ...
LATE = LOAD_SECONDS / 2  # ... the last of them in the second half of it
#: Growth of the server's resident memory the load may cause (the guide states it):
#: about 2 MiB for each of the 250 connections that flood without reading.
MEMORY_BOUND_MIB = 512

HTTP_REQUEST = b"GET /api/add?a=2&b=3 HTTP/1.1\r\nHost: test\r\n\r\n"


def _line_request(n: int) -> bytes:
    return b"good %06d\n" % n


def _echo_reply(buffer: bytearray, request: bytes) -> bool | None:
    """True/False once the reply to ``request`` is complete and right/wrong; None: not yet."""
    if len(buffer) < len(request):
        return None
    ok = bytes(buffer[: len(request)]) == request
    del buffer[: len(request)]
    return ok


def _http_reply(buffer: bytearray, request: bytes) -> bool | None:
    end = buffer.find(b"\r\n\r\n")
    if end == -1:
        return None
    head = bytes(buffer[:end])
    match = re.search(rb"(?i)content-length:\s*(\d+)", head)
    length = int(match.group(1)) if match else 0
    if len(buffer) < end + 4 + length:
        return None
    body = bytes(buffer[end + 4 : end + 4 + length])
    del buffer[: end + 4 + length]
    return head.startswith(b"HTTP/1.1 200") and b'"sum"' in body and b"5" in body


KINDS: dict[
    str, tuple[Callable[[int], bytes], Callable[[bytearray, bytes], bool | None], bytes]
] = {
    # kind: (good request n, reply check, the start of a request a slowloris never finishes)
    "echo": (_line_request, _echo_reply, b"s"),
    "line": (_line_request, _echo_reply, b"never ending line "),
    "http": (lambda n: HTTP_REQUEST, _http_reply, b"GET /api/add HTTP/1.1\r\nHost: t\r\nX-Slow: "),
}


def _raise_fd_limit(needed: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        if hard != resource.RLIM_INFINITY and hard < needed:
            pytest.skip(f"needs {needed} file descriptors; the hard limit is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))


def _rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS line")


def _connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setblocking(False)
    return sock


def _try_send(sock: socket.socket, data: bytes) -> bool:
    """Send what the kernel takes now; False once the server has closed the connection."""
    try:
        sock.send(data)
    except (BlockingIOError, InterruptedError):
        pass
    except OSError:
        return False
    return True


class _Good:
    def __init__(self, sock: socket.socket, make: Callable[[int], bytes]) -> None:
        self.sock, self.make = sock, make
        self.buffer = bytearray()
        self.trips = 0
        self.last_reply = 0.0
        self.request = b""
        self.failure: str | None = None

    def next(self) -> None:
        self.request = self.make(self.trips)
        self.sock.setblocking(True)
        self.sock.sendall(self.request)
        self.sock.setblocking(False)


@pytest.fixture
def server(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    kind = request.param
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "_net_load_server.py"), kind],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        if not line.strip().isdigit():
            raise AssertionError(f"the {kind} server did not start: {line!r}")
        yield kind, proc, int(line)
    finally:
        proc.kill()
        proc.wait(10)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("server", list(KINDS), indirect=True)
def test_hostile_clients_do_not_hurt_good_ones(server) -> None:  # type: ignore[no-untyped-def]
    kind, proc, port = server
    make, check, slow_start = KINDS[kind]
    _raise_fd_limit(4 * HOSTILE_EACH + GOOD + 256)
    baseline = _rss_mib(proc.pid)
    noise = random.Random(14).randbytes(8192)
    pipelined = b"".join(make(n) for n in range(2000))
    flood = b"f" * 65536

    pipeliners = [_connect(port) for _ in range(HOSTILE_EACH)]
    for sock in pipeliners:
        _try_send(sock, pipelined)  # ... and never read the replies
    slow = [_connect(port) for _ in range(HOSTILE_EACH)]
    for sock in slow:
        _try_send(sock, slow_start)
    flooders = [_connect(port) for _ in range(HOSTILE_EACH)]
    garbage = [_connect(port) for _ in range(HOSTILE_EACH)]
    for sock in garbage:
        _try_send(sock, noise)
    good = [_Good(_connect(port), make) for _ in range(GOOD)]

    sel = selectors.DefaultSelector()
    for client in good:
        sel.register(client.sock, selectors.EVENT_READ, client)
        client.next()
    for sock in garbage:
        sel.register(sock, selectors.EVENT_READ, None)  # read and drop whatever comes back

    peak = baseline
    started = time.monotonic()
    next_tick = next_slow = next_sample = started
    while (now := time.monotonic()) < started + LOAD_SECONDS:
        if now >= next_tick:
            flooders = [s for s in flooders if _try_send(s, flood)]
            next_tick = now + 0.05
        if now >= next_slow:
            slow = [s for s in slow if _try_send(s, b"x")]
            next_slow = now + 0.5
        if now >= next_sample:
            peak = max(peak, _rss_mib(proc.pid))
            next_sample = now + 0.25
        for key, _ in sel.select(timeout=0.05):
            _serve_event(sel, key, check)
        assert proc.poll() is None, f"the {kind} server died"
    peak = max(peak, _rss_mib(proc.pid))

    failures = [c.failure for c in good if c.failure]
    assert not failures, failures[:3]
    trips = sorted(c.trips for c in good)
    assert trips[0] >= MIN_TRIPS, f"the slowest good client made {trips[0]} round trips"
    stalled = [c for c in good if c.last_reply < started + LATE]
    assert not stalled, f"{len(stalled)} good clients got no reply in the second half"
    assert proc.poll() is None
    growth = peak - baseline
    assert growth < MEMORY_BOUND_MIB, f"server memory grew by {growth:.0f} MiB"
    for sock in [*pipeliners, *slow, *flooders, *garbage, *(c.sock for c in good)]:
        sock.close()


def _serve_event(sel: selectors.BaseSelector, key: selectors.SelectorKey, check) -> None:  # type: ignore[no-untyped-def]
    client = key.data
    try:
        data = key.fileobj.recv(65536)  # type: ignore[union-attr]
    except (BlockingIOError, InterruptedError):
        return
    except OSError as error:
        data = b""
        if client is not None:
            client.failure = f"good client lost its connection: {error!r}"
    if client is None:  # a garbage sender: drop what it gets, forget it once closed
        if not data:
            sel.unregister(key.fileobj)
        return
    if not data:
        client.failure = client.failure or "the server closed a good client's connection"
        sel.unregister(key.fileobj)
        return
    client.buffer += data
    while (verdict := check(client.buffer, client.request)) is not None:
        if not verdict:
            client.failure = f"wrong reply to {client.request[:30]!r}"
            sel.unregister(key.fileobj)
            return
        client.trips += 1
        client.last_reply = time.monotonic()
        client.next()
