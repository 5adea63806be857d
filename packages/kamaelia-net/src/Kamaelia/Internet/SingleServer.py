"""SingleServer: a TCP server that talks to one client at a time through its own boxes.

The connected client's bytes come out of "outbox"; bytes sent to "inbox" go
to it. Further clients that connect while one is being served are closed at
once. When the client disconnects, ``producerFinished(self)`` goes out of
"signal" and the server waits for the next one.

Differences from 1.x: binds 127.0.0.1 unless ``host`` is given, binds at
construction (``port=0`` picks a free port, ``self.port`` tells which; a port
in use raises ``BindError``), and shutdownMicroprocess on "control" stops it
(1.x ignored "control"). When the client half-closes, what is already queued
for it is sent before the connection closes.
"""

from __future__ import annotations

import socket
from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import newComponent, producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Internet.TCPServer import TCPServer
from Kamaelia.IPC import newCSA, serverShutdown, shutdownCSA, socketHalfClosed

__all__ = ["FastRestartSingleServer", "SingleServer", "echo"]


@checked_keywords
class echo(component):
    """Copies "inbox" to "outbox" (kept from 1.x for SingleServer examples)."""

    def main(self) -> Generator[int, None, None]:
        """Echo until shut down."""
        while True:
            while self.dataReady("inbox"):
                self.send(self.recv("inbox"), "outbox")
            if self.dataReady("control"):
                self.send(self.recv("control"), "signal")
                return
            self.pause()
            yield 1


@checked_keywords
class SingleServer(component):
    """Serves one TCP client at a time through this component's own inbox and outbox.

    Keyword arguments (class attributes a subclass may override, as in 1.x):

    - port           -- TCP port (1601); 0 picks a free one
    - host           -- address to listen on ("127.0.0.1")
    - socketOptions  -- a ``(level, option, value)`` tuple for the listening socket
    - TCPS           -- the listening component's class (``TCPServer``)
    """

    Inboxes = {
        "inbox": "bytes to send to the connected client",
        "control": "shutdownMicroprocess: close the connection and stop listening",
        "_oobinfo": "connection events from the TCPServer",
    }
    Outboxes = {
        "outbox": "bytes received from the connected client",
        "signal": "producerFinished(self) each time the client disconnects",
        "_CSA_signal": "shutdown messages to the current connection",
        "_serversignal": "shutdown messages to the TCPServer",
    }
    port: int = 1601
    host: str = "127.0.0.1"
    socketOptions: Any = None
    TCPS: Any = TCPServer

    def __init__(self, **argd: Any) -> None:
        super().__init__(**argd)
        self.listenport = self.port
        self.CSA: Any = None
        self.rejectedCSAs: list[Any] = []
        options: dict[str, Any] = {"listenport": self.port}
        if self.socketOptions is not None:
            options["socketOptions"] = self.socketOptions
        if self.host != "127.0.0.1":
            options["host"] = self.host
        self.myPLS = self.TCPS(**options)
        self.address: tuple[str, int] = getattr(self.myPLS, "address", (self.host, self.port))
        self.port = self.address[1]

    def main(self) -> Generator[int | newComponent, None, None]:
        """Accept one client at a time until shut down."""
        self.link((self.myPLS, "protocolHandlerSignal"), (self, "_oobinfo"))
        self.link((self, "_serversignal"), (self.myPLS, "control"))
        self.addChildren(self.myPLS)
        yield newComponent(self.myPLS)
        while not self._stopRequested():
            while self.dataReady("_oobinfo"):
                message = self.recv("_oobinfo")
                if isinstance(message, newCSA):
                    yield self.handleNewCSA(message)
                elif isinstance(message, shutdownCSA):
                    self._connectionEnded(message.object)
                elif isinstance(message, socketHalfClosed) and message.object is self.CSA:
                    # No handler of ours to ask: send what is queued, then close.
                    self.send(producerFinished(self), "_CSA_signal")
            if not self.anyReady():
                self.pause()
            yield 1
        if self.CSA is not None:
            self.send(shutdownMicroprocess(), "_CSA_signal")
        self.send(serverShutdown(), "_serversignal")

    def _stopRequested(self) -> bool:
        while self.dataReady("control"):
            message = self.recv("control")
            if isinstance(message, shutdownMicroprocess) or message is shutdownMicroprocess:
                return True
        return False

    def _connectionEnded(self, csa: Any) -> None:
        if csa in self.rejectedCSAs:
            self.rejectedCSAs.remove(csa)
        elif csa is self.CSA:
            self.unlink(csa)
            self.CSA = None
            self.send(producerFinished(self), "signal")
        self.removeChild(csa)

    def handleNewCSA(self, data: newCSA) -> newComponent:
        """Adopt the first client; close any other at once."""
        csa = data.object
        if self.CSA is None:
            self.CSA = csa
            self.link((csa, "outbox"), (self, "outbox"), passthrough=2)
            self.link((self, "inbox"), (csa, "inbox"), passthrough=1)
            self.link((self, "_CSA_signal"), (csa, "control"))
        else:
            csa.inboxes["control"].append(shutdownMicroprocess())
            self.rejectedCSAs.append(csa)
        self.addChildren(csa)
        return newComponent(csa)


class FastRestartSingleServer(SingleServer):
    """A SingleServer that sets SO_REUSEADDR (Kamaelia 2 servers do so on POSIX anyway)."""

    socketOptions = (socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
