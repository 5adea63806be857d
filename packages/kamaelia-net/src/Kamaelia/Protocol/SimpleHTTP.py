"""A small HTTP/1.1 server protocol: static files and JSON endpoints.

Use it as the protocol of a server::

    routes = {"/": StaticFiles("site"), "/api/time": JSONEndpoint(lambda req: {"t": time.time()})}
    SimpleServer(protocol=lambda: HTTPProtocol(routes), port=8080).run()

A route is a path prefix (``"/api"`` matches ``/api`` and ``/api/x``, not
``/apix``); the longest matching prefix wins, and its handler is called with
a ``Request`` and returns a ``Response``; a route whose value is a
``WebSocketEndpoint`` (``Kamaelia.Protocol.HTTP.WebSocket``) takes WebSocket
upgrades instead. Keep-alive is HTTP/1.1's default;
``Connection: close`` and HTTP/1.0 close after the response.

Parsing is httptools' when it is installed (``kamaelia-net[fast]``, the C
fast path, see ``Kamaelia.Protocol.HTTP._fastcore``; about twice the
requests per second), else h11's (see ``Kamaelia.Protocol.HTTP._core`` for
what is refused and why); ``parser="h11"`` or ``parser="httptools"`` picks
one. Bad input is answered and the connection closed: a malformed or
ambiguous request gets 400, headers over ``maxHeaderBytes`` 431, a body
(Content-Length or chunked) over ``maxBodyBytes`` 413, another HTTP major
version 505. A handler that raises gets 500 and one log line (no traceback),
and the connection carries on. Bodies are held in memory: fine for pages and
JSON, not for large downloads.

Deadlines, for a server (``ServerCore``/``SimpleServer``) that sets none of
its own: a request must arrive in full within ``requestTimeout`` seconds (30)
of its first byte, so a peer dribbling a byte at a time cannot hold a
connection, and a connection silent both ways for ``idleTimeout`` seconds
(75: an idle keep-alive, or a peer that stopped reading) is closed. ``None``
turns either off; the server's own ``requestTimeout``/``idleTimeout`` win.
Both are lifted when a connection becomes a WebSocket.

Back-pressure: while ``maxPendingReplies`` replies wait to be written to the
peer, no further pipelined request is parsed, so a client that pipelines and
never reads holds at most that many replies (plus the handler's bounded
inbox) in memory.
"""

from __future__ import annotations

import json
import logging
import mimetypes
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.IPC import connectionTimeouts
from Kamaelia.Protocol.HTTP._core import (
    HTTPError,
    Request,
    makeServerConnection,
    resolveBelow,
    status_line_phrase,
)
from Kamaelia.Protocol.HTTP.WebSocket import WebSocketEndpoint
from Kamaelia.Protocol.HTTP.WebSocket import serve as serveWebSocket

__all__ = ["HTTPProtocol", "JSONEndpoint", "Request", "Response", "StaticFiles"]

_log = logging.getLogger("Kamaelia.Protocol.SimpleHTTP")


@dataclass
class Response:
    """What a handler returns."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Request], Response]


def _error(status: int, why: str = "") -> Response:
    text = f"{status} {status_line_phrase(status)}\n{why}\n"
    return Response(status=status, body=text.encode())


@checked_keywords
class StaticFiles:
    """A handler serving files below ``root`` (``index.html`` for directories); GET and HEAD.

    Nothing outside ``root`` is served: not through ``..``, nor through a
    symlink (to a file, a folder or an ``index.html``) that leads out of it.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()

    def __call__(self, request: Request) -> Response:
        """Return the file's bytes, or 404/405."""
        if request.method not in ("GET", "HEAD"):
            return _error(405, f"{request.method} is not allowed here; use GET or HEAD")
        wanted = resolveBelow(self.root, request.subpath)
        if wanted is None:
            return _error(404)
        kind = mimetypes.guess_type(wanted.name)[0] or "application/octet-stream"
        return Response(body=wanted.read_bytes(), content_type=kind)


@checked_keywords
class JSONEndpoint:
    """A handler whose function takes the Request and returns something JSON can encode."""

    def __init__(self, function: Callable[[Request], Any]) -> None:
        self.function = function

    def __call__(self, request: Request) -> Response:
        """Encode the function's result as ``application/json``."""
        try:
            result = self.function(request)
        except ValueError as error:  # e.g. a body that is not JSON
            return _error(400, str(error))
        return Response(body=json.dumps(result).encode(), content_type="application/json")


@checked_keywords
class HTTPProtocol(component):
    """Serves HTTP/1.1 requests on one connection by dispatching them to route handlers."""

    Inboxes = {
        "inbox": "bytes from the client",
        "control": "producerFinished: answer what has arrived, then finish; others stop at once",
        "_wsin": "messages from a WebSocket route's handler",
        "_wscontrol": "the WebSocket handler's end (producerFinished or WebSocketClose)",
    }
    Outboxes = {
        "outbox": "bytes to the client",
        "signal": "producerFinished when the connection should close",
        "_wsout": "messages to the WebSocket handler",
        "_wssignal": "WebSocketClose to the WebSocket handler once the connection has closed",
    }
    maxPendingReplies = 4  # replies waiting to be written before parsing pauses

    def __init__(
        self,
        routes: dict[str, Handler],
        maxHeaderBytes: int = 65536,
        maxBodyBytes: int = 1 << 20,
        parser: str = "auto",
        requestTimeout: float | None = 30.0,
        idleTimeout: float | None = 75.0,
    ) -> None:
        super().__init__()
        self.connectionTimeouts = connectionTimeouts(idleTimeout, requestTimeout)
        self.routes = dict(sorted(routes.items(), key=lambda item: -len(item[0])))
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.http = makeServerConnection(parser, maxHeaderBytes, maxBodyBytes)
        self.upgraded: tuple[WebSocketEndpoint, Request, bytes] | None = None

    def main(self) -> Generator[int, None, None]:
        """Parse and answer requests until the connection should close."""
        peerDone = False
        while True:
            if self.dataReady("control"):
                message = self.recv("control")
                if not isinstance(message, producerFinished):
                    self.send(message, "signal")
                    return
                peerDone = True
            if not self._answerWaiting(peerDone):
                break
            self.pause()
            yield 1
        if self.upgraded is not None:
            self.send(connectionTimeouts(), "signal")  # a WebSocket may rightly stay quiet
            yield from serveWebSocket(self, *self.upgraded)
        self.send(producerFinished(self), "signal")

    def _answerWaiting(self, peerDone: bool) -> bool:
        """Answer the requests that have arrived, while replies do not pile up.

        False when the connection should close.
        """
        http = self.http
        replies = self.outboxes["outbox"]
        while len(replies) < self.maxPendingReplies:
            try:
                request = http.nextRequest()
            except HTTPError as bad:
                _log.info("%s: %s %s", self.name, bad.status, bad)
                self._send(http.respond(None, bad.status, *_errorParts(bad.status, str(bad))))
                return False
            if request is not None:
                reply = self._reply(request)
                if reply is None or not self._send(reply):
                    return False
            elif self.dataReady("inbox"):
                http.feed(self.recv("inbox"))
            elif peerDone and not http.peerClosed:
                http.feed(b"")  # whatever is left can never complete
            else:
                return not http.peerClosed
        return True  # woken when the peer's adapter takes a reply

    def _reply(self, request: Request) -> tuple[bytes, bool] | None:
        """The reply's bytes and whether to keep the connection; None to end the HTTP part
        (switched to WebSocket, or nothing sendable)."""
        http = self.http
        handler = self._route(request)
        if isinstance(handler, WebSocketEndpoint):
            refusal = handler.refusal(request)
            if refusal is not None:
                return http.respond(request, refusal[0], *_errorParts(*refusal))
            data, trailing = http.switchProtocols(handler.acceptHeaders(request))
            self.send(data, "outbox")
            self.upgraded = (handler, request, trailing)
            return None
        try:
            return self._answer(request, handler)
        except HTTPError as broken:  # e.g. a header value holding CR LF
            _log.error(
                "%s: the response to %s %s: %s",
                self.name,
                request.method,
                request.target[:200],
                broken,
            )
            return None  # closing tells the client

    def _answer(self, request: Request, handler: Handler | None) -> tuple[bytes, bool]:
        response = self._call(handler, request)
        headers = [("Content-Type", response.content_type), *response.headers.items()]
        return self.http.respond(request, response.status, headers, response.body)

    def _send(self, reply: tuple[bytes, bool]) -> bool:
        self.send(reply[0], "outbox")
        return reply[1]

    def _route(self, request: Request) -> Any:
        """The handler of the longest matching prefix (``request.route`` set), or None."""
        path = request.path
        for prefix, handler in self.routes.items():
            bare = prefix.rstrip("/")
            if path == bare or path.startswith(bare + "/") or prefix == "/":
                request.route = prefix
                return handler
        return None

    def _call(self, handler: Handler | None, request: Request) -> Response:
        if handler is None:
            return _error(404)
        try:
            return handler(request)
        except Exception as error:
            # One line per failure: a client repeating a bad request must not flood the log.
            _log.error(
                "%s: handler for %r failed on %s %s: %s: %s",
                self.name,
                request.route,
                request.method,
                request.target[:200],
                type(error).__name__,
                error,
            )
            return _error(500)


def _errorParts(status: int, why: str) -> tuple[list[tuple[str, str]], bytes]:
    response = _error(status, why)
    return [("Content-Type", response.content_type)], response.body
