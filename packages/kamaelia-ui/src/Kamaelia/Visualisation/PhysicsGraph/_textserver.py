"""The small TCP text listener behind TopologyViewerServer, on the core's I/O watching.

1.x put the viewer behind kamaelia-net's ``FastRestartServer`` and a
``Backplane``. kamaelia-ui must not depend on kamaelia-net or
kamaelia-chassis, and the viewer only ever *reads* lines of text, so this
listener does just that with the scheduler's ``watch_io``: it accepts any
number of clients and sends on every complete line each one writes (lines
from different clients are never mixed). It binds 127.0.0.1 unless told
otherwise.
"""

from __future__ import annotations

import itertools
import logging
import selectors
import socket
from collections.abc import Generator
from typing import Any

from Axon.Component import component

from Kamaelia.Visualisation.PhysicsGraph._common import shutdown_requested

__all__ = ["ChainOf", "TextListener"]

log = logging.getLogger("Kamaelia.Visualisation.PhysicsGraph")


class TextListener(component):
    """TextListener(port, host="127.0.0.1") -> sends each line its TCP clients write, as bytes."""

    Inboxes = {"inbox": "Not used", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Complete lines (bytes, each ending in a newline)", "signal": "Shutdown"}

    def __init__(self, port: int, host: str = "127.0.0.1") -> None:
        super().__init__()
        self.listener = socket.create_server((host, port), reuse_port=False)
        self.listener.setblocking(False)
        self.port = self.listener.getsockname()[1]
        self._partial: dict[socket.socket, bytes] = {}
        self._ready: list[socket.socket] = []

    def _readable(self, sock: Any, mask: int) -> None:
        self._ready.append(sock)
        self.unpause()

    def main(self) -> Generator[int, None, None]:
        self.scheduler.watch_io(self.listener, selectors.EVENT_READ, self._readable)
        try:
            while not shutdown_requested(self):
                while self._ready:
                    sock = self._ready.pop(0)
                    if sock is self.listener:
                        self._accept()
                    elif sock in self._partial:
                        self._read(sock)
                self.pause()
                yield 1
        finally:
            for sock in [self.listener, *self._partial]:
                self.scheduler.unwatch_io(sock)
                sock.close()
            self._partial.clear()

    def _accept(self) -> None:
        try:
            conn, peer = self.listener.accept()
        except BlockingIOError:
            return
        conn.setblocking(False)
        log.debug("topology client %s connected", peer)
        self._partial[conn] = b""
        self.scheduler.watch_io(conn, selectors.EVENT_READ, self._readable)

    def _read(self, conn: socket.socket) -> None:
        try:
            data = conn.recv(65536)
        except BlockingIOError:
            return
        except OSError as error:
            log.debug("topology client dropped: %s", error)
            data = b""
        if not data:
            self.scheduler.unwatch_io(conn)
            conn.close()
            del self._partial[conn]
            return
        complete, _, rest = (self._partial[conn] + data).rpartition(b"\n")
        self._partial[conn] = rest
        if complete:
            self.send(complete + b"\n", "outbox")


class ChainOf(component):
    """ChainOf(*parts) -> the parts in a chain (outbox to inbox, signal to control).

    Its own inbox/control feed the first part, the last part's outbox/signal
    come out of its own; it ends when every part has ended. A tiny Pipeline,
    so that kamaelia-ui needs no kamaelia-chassis.
    """

    def __init__(self, *parts: component) -> None:
        super().__init__()
        self.parts = parts
        for before, after in itertools.pairwise(parts):
            self.link((before, "outbox"), (after, "inbox"))
            self.link((before, "signal"), (after, "control"))
        self.link((self, "inbox"), (parts[0], "inbox"), passthrough=1)
        self.link((self, "control"), (parts[0], "control"), passthrough=1)
        self.link((parts[-1], "outbox"), (self, "outbox"), passthrough=2)
        self.link((parts[-1], "signal"), (self, "signal"), passthrough=2)

    def main(self) -> Generator[int, None, None]:
        self.addChildren(*self.parts)  # each one wakes us when it finishes
        for part in self.parts:
            part.activate(Scheduler=self.scheduler)
        while not all(part._isStopped() for part in self.parts):
            self.pause()
            yield 1
