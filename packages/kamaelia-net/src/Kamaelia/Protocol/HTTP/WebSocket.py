"""WebSockets (RFC 6455) on wsproto: a server endpoint for SimpleHTTP routes, and a client.

Server: put a ``WebSocketEndpoint(factory)`` among ``HTTPProtocol``'s routes::

    routes = {"/": StaticFiles("site"), "/ws": WebSocketEndpoint(lambda request: Echo())}
    ServerCore(protocol=lambda **kw: HTTPProtocol(routes), port=8080).run()

An upgrade request to that route is accepted (101) and ``factory(request)``
makes a component for the connection: each message from the peer arrives on
its "inbox" (``str`` for text, ``bytes`` for binary), and what it sends on
"outbox" goes to the peer the same way. A plain GET there gets 426.

Client: ``WebSocketClient("ws://127.0.0.1:8080/ws")`` sends what arrives on
its "inbox" and puts what the server sends on its "outbox".

On both sides:

- pings from the peer are answered at once; send ``Ping(payload)`` to ping,
  and the answer arrives as ``Pong(payload)`` among the messages;
- a message larger than ``max_message_bytes`` (1 MiB) closes the connection
  with 1009 (message too big); a protocol error closes it with 1002;
- send ``WebSocketClose(code, reason)`` (or ``producerFinished``, meaning
  1000) to close; when the connection has closed, the component on the other
  side of the boxes gets a ``WebSocketClose`` carrying the peer's code (1006
  if the connection just dropped) — on "control" for a server handler, on
  "signal" from the client. ``WebSocketClose`` is a ``producerFinished``, so
  1.x-style components stop on it.
- back-pressure: a server handler's inbox holds at most 16 messages; while
  it is full (or, for the client, while the inbox its "outbox" feeds is full,
  if that one is size-limited), no more frames are read and TCP slows the
  peer down. Outgoing messages wait while the connection's send queue is full.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords
from wsproto import ConnectionType, WSConnection
from wsproto.connection import Connection, ConnectionState
from wsproto.events import (
    AcceptConnection,
    BytesMessage,
    CloseConnection,
    Message,
    RejectConnection,
    Request,
    TextMessage,
)
from wsproto.events import Ping as _WSPing
from wsproto.events import Pong as _WSPong
from wsproto.utilities import LocalProtocolError, generate_accept_token

from Kamaelia.Internet.TCPClient import TCPClient
from Kamaelia.Protocol.HTTP._tcp import TCP_INBOXES, TCP_OUTBOXES, startConnection
from Kamaelia.Protocol.HTTP.HTTPParser import splitUri

__all__ = ["Ping", "Pong", "WebSocketClient", "WebSocketClose", "WebSocketEndpoint"]

_log = logging.getLogger("Kamaelia.Protocol.HTTP.WebSocket")

UNREAD_MESSAGES = 16  # a server handler's inbox size: received messages waiting to be read


class WebSocketClose(producerFinished):
    """Close (sent by the user) or closed (sent to the user), with the close code and reason."""

    def __init__(self, code: int = 1000, reason: str = "", caller: Any = None) -> None:
        super().__init__(caller, (code, reason))
        self.code = code
        self.reason = reason

    def __repr__(self) -> str:
        return f"WebSocketClose({self.code}, {self.reason!r})"


class Ping:
    """A ping to send (``payload``: up to 125 bytes)."""

    def __init__(self, payload: bytes = b"") -> None:
        self.payload = payload


class Pong:
    """The peer's answer to a ping."""

    def __init__(self, payload: bytes = b"") -> None:
        self.payload = payload

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pong) and other.payload == self.payload

    def __repr__(self) -> str:
        return f"Pong({self.payload!r})"


@checked_keywords
class WebSocketEndpoint:
    """A SimpleHTTP route value that accepts WebSocket upgrades and runs ``factory(request)``."""

    def __init__(self, factory: Callable[[Any], Any], max_message_bytes: int = 1 << 20) -> None:
        self.factory = factory
        self.max_message_bytes = max_message_bytes

    def refusal(self, request: Any) -> tuple[int, str] | None:
        """Why ``request`` is not a WebSocket upgrade we accept (status, text), or None."""
        headers = request.headers
        if request.method != "GET" or headers.get("upgrade", "").lower() != "websocket":
            return 426, "this resource speaks WebSocket only (Upgrade: websocket)"
        if "upgrade" not in [
            token.strip().lower() for token in headers.get("connection", "").split(",")
        ]:
            return 400, "a WebSocket upgrade needs Connection: Upgrade"
        if headers.get("sec-websocket-version") != "13" or not headers.get("sec-websocket-key"):
            return 400, "a WebSocket upgrade needs Sec-WebSocket-Version: 13 and a key"
        return None

    @staticmethod
    def acceptHeaders(request: Any) -> list[tuple[str, str]]:
        """The headers of the 101 answer to ``request``."""
        token = generate_accept_token(request.headers["sec-websocket-key"].encode("ascii"))
        return [
            ("Upgrade", "websocket"),
            ("Connection", "Upgrade"),
            ("Sec-WebSocket-Accept", token.decode("ascii")),
        ]

    @staticmethod
    def connection(trailing: bytes) -> Connection:
        """The server side of the frames that follow the handshake."""
        return Connection(ConnectionType.SERVER, trailing_data=trailing)


class MessagePump:
    """Moves frames between a wsproto connection and a component's boxes (both sides use it).

    ``rawIn``/``rawOut`` carry the connection's bytes, ``userIn``/``userOut``
    the messages. ``run(ended)`` is a generator for the component's main loop;
    ``ended()`` says whether the byte stream has ended ("eof"), must stop
    ("abort") or goes on (None). It returns the close (code, reason).
    """

    def __init__(
        self,
        owner: Any,
        ws: Connection | WSConnection,
        boxes: tuple[str, str, str, str],
        max_message_bytes: int,
    ) -> None:
        self.owner = owner
        self.ws = ws
        self.rawIn, self.rawOut, self.userIn, self.userOut = boxes
        self.maxBytes = max_message_bytes
        self._parts: list[Any] = []
        self._size = 0
        self._events: Iterator[Any] | None = None  # events parsed but not yet handled
        self.closed: tuple[int, str] | None = None

    def _write(self, event: Any) -> None:
        try:
            data = self.ws.send(event)
        except LocalProtocolError:  # the connection is closing: nothing more may be sent
            return
        if data:
            self.owner.send(data, self.rawOut)

    def close(self, code: int, reason: str = "") -> None:
        """Start the closing handshake (once)."""
        if self.ws.state is ConnectionState.OPEN:
            self._write(CloseConnection(code=code, reason=reason))

    def _deliver(self) -> None:
        """Handle parsed events while the user's inbox has room (a full one wakes us when read)."""
        userBox = self.owner.outboxes[self.userOut]
        while self._events is not None and self.closed is None and not userBox.isFull():
            event = next(self._events, None)
            if event is None:
                self._events = None
            else:
                self._handle(event)

    def _handle(self, event: Any) -> None:
        owner = self.owner
        if isinstance(event, Message):
            self._size += len(event.data)
            if self._size > self.maxBytes:
                self.close(1009, f"message over {self.maxBytes} bytes")
                self.closed = (1009, "message too big")
                return
            self._parts.append(event.data)
            if event.message_finished:
                joiner = "" if isinstance(event, TextMessage) else b""
                owner.send(joiner.join(self._parts), self.userOut)
                self._parts, self._size = [], 0
        elif isinstance(event, _WSPing):
            self._write(event.response())
        elif isinstance(event, _WSPong):
            owner.send(Pong(bytes(event.payload)), self.userOut)
        elif isinstance(event, CloseConnection):
            if self.ws.state is not ConnectionState.CLOSED:
                self._write(event.response())
            self.closed = (event.code, event.reason or "")

    def _fromUser(self, message: Any) -> None:
        if isinstance(message, Ping):
            self._write(_WSPing(payload=message.payload))
        elif isinstance(message, str):
            self._write(TextMessage(data=message))
        elif isinstance(message, (bytes, bytearray, memoryview)):
            self._write(BytesMessage(data=bytes(message)))
        elif isinstance(message, WebSocketClose):
            self.close(message.code, message.reason)
        elif isinstance(message, producerFinished):
            self.close(1000)
        else:
            raise TypeError(
                f"{self.owner.name}: {self.userIn!r} takes str, bytes, Ping or WebSocketClose, "
                f"not {type(message).__name__}: {message!r:.80}"
            )

    def run(self, ended: Callable[[], str | None]) -> Generator[int, None, tuple[int, str]]:
        """Pump until the connection closes; returns (code, reason)."""
        owner, ws = self.owner, self.ws
        rawOut = owner.outboxes[self.rawOut]
        while self.closed is None:
            self._deliver()
            while self._events is None and self.closed is None and owner.dataReady(self.rawIn):
                ws.receive_data(owner.recv(self.rawIn))
                self._events = ws.events()
                self._deliver()
            while self.closed is None and owner.dataReady(self.userIn) and not rawOut.isFull():
                self._fromUser(owner.recv(self.userIn))
            state = ended() if self.closed is None else None
            if state == "abort":
                return (1006, "stopped")
            if state == "eof" and self._events is None and not owner.dataReady(self.rawIn):
                ws.receive_data(None)
                self._events = ws.events()
                self._deliver()
                return self.closed or (1006, "the connection dropped")
            if self.closed is None:
                owner.pause()
                yield 1
        return self.closed


def serve(
    owner: Any, endpoint: WebSocketEndpoint, request: Any, trailing: bytes
) -> Generator[int, None, None]:
    """Run an accepted WebSocket connection inside ``owner`` (HTTPProtocol) until it closes.

    ``owner`` has the boxes "inbox"/"outbox"/"control" of the connection and
    "_wsin"/"_wscontrol"/"_wsout"/"_wssignal" for the handler made here.
    """
    handler = endpoint.factory(request)
    handler.inboxes["inbox"].setSize(UNREAD_MESSAGES)
    owner.link((handler, "outbox"), (owner, "_wsin"))
    owner.link((handler, "signal"), (owner, "_wscontrol"))
    owner.link((owner, "_wsout"), (handler, "inbox"))
    owner.link((owner, "_wssignal"), (handler, "control"))
    crashed: list[BaseException] = []

    def failed(_handler: Any, error: BaseException) -> None:
        crashed.append(error)
        owner.unpause()

    handler.set_failure_handler(failed)
    owner.addChildren(handler)
    handler.activate()
    boxes = ("inbox", "outbox", "_wsin", "_wsout")
    pump = MessagePump(owner, endpoint.connection(trailing), boxes, endpoint.max_message_bytes)
    peerDone: list[bool] = []

    def ended() -> str | None:
        while owner.dataReady("control"):
            if not isinstance(owner.recv("control"), producerFinished):
                return "abort"
            peerDone.append(True)
        while owner.dataReady("_wscontrol") and not owner.dataReady("_wsin"):
            message = owner.recv("_wscontrol")
            if isinstance(message, WebSocketClose):
                pump.close(message.code, message.reason)
            else:
                pump.close(1000)
        if crashed:
            error = crashed.pop()
            _log.error(
                "%s: WebSocket handler for %s crashed: %s: %s",
                owner.name,
                request.target[:200],
                type(error).__name__,
                error,
            )
            pump.close(1011, "internal error")
        return "eof" if peerDone else None

    code, reason = yield from pump.run(ended)
    owner.send(WebSocketClose(code, reason, owner), "_wssignal")


@checked_keywords
class WebSocketClient(component):
    """A WebSocket connection to ``url`` (``ws://host[:port]/path``): "inbox" out, "outbox" in."""

    Inboxes = {
        "inbox": "messages to send: str (text), bytes (binary), Ping, WebSocketClose",
        "control": "producerFinished: close (1000) after what is queued; shutdownMicroprocess: drop",
        **TCP_INBOXES,
    }
    Outboxes = {
        "outbox": "messages received: str, bytes, Pong",
        "signal": "WebSocketClose(code, reason) once closed (code 1006 if it failed)",
        **TCP_OUTBOXES,
    }

    def __init__(
        self, url: str, max_message_bytes: int = 1 << 20, connectionclass: Any = TCPClient
    ) -> None:
        super().__init__()
        parts = splitUri(url)
        if parts["uri-protocol"].lower() != "ws" or not parts["uri-server"]:
            raise ValueError(f"WebSocketClient: url must be ws://host[:port]/path, got {url!r}")
        self.host = parts["uri-server"]
        self.port = int(parts.get("uri-port") or 80)
        self.target = parts["raw-uri"]
        self.max_message_bytes = max_message_bytes
        self.connectionclass = connectionclass
        self._closeRequested = False

    def main(self) -> Generator[int, None, None]:
        """Connect, shake hands, pump messages until closed, report how it closed."""
        startConnection(self, self.connectionclass, self.host, self.port)
        ws = WSConnection(ConnectionType.CLIENT)
        hostHeader = self.host if self.port == 80 else f"{self.host}:{self.port}"
        self.send(ws.send(Request(host=hostHeader, target=self.target)), "_tcpoutbox")
        refused = yield from self._handshake(ws)
        if refused is None:
            pump = MessagePump(
                self, ws, ("_tcpinbox", "_tcpoutbox", "inbox", "outbox"), self.max_message_bytes
            )
            code, reason = yield from pump.run(self._ended(pump))
        else:
            _log.warning("%s: %s", self.name, refused)
            code, reason = 1006, refused
        self.send(producerFinished(self), "_tcpsignal")
        self.send(WebSocketClose(code, reason, self), "signal")

    def _ended(self, pump: MessagePump) -> Callable[[], str | None]:
        def ended() -> str | None:
            while self.dataReady("control"):
                message = self.recv("control")
                if not isinstance(message, producerFinished):
                    return "abort"
                self._closeRequested = True
            if self._closeRequested and not self.dataReady("inbox"):
                pump.close(1000)
            return "eof" if self.dataReady("_tcpcontrol") else None

        return ended

    def _handshake(self, ws: WSConnection) -> Generator[int, None, str | None]:
        """Wait for the server's answer; None once accepted, else why not."""
        while True:
            if self.dataReady("_tcpinbox"):
                ws.receive_data(self.recv("_tcpinbox"))
                for event in ws.events():
                    if isinstance(event, AcceptConnection):
                        return None
                    if isinstance(event, RejectConnection):
                        return f"ws://{self.host}:{self.port}{self.target} refused the upgrade ({event.status_code})"
                continue
            if self.dataReady("_tcpcontrol"):
                ended = self.recv("_tcpcontrol")
                why = getattr(ended, "message", None) or "the connection closed"
                return f"ws://{self.host}:{self.port}{self.target}: {why}"
            if self.dataReady("control"):
                if not isinstance(self.recv("control"), producerFinished):
                    return "stopped before the connection was made"
                self._closeRequested = True  # close once connected, after what is queued
            self.pause()
            yield 1
