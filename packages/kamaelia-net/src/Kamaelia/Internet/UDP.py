"""UDP peers: send inbox messages as datagrams, emit received datagrams.

Every received datagram goes out of "outbox" as ``(data, (host, port))``, as
in 1.x. ``SimplePeer`` sends each inbox message to one fixed receiver,
``TargettedPeer`` to the ``(host, port)`` last sent to its "target" inbox, and
``PostboxPeer`` takes ``(host, port, data)`` messages.

Differences from 1.x: the socket is watched by the scheduler (1.x
busy-polled), datagrams up to 64 KiB are read (1.x cut them at 1024 bytes),
the local address defaults to 127.0.0.1 (1.x: 0.0.0.0), ``self.localport``
is the bound port once constructed (localport 0 picks one), and "control" is
honoured: producerFinished sends what is queued, then ends;
shutdownMicroprocess ends at once; either is passed on out of "signal".
"""

from __future__ import annotations

import logging
import selectors
import socket
from collections import deque
from collections.abc import Generator
from typing import Any

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

__all__ = ["BasicPeer", "PostboxPeer", "SimplePeer", "TargettedPeer"]

_log = logging.getLogger("Kamaelia.Internet.UDP")
_MAX_DATAGRAM = 65535
_READS_PER_SLICE = 64


@checked_keywords
class BasicPeer(component):
    """Base of the UDP peers: owns a bound, non-blocking datagram socket."""

    Inboxes = {"inbox": "messages to send", "control": "producerFinished / shutdownMicroprocess"}
    Outboxes = {"outbox": "(data, (host, port)) for each datagram received", "signal": "shutdown"}

    def __init__(self, localaddr: str = "127.0.0.1", localport: int = 0, **argd: Any) -> None:
        super().__init__(**argd)
        self.sock = self.makeSocket(localaddr, localport)
        self.localaddr, self.localport = self.sock.getsockname()[:2]
        self._outgoing: deque[tuple[bytes, tuple[str, int]]] = deque()
        self._held: Any = None
        self._readable = True
        self._writable = True
        self._mask = 0

    def makeSocket(self, localaddr: str, localport: int) -> socket.socket:
        """Return the bound non-blocking socket (override to set options)."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
        try:
            sock.bind((localaddr, localport))
        except OSError as error:
            sock.close()
            raise OSError(
                error.errno,
                f"{type(self).__name__} could not bind {localaddr}:{localport}: {error.strerror}",
            ) from error
        sock.setblocking(False)
        return sock

    def destinationFor(self, message: Any) -> tuple[bytes, tuple[str, int]] | None:
        """Turn one inbox message into (data, address); None to skip it."""
        raise NotImplementedError

    def _onIO(self, fileobj: Any, mask: int) -> None:
        if mask & selectors.EVENT_READ:
            self._readable = True
        if mask & selectors.EVENT_WRITE:
            self._writable = True
        self.unpause()

    def _watch(self) -> None:
        mask = 0
        if not self._readable and self._held is None:
            mask |= selectors.EVENT_READ
        if not self._writable and self._outgoing:
            mask |= selectors.EVENT_WRITE
        if mask != self._mask:
            self._mask = mask
            if mask:
                self.scheduler.watch_io(self.sock, mask, self._onIO)
            else:
                self.scheduler.unwatch_io(self.sock)

    def main(self) -> Generator[int, None, None]:
        """Send and receive until told to stop."""
        stopMessage = None
        try:
            while True:
                while self.dataReady("control") and stopMessage is None:
                    stopMessage = self.recv("control")
                if stopMessage is not None and not isinstance(stopMessage, producerFinished):
                    break
                self._takeInbox()
                self._sendQueued()
                if stopMessage is not None and not self._outgoing:
                    break
                self._receive()
                self._watch()
                if not self._busy():
                    self.pause()
                yield 1
        finally:
            self._close()
        self.send(stopMessage, "signal")

    def _busy(self) -> bool:
        return bool(
            self.dataReady("inbox")
            or self.dataReady("control")
            or (self._readable and self._held is None)
            or (self._writable and self._outgoing)
        )

    def _takeInbox(self) -> None:
        while self.dataReady("inbox"):
            item = self.destinationFor(self.recv("inbox"))
            if item is not None:
                self._outgoing.append(item)

    def _sendQueued(self) -> None:
        while self._writable and self._outgoing:
            data, address = self._outgoing[0]
            try:
                self.sock.sendto(data, address)
            except (BlockingIOError, InterruptedError):
                self._writable = False
                return
            except OSError as error:
                # One bad destination must not stop the peer: report and go on.
                _log.warning("%s: could not send to %s: %s", self.name, address, error)
            self._outgoing.popleft()

    def _receive(self) -> None:
        if self._held is not None:
            try:
                self.send(self._held, "outbox")
            except noSpaceInBox:
                return
            self._held = None
        for _ in range(_READS_PER_SLICE if self._readable else 0):
            try:
                data, address = self.sock.recvfrom(_MAX_DATAGRAM)
            except (BlockingIOError, InterruptedError):
                self._readable = False
                return
            except OSError as error:
                _log.debug("%s: recvfrom: %s", self.name, error)  # e.g. ICMP port unreachable
                continue
            try:
                self.send(self.formatReceived(data, address), "outbox")
            except noSpaceInBox:
                self._held = self.formatReceived(data, address)
                return

    def formatReceived(self, data: bytes, address: Any) -> Any:
        """The message sent out of "outbox" for one datagram."""
        return (data, address[:2])

    def _close(self) -> None:
        if self._mask:
            self.scheduler.unwatch_io(self.sock)
            self._mask = 0
        self.sock.close()


@checked_keywords
class SimplePeer(BasicPeer):
    """Sends every inbox message to ``(receiver_addr, receiver_port)``."""

    def __init__(
        self,
        localaddr: str = "127.0.0.1",
        localport: int = 0,
        receiver_addr: str = "0.0.0.0",
        receiver_port: int = 0,
    ) -> None:
        super().__init__(localaddr, localport)
        self.receiver_addr = receiver_addr
        self.receiver_port = receiver_port

    def destinationFor(self, message: Any) -> tuple[bytes, tuple[str, int]] | None:
        """Every message goes to the fixed receiver."""
        return message, (self.receiver_addr, self.receiver_port)


class TargettedPeer(SimplePeer):
    """A SimplePeer whose receiver is changed by sending ``(host, port)`` to "target"."""

    Inboxes = {
        "inbox": "messages to send to the current target",
        "target": "(host, port): where later messages go",
        "control": "producerFinished / shutdownMicroprocess",
    }

    def _takeInbox(self) -> None:
        # A target change applies to the messages that arrive after it.
        while self.dataReady("target"):
            self.receiver_addr, self.receiver_port = self.recv("target")
        super()._takeInbox()


class PostboxPeer(BasicPeer):
    """Sends ``(host, port, data)`` inbox messages to their own destinations."""

    def destinationFor(self, message: Any) -> tuple[bytes, tuple[str, int]] | None:
        """Unpack ``(host, port, data)``."""
        host, port, data = message
        return data, (host, port)
