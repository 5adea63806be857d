"""Messages exchanged by the networking components (the 1.x ``Kamaelia.IPC`` module).

The 1.x names and attributes are kept: ``newCSA.object`` is the new
ConnectedSocketAdapter and ``newCSA.sock`` its socket, ``socketShutdown`` is a
``producerFinished`` whose ``message`` is ``[sock, howDied]``, and the selector
requests carry ``((component, inboxname), fileobj)`` or ``fileobj``.

Kamaelia 2 adds five messages: ``serverListening`` (a server tells which
address it bound), ``socketHalfClosed`` (the peer finished sending but still
reads), ``connectionFailed`` (a client could not connect; it is a
``producerFinished`` so that 1.x pipelines still shut down on it),
``connectionDeadline`` (a protocol handler sets or clears a deadline for its
connection) and ``connectionTimeouts`` (a protocol handler sets or lifts its
connection's idle and request deadlines).
"""

from __future__ import annotations

from typing import Any

from Axon.Ipc import ipc as _ipc
from Axon.Ipc import notify, producerFinished, shutdownMicroprocess

__all__ = [
    "connectionDeadline",
    "connectionTimeouts",
    "connectionFailed",
    "newCSA",
    "newExceptional",
    "newReader",
    "newServer",
    "newWriter",
    "removeExceptional",
    "removeReader",
    "removeWriter",
    "serverListening",
    "serverShutdown",
    "shutdownCSA",
    "socketHalfClosed",
    "socketShutdown",
]


class socketShutdown(producerFinished):
    """A connection has closed; ``message`` is ``[sock, howDied]`` when a CSA sends it."""


class serverShutdown(shutdownMicroprocess):
    """Asks a server (TCPServer, ServerCore) to stop listening and end."""


class newCSA(notify):
    """A server accepted a connection: ``object`` is its ConnectedSocketAdapter, ``sock`` its socket."""

    def __init__(self, caller: Any, CSA: Any, sock: Any = None) -> None:
        super().__init__(caller, CSA)
        self.sock = sock

    def handlesWriting(self) -> bool:
        """Always True (kept from 1.x)."""
        return True


class shutdownCSA(notify):
    """A connection has ended: ``object`` is its ConnectedSocketAdapter."""

    def __init__(self, caller: Any, CSA: Any) -> None:
        super().__init__(caller, CSA)

    def shutdown(self) -> bool:
        """Always True (kept from 1.x)."""
        return True


class newServer(notify):
    """Kept from 1.x: announces a new server component in ``object``."""

    def __init__(self, caller: Any, server: Any) -> None:
        super().__init__(caller, server)

    def handlesWriting(self) -> bool:
        """Always False (kept from 1.x)."""
        return False


class _selectorRequest(notify):
    """Base of the requests a Selector service understands."""

    def __init__(self, caller: Any, payload: Any) -> None:
        super().__init__(caller, payload)
        self.hasOOB = False


class newReader(_selectorRequest):
    """Ask the selector to send ``fileobj`` to ``(component, inbox)`` once it is readable.

    ``object`` is ``((component, inboxname), fileobj)``.
    """


class newWriter(_selectorRequest):
    """Ask the selector to send ``fileobj`` to ``(component, inbox)`` once it is writable."""


class newExceptional(_selectorRequest):
    """Kept from 1.x; the selectors module has no "exceptional" set, so it never fires."""


class removeReader(_selectorRequest):
    """Withdraw a read request; ``object`` is the file object."""


class removeWriter(_selectorRequest):
    """Withdraw a write request; ``object`` is the file object."""


class removeExceptional(_selectorRequest):
    """Withdraw an exceptional request; ``object`` is the file object."""


class serverListening(notify):
    """A server is listening: ``object`` is the ``(host, port)`` it bound (port 0 resolved)."""

    def __init__(self, caller: Any, address: tuple[str, int]) -> None:
        super().__init__(caller, address)
        self.host, self.port = address[0], address[1]


class socketHalfClosed(notify):
    """The peer of ``object`` (a ConnectedSocketAdapter) sent EOF; it may still read replies."""

    def __init__(self, caller: Any, CSA: Any) -> None:
        super().__init__(caller, CSA)


class connectionFailed(producerFinished):
    """A client could not connect; ``message`` is the exception, naming host and port.

    It is a ``producerFinished``, so a 1.x pipeline behind a TCPClient still
    shuts down; code that cares tests ``isinstance(msg, connectionFailed)``.
    """

    @property
    def exception(self) -> BaseException:
        """The error that stopped the connection attempt."""
        return self.message  # type: ignore[no-any-return]


class connectionDeadline(_ipc):
    """Sent to a ConnectedSocketAdapter's "control" (a server handler's "signal"):
    close the connection unless another ``connectionDeadline`` arrives within
    ``seconds``; ``seconds=None`` clears the deadline.

    A protocol uses it for limits only it can see: a request head must be
    complete within 10 s, the body must make progress every 5 s (re-arm it
    whenever some arrives), and so on.
    """

    def __init__(self, seconds: float | None) -> None:
        if seconds is not None and not seconds >= 0:
            raise ValueError(f"connectionDeadline needs seconds >= 0 or None, got {seconds!r}")
        self.seconds = seconds


class connectionTimeouts(_ipc):
    """Sent to a ConnectedSocketAdapter's "control" (a server handler's "signal"): from
    now on close the connection after ``idleTimeout`` seconds without traffic either
    way, and when the peer's bytes go ``requestTimeout`` seconds without a reply
    (``None``: no such deadline) - for whichever of the two the server did not set
    itself (``ServerCore(idleTimeout=, requestTimeout=)`` wins).

    A handler may also carry one as its ``connectionTimeouts`` attribute: the
    server hands it to the connection before it starts. The HTTP protocols carry
    ``connectionTimeouts(idleTimeout=75, requestTimeout=30)`` and send
    ``connectionTimeouts()`` when a connection becomes a WebSocket, whose peers
    may rightly stay quiet for long.
    """

    def __init__(
        self, idleTimeout: float | None = None, requestTimeout: float | None = None
    ) -> None:
        for name, seconds in (("idleTimeout", idleTimeout), ("requestTimeout", requestTimeout)):
            if seconds is not None and not seconds > 0:
                raise ValueError(f"connectionTimeouts needs {name} > 0 or None, got {seconds!r}")
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
