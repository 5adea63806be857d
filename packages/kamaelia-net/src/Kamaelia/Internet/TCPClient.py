"""TCPClient: connects to a server and exposes the connection as boxes.

Bytes sent to "inbox" go to the server; bytes from the server come out of
"outbox". When the connection ends, exactly one message goes out of
"signal": ``producerFinished(self, howDied)`` after a connection, or
``connectionFailed(self, ConnectError(...))`` (a producerFinished subclass
whose ``message`` names host, port and reason) when it could not connect —
refused, unreachable, unknown host or ``connect_timeout``.

Control, as in 1.x: before the connection is up, producerFinished or
shutdownMicroprocess on "control" abort the attempt and are passed on out of
"signal" (other messages are passed on too unless ``wait_for_serverclose``);
afterwards "control" goes straight to the connection: producerFinished sends
what is queued and closes (with ``wait_for_serverclose``, it half-closes and
waits for the server to close), shutdownMicroprocess closes at once.

Differences from 1.x: no busy-waiting (``delay`` and ``connect_timeout`` use
scheduler timers, names are resolved in a helper thread), producerFinished is
sent once (1.x sent up to three), errors are reported, ``sslContext``
connects with TLS (``serverHostname`` defaults to ``host``), and the send
queue is bounded (``maxSendQueue``, default 1,024 messages; ``None``: 1.x's
unbounded queue): a producer meets ``noSpaceInBox`` and waits, as in the
back-pressure guide, instead of filling memory when the server reads slowly.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import logging
import os
import selectors
import socket
import ssl
import threading
from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import newComponent, producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Internet._errors import ConnectError
from Kamaelia.Internet.ConnectedSocketAdapter import ConnectedSocketAdapter
from Kamaelia.IPC import connectionFailed, socketShutdown

__all__ = ["TCPClient"]

_log = logging.getLogger("Kamaelia.Internet.TCPClient")

_IN_PROGRESS = (errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, errno.EALREADY)


def _checkAddress(who: str, host: str, port: Any) -> None:
    """Refuse at once what can never connect: a port out of range, a malformed IP address."""
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port <= 65535:
        raise ValueError(f"{who}: port must be 1-65535, got {port!r}")
    if isinstance(host, str) and host and all(c.isdigit() or c == "." for c in host):
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise ValueError(f"{who}: host {host!r} is not a valid IP address") from None


class _Aborted(Exception):
    """Control asked us to give up before the connection was made."""


@checked_keywords
class TCPClient(component):
    """A TCP (or TLS) connection to host:port: "inbox" is sent, "outbox" is received."""

    Inboxes = {
        "inbox": "bytes to send to the server",
        "_socketFeedback": "notifications from the connection's adapter",
        "control": "producerFinished: finish sending, then close; shutdownMicroprocess: close now",
        "makessl": "start TLS on the connection now (an ssl.SSLContext, or anything)",
    }
    Outboxes = {
        "outbox": "bytes received from the server",
        "signal": "producerFinished(self, howDied) once at the end, or connectionFailed",
        "_selectorSignal": "unused (kept from 1.x)",
        "sslready": "b'' once TLS asked for on 'makessl' is established",
    }
    Usescomponents = [ConnectedSocketAdapter]

    def __init__(
        self,
        host: str,
        port: int,
        delay: float = 0,
        connect_timeout: float = 60,
        wait_for_serverclose: bool = False,
        *,
        sslContext: ssl.SSLContext | None = None,
        serverHostname: str | None = None,
        maxSendQueue: int | None = 1024,
    ) -> None:
        super().__init__()
        _checkAddress(type(self).__name__, host, port)
        # Bounded from the start: what is sent before the connection is up waits here.
        self.inboxes["inbox"].setSize(maxSendQueue)
        self.host = host
        self.port = port
        self.delay = delay
        self.connect_timeout = connect_timeout
        self.wait_for_serverclose = wait_for_serverclose
        self.sslContext = sslContext
        self.maxSendQueue = maxSendQueue
        self.serverHostname = serverHostname if serverHostname is not None else host
        self.CSA: Any = None
        self.sock: socket.socket | None = None
        self.howDied: Any = None
        self._timerFired = False
        self._resolved: Any = None
        self._connectReady = False

    # -- waiting without spinning -------------------------------------------------

    def _wake(self, *_args: Any) -> None:
        self.unpause()

    def _fire(self) -> None:
        self._timerFired = True
        self.unpause()

    def _checkControl(self) -> None:
        while self.dataReady("control"):
            message = self.recv("control")
            stop = isinstance(message, (producerFinished, shutdownMicroprocess))
            if not self.wait_for_serverclose or isinstance(message, shutdownMicroprocess):
                self.send(message, "signal")
                if stop:
                    raise _Aborted()

    def _sleep(self, seconds: float) -> Generator[int, None, None]:
        self._timerFired = False
        timer = self.scheduler.call_later(seconds, self._fire)
        try:
            while not self._timerFired:
                self._checkControl()
                self.pause()
                yield 1
        finally:
            timer.cancel()

    # -- connecting ----------------------------------------------------------------

    def _resolve(self, deadline: dict[str, bool]) -> Generator[int, None, None]:
        """Look the host up; numeric addresses at once, names in a helper thread."""
        try:
            self._resolved = socket.getaddrinfo(
                self.host, self.port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST
            )
            return
        except (socket.gaierror, UnicodeError):
            pass

        def lookup() -> None:
            try:
                found: Any = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError) as error:
                found = error
            self._resolved = found
            self.unpause()

        # getaddrinfo blocks; a helper thread keeps the scheduler running meanwhile.
        threading.Thread(target=lookup, name=f"{self.name} resolver", daemon=True).start()
        while self._resolved is None:
            self._checkControl()
            if deadline["expired"]:
                raise TimeoutError(f"name lookup took over {self.connect_timeout} s")
            self.pause()
            yield 1

    def _onWritable(self, fileobj: Any, mask: int) -> None:
        self._connectReady = True
        self.unpause()

    def _connectTo(
        self, family: int, address: Any, deadline: Any
    ) -> Generator[int, None, socket.socket]:
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setblocking(False)
        self.sock = sock
        code = sock.connect_ex(address)
        if code not in (0, *_IN_PROGRESS):
            raise OSError(code, os.strerror(code))
        if code != 0:
            self._connectReady = False
            self.scheduler.watch_io(sock, selectors.EVENT_WRITE, self._onWritable)
            try:
                while not self._connectReady:
                    self._checkControl()
                    if deadline["expired"]:
                        raise TimeoutError(f"no answer within {self.connect_timeout} s")
                    self.pause()
                    yield 1
            finally:
                self.scheduler.unwatch_io(sock)
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code:
                raise OSError(code, os.strerror(code))
        return sock

    def _connect(self) -> Generator[int, None, socket.socket]:
        """Resolve, then try each address in turn; return the connected socket or raise."""
        deadline = {"expired": False}

        def expire() -> None:
            deadline["expired"] = True
            self.unpause()

        timer = self.scheduler.call_later(self.connect_timeout, expire)
        try:
            yield from self._resolve(deadline)
            if isinstance(self._resolved, BaseException):
                raise self._resolved
            lastError: BaseException = OSError("no addresses")
            for family, _type, _proto, _name, address in self._resolved:
                try:
                    sock = yield from self._connectTo(family, address, deadline)
                    return sock
                except (OSError, TimeoutError) as error:
                    lastError = error
                    self._closeSock()
                    if isinstance(error, TimeoutError):
                        break
            raise lastError
        finally:
            timer.cancel()

    def _closeSock(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    # -- running -------------------------------------------------------------------

    def main(self) -> Generator[int | newComponent, None, None]:
        """Connect, run the connection, and report how it ended (once)."""
        try:
            if self.delay:
                yield from self._sleep(self.delay)
            try:
                sock = yield from self._connect()
            except _Aborted:
                raise
            except (OSError, TimeoutError, UnicodeError) as error:
                self._closeSock()
                failure = ConnectError(type(self).__name__, self.host, self.port, error)
                self.howDied = failure
                # Logged as an error too: a failure nobody linked "signal" for must not vanish.
                _log.error("%s: %s", self.name, failure)
                self.send(connectionFailed(self, failure), "signal")
                return
        except _Aborted:
            self._closeSock()
            return
        yield newComponent(*self.setupCSA(sock))
        while not self._csaClosed():
            self.pause()
            yield 1
        self.send(producerFinished(self, self.howDied), "signal")

    def setupCSA(self, sock: socket.socket) -> list[Any]:
        """Wrap the connected socket in an adapter and wire it to our boxes."""
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        csa = ConnectedSocketAdapter(
            sock,
            None,
            sslContext=self.sslContext,
            serverSide=False,
            serverHostname=self.serverHostname,
            closeOnPeerClose=True,
            waitForPeerClose=self.wait_for_serverclose,
            # 1.x's send side was unbounded; a bound makes senders see noSpaceInBox
            # (and wait) instead of filling memory when the server reads slowly.
            maxSendQueue=self.maxSendQueue,
        )
        self.addChildren(csa)
        self.link((csa, "CreatorFeedback"), (self, "_socketFeedback"))
        self.link((csa, "outbox"), (self, "outbox"), passthrough=2)
        self.link((csa, "sslready"), (self, "sslready"), passthrough=2)
        self.link((self, "inbox"), (csa, "inbox"), passthrough=1)
        self.link((self, "makessl"), (csa, "makessl"), passthrough=1)
        self.link((self, "control"), (csa, "control"), passthrough=1)
        self.CSA = csa
        return self.childComponents()

    def _csaClosed(self) -> bool:
        while self.dataReady("_socketFeedback"):
            message = self.recv("_socketFeedback")
            if isinstance(message, socketShutdown):
                try:
                    _sock, self.howDied = message.message
                except (TypeError, ValueError):
                    self.howDied = None
                return True
        return False

    def stop(self) -> None:
        """Close a socket still being connected when stopped from outside."""
        if self.CSA is None:
            self._closeSock()
        super().stop()
