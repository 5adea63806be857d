"""Test helpers: run components on a private scheduler in a background thread.

The test thread plays the network peers with ordinary blocking sockets (with
timeouts), so every wait in a test is bounded.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from Axon.Component import component
from Axon.Scheduler import scheduler

from Kamaelia.IPC import serverShutdown

WAIT = 10.0  # seconds: the longest any single step of a test may take


class Probe(component):
    """Records what arrives on its inbox and control; sends what the test asks it to."""

    Inboxes = {"inbox": "recorded", "control": "recorded"}
    Outboxes = {"outbox": "sent by send_now", "signal": "sent by send_now"}

    def __init__(self) -> None:
        super().__init__()
        self.received: list[Any] = []
        self.controls: list[Any] = []
        self.finished = False

    def main(self):  # type: ignore[no-untyped-def]
        while not self.finished:
            while self.dataReady("inbox"):
                self.received.append(self.recv("inbox"))
            while self.dataReady("control"):
                self.controls.append(self.recv("control"))
            self.pause()
            yield 1

    def finish(self) -> None:
        self.finished = True
        self.unpause()

    def settled(self) -> bool:
        """True once everything delivered so far has been recorded (read from any thread)."""
        idle = self._isStopped() or self.scheduler.isThreadPaused(self)
        return idle and not self.dataReady("inbox") and not self.dataReady("control")


class Running:
    """Runs components on a fresh scheduler in a thread; ``close()`` stops and joins it."""

    def __init__(self, *components: Any) -> None:
        self.sched = scheduler()
        self.components = components
        self.error: BaseException | None = None
        for comp in components:
            comp.activate(Scheduler=self.sched)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.sched.runThreads()
        except BaseException as error:  # reported by close()
            self.error = error

    def call(self, fn: Callable[[], object]) -> None:
        """Run ``fn()`` in the scheduler thread."""
        self.sched.call_soon_threadsafe(fn)

    def deliver(self, comp: Any, box: str, message: Any) -> None:
        """Put ``message`` in ``comp``'s inbox ``box`` (from the scheduler thread)."""
        self.call(lambda: comp.inboxes[box].append(message))

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
        """Poll ``condition`` until true, then let every Probe record what reached it."""
        self._poll(condition, what, timeout)
        probes = [c for c in self.components if isinstance(c, Probe)]
        self._poll(lambda: all(p.settled() for p in probes), "the probes to settle", timeout)

    def _poll(self, condition: Callable[[], bool], what: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.error is not None:
                raise AssertionError(f"scheduler failed while waiting for {what}") from self.error
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what}")
            time.sleep(0.005)

    def finished(self, timeout: float = WAIT) -> None:
        """Wait for the scheduler to run out of components by itself."""
        self.thread.join(timeout)
        if self.thread.is_alive():
            raise AssertionError(f"scheduler still running after {timeout} s")
        if self.error is not None:
            raise self.error

    def close(self, timeout: float = WAIT) -> None:
        """Shut servers down, finish probes, and wait for the scheduler to end."""
        for comp in self.components:
            if "control" in comp.inboxes and not isinstance(comp, Probe):
                self.deliver(comp, "control", serverShutdown())
            if isinstance(comp, Probe):
                self.call(comp.finish)
        self.finished(timeout)


def connect(port: int, timeout: float = WAIT) -> socket.socket:
    """A blocking client socket to 127.0.0.1:port with a timeout on every call."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def recv_exactly(sock: socket.socket, size: int) -> bytes:
    """Read exactly ``size`` bytes (or fail on EOF / timeout)."""
    parts = []
    while size:
        data = sock.recv(min(size, 1 << 16))
        if not data:
            raise AssertionError(f"connection closed with {size} bytes still expected")
        parts.append(data)
        size -= len(data)
    return b"".join(parts)


def recv_until_eof(sock: socket.socket) -> bytes:
    """Read until the peer closes (each recv bounded by the socket timeout)."""
    parts = []
    while data := sock.recv(1 << 16):
        parts.append(data)
    return b"".join(parts)


def is_closed_by_peer(sock: socket.socket) -> bool:
    """True if the peer has closed (EOF or reset) within the socket timeout."""
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True


def run_component(
    comp: Any, inbox: list[Any], control: list[Any], timeout: float = WAIT
) -> tuple[list[Any], list[Any]]:
    """Feed ``comp``, run it until it ends, return (outbox messages, signal messages)."""
    out, sig = Probe(), Probe()
    for message in inbox:
        comp.inboxes["inbox"].append(message)
    for message in control:
        comp.inboxes["control"].append(message)
    comp.link((comp, "outbox"), (out, "inbox"))
    comp.link((comp, "signal"), (sig, "inbox"))
    system = Running(comp, out, sig)
    system.wait_for(comp._isStopped, f"{comp.name} to finish", timeout)
    system.close(timeout)
    return out.received, sig.received


def http_request(port: int, path: str, method: str = "GET", body: bytes | None = None) -> Any:
    """One request on a fresh connection to 127.0.0.1:port; returns (response, body bytes)."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
    conn.request(method, path, body=body)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data
