"""TCPServer: listens on a port and makes a ConnectedSocketAdapter per connection.

As in 1.x it binds when constructed, sends ``newCSA(self, CSA, sock)`` out of
"protocolHandlerSignal" for each accepted connection (the receiver activates
the CSA) and ``shutdownCSA(self, CSA)`` when that connection has closed.

Differences from 1.x: it binds 127.0.0.1 unless ``host`` is given; port 0
picks a free port, and ``self.port`` / ``self.address`` say which one was
bound; a failed bind raises ``BindError`` (naming host:port) at construction
instead of leaving a silent, idle server; it is woken by the scheduler when a
connection is waiting instead of polling a Selector.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import selectors
import socket
import ssl
import time
from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Internet._errors import BindError
from Kamaelia.Internet.ConnectedSocketAdapter import ConnectedSocketAdapter
from Kamaelia.IPC import newCSA, serverListening, shutdownCSA, socketHalfClosed, socketShutdown

__all__ = ["TCPServer", "makeListener"]

_log = logging.getLogger("Kamaelia.Internet.TCPServer")

_ACCEPTS_PER_SLICE = 64
# Running out of descriptors is temporary: stop accepting for a moment instead of spinning.
_RESOURCE_ERRORS = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}
_BACKOFF = 0.1
_WARN_EVERY = 10.0  # seconds between repeats of the same warning (EMFILE, the cap)


class _RateLimitedLog:
    """Logs a message at most once per ``every`` seconds, saying how many were held back."""

    def __init__(self, logger: logging.Logger, every: float) -> None:
        self.logger = logger
        self.every = every
        self.last: dict[str, float] = {}
        self.held: dict[str, int] = {}

    def log(self, level: int, message: str, *args: Any) -> None:
        now = time.monotonic()
        if now - self.last.get(message, -self.every) < self.every:
            self.held[message] = self.held.get(message, 0) + 1
            return
        self.last[message] = now
        held = self.held.pop(message, 0)
        if held:
            message += f" ({held} more like this in the last {self.every:.0f} s)"
        self.logger.log(level, message, *args)


def _normaliseOptions(socketOptions: Any) -> list[tuple[Any, ...]]:
    if socketOptions is None:
        return []
    if socketOptions and isinstance(socketOptions[0], tuple):
        return list(socketOptions)
    return [tuple(socketOptions)]


def makeListener(
    who: str, host: str, port: int, socketOptions: Any = None, backlog: int = 1024
) -> socket.socket:
    """Return a non-blocking socket listening on ``(host, port)``; raise BindError if it cannot."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as error:
        raise BindError(who, host, port, error) from error
    try:
        if os.name == "posix":
            # Lets a restarted server rebind at once; an active listener still blocks the port.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        for option in _normaliseOptions(socketOptions):
            sock.setsockopt(*option)
        sock.bind((host, port))
        sock.listen(backlog)
        sock.setblocking(False)
    except OSError as error:
        sock.close()
        raise BindError(who, host, port, error) from error
    return sock


@checked_keywords
class TCPServer(component):
    """Listens on a TCP port; each connection becomes a ConnectedSocketAdapter."""

    Inboxes = {
        "_feedbackFromCSA": "socketShutdown / socketHalfClosed from the adapters it made",
        "newconnection": "kept from 1.x: any message is a hint to accept now",
        "control": "serverShutdown (or any shutdownMicroprocess): stop listening and end",
    }
    Outboxes = {
        "protocolHandlerSignal": "newCSA, shutdownCSA, socketHalfClosed and serverListening messages",
        "signal": "unused (kept from 1.x)",
        "_selectorSignal": "unused (kept from 1.x)",
        "_selectorShutdownSignal": "unused (kept from 1.x)",
    }
    CSA: Any = ConnectedSocketAdapter  # 1.x idiom: a subclass (or CSA=...) picks the adapter

    def __init__(
        self,
        listenport: int,
        socketOptions: Any = None,
        host: str = "127.0.0.1",
        sslContext: ssl.SSLContext | None = None,
        idleTimeout: float | None = None,
        backlog: int = 1024,
        requestTimeout: float | None = None,
        maxConnections: int | None = None,
        **argd: Any,
    ) -> None:
        super().__init__(**argd)
        self.listenport = listenport
        self.socketOptions = socketOptions
        self.host = host
        self.sslContext = sslContext
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
        self.maxConnections = maxConnections
        self._full = False  # at maxConnections: not accepting until one closes
        self._warnings = _RateLimitedLog(_log, _WARN_EVERY)
        self.listener: socket.socket | None = makeListener(
            type(self).__name__, host, listenport, socketOptions, backlog
        )
        self.address: tuple[str, int] = self.listener.getsockname()[:2]
        self.port: int = self.address[1]
        self.socket_handlers: dict[Any, Any] = {}  # CSA -> socket (1.x keyed it the other way)
        self._acceptable = True
        self._watching = False
        self._retryTimer: Any = None

    def _onReady(self, fileobj: Any, mask: int) -> None:
        self._acceptable = True
        self.unpause()

    def _setWatching(self, on: bool) -> None:
        if on == self._watching or self.listener is None:
            return
        self._watching = on
        if on:
            self.scheduler.watch_io(self.listener, selectors.EVENT_READ, self._onReady)
        else:
            self.scheduler.unwatch_io(self.listener)

    def main(self) -> Generator[int, None, None]:
        """Accept connections until told to stop."""
        self.send(serverListening(self, self.address), "protocolHandlerSignal")
        self._setWatching(True)
        while True:
            if self._controlSaysStop():
                break
            self.anyClosedSockets()
            while self.dataReady("newconnection"):
                self.recv("newconnection")
                self._acceptable = True
            if self._acceptable and self._watching:
                self.handleNewConnection()
            if not (self._acceptable and self._watching) and not self.anyReady():
                self.pause()
            yield 1
        self._closeListener()

    def _controlSaysStop(self) -> bool:
        while self.dataReady("control"):
            message = self.recv("control")
            if isinstance(message, shutdownMicroprocess) or message is shutdownMicroprocess:
                return True
        return False

    def anyClosedSockets(self) -> bool:
        """Handle feedback from adapters; True if any connection closed."""
        closed = False
        while self.dataReady("_feedbackFromCSA"):
            message = self.recv("_feedbackFromCSA")
            if isinstance(message, socketShutdown):
                self.closeSocket(message)
                closed = True
            elif isinstance(message, socketHalfClosed):
                self.send(message, "protocolHandlerSignal")
        return closed

    def closeSocket(self, shutdownMessage: socketShutdown) -> None:
        """Forget a closed adapter and announce ``shutdownCSA`` for it."""
        csa = shutdownMessage.caller
        sock = self.socket_handlers.pop(csa, None)
        if sock is not None:
            sock.close()  # normally closed already by the adapter; closing twice is harmless
        self.send(shutdownCSA(self, csa), "protocolHandlerSignal")
        self.removeChild(csa)
        if self._full and self._retryTimer is None:
            self._full = False
            self._resume()

    def handleNewConnection(self) -> None:
        """Accept waiting connections (a bounded number per timeslice)."""
        assert self.listener is not None
        for _ in range(_ACCEPTS_PER_SLICE):
            if self.maxConnections is not None and len(self.socket_handlers) >= self.maxConnections:
                self._stopAcceptingWhileFull()
                return
            try:
                newsock, _addr = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                self._acceptable = False
                return
            except ConnectionAbortedError:
                continue
            except OSError as error:
                self._backOff(error)
                return
            self._adopt(newsock)

    def _stopAcceptingWhileFull(self) -> None:
        self._full = True
        self._acceptable = False
        self._setWatching(False)
        self._warnings.log(
            logging.WARNING,
            "%s: at its connection limit (%d) on %s:%s; new connections wait in the backlog",
            self.name,
            self.maxConnections,
            *self.address,
        )

    def _backOff(self, error: OSError) -> None:
        level = logging.WARNING if error.errno in _RESOURCE_ERRORS else logging.ERROR
        self._warnings.log(
            level, "%s: accept() failed on %s:%s: %s", self.name, *self.address, error
        )
        self._acceptable = False
        self._setWatching(False)
        self._retryTimer = self.scheduler.call_later(_BACKOFF, self._resume)

    def _resume(self) -> None:
        self._retryTimer = None
        self._setWatching(True)
        self._acceptable = True
        self.unpause()

    def createConnectedSocket(self, sock: socket.socket) -> Any:
        """Return a new adapter (not yet activated) for an accepted socket."""
        options: dict[str, Any] = {}
        if self.sslContext is not None:
            options["sslContext"] = self.sslContext
        if self.idleTimeout is not None:
            options["idleTimeout"] = self.idleTimeout
        if self.requestTimeout is not None:
            options["requestTimeout"] = self.requestTimeout
        return self.CSA(sock, None, **options)

    def _adopt(self, newsock: socket.socket) -> None:
        newsock.setblocking(False)
        with contextlib.suppress(OSError):  # not on every platform/family; latency only
            newsock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        csa = self.createConnectedSocket(newsock)
        self.socket_handlers[csa] = newsock
        self.addChildren(csa)
        self.link((csa, "CreatorFeedback"), (self, "_feedbackFromCSA"))
        self.send(newCSA(self, csa, newsock), "protocolHandlerSignal")

    def _closeListener(self) -> None:
        if self._retryTimer is not None:
            self._retryTimer.cancel()
            self._retryTimer = None
        if self.listener is not None:
            self._setWatching(False)
            self.listener.close()
            self.listener = None

    def stop(self) -> None:
        """Close the listening socket, then stop as a microprocess does."""
        self._closeListener()
        super().stop()
