"""A small HTTP/1.1 server protocol: static files and JSON endpoints.

Use it as the protocol of a server::

    routes = {"/": StaticFiles("site"), "/api/time": JSONEndpoint(lambda req: {"t": time.time()})}
    SimpleServer(protocol=lambda: HTTPProtocol(routes), port=8080).run()

A route is a path prefix (``"/api"`` matches ``/api`` and ``/api/x``, not
``/apix``); the longest matching prefix wins, and its handler is called with
a ``Request`` and returns a ``Response``. Keep-alive is HTTP/1.1's default;
``Connection: close`` and HTTP/1.0 close after the response.

Bad input is answered and the connection closed: a malformed request gets
400, headers over ``maxHeaderBytes`` 431, a body over ``maxBodyBytes`` 413,
chunked request bodies 501. A handler that raises gets 500 (logged), and the
connection carries on. Bodies are held in memory: fine for pages and JSON,
not for large downloads.

This is new in Kamaelia 2; 1.x's ``Kamaelia.Protocol.HTTP`` (HTTPServer,
HTTPParser, resource dicts) is not ported.
"""

from __future__ import annotations

import json
import logging
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from Axon.Component import component
from Axon.Ipc import producerFinished

__all__ = ["HTTPProtocol", "JSONEndpoint", "Request", "Response", "StaticFiles"]

_log = logging.getLogger("Kamaelia.Protocol.SimpleHTTP")


@dataclass
class Request:
    """One parsed request; ``route`` is the prefix that matched and ``subpath`` the rest."""

    method: str
    target: str
    version: str
    headers: dict[str, str]
    body: bytes = b""
    route: str = ""

    @property
    def path(self) -> str:
        """The decoded path, without the query."""
        return unquote(urlsplit(self.target).path)

    @property
    def query(self) -> dict[str, list[str]]:
        """The query string as a dict of lists."""
        return parse_qs(urlsplit(self.target).query)

    @property
    def subpath(self) -> str:
        """The path below the matched route."""
        return self.path[len(self.route.rstrip("/")) :]

    def json(self) -> Any:
        """The body parsed as JSON (ValueError if it is not)."""
        return json.loads(self.body or b"null")


@dataclass
class Response:
    """What a handler returns."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Request], Response]


class _BadRequest(Exception):
    def __init__(self, status: int, why: str) -> None:
        super().__init__(why)
        self.status = status


def _error(status: int, why: str = "") -> Response:
    text = f"{status} {HTTPStatus(status).phrase}\n{why}\n"
    return Response(status=status, body=text.encode())


class StaticFiles:
    """A handler serving files below ``root`` (``index.html`` for directories); GET and HEAD."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()

    def __call__(self, request: Request) -> Response:
        """Return the file's bytes, or 404/405."""
        if request.method not in ("GET", "HEAD"):
            return _error(405, f"{request.method} is not allowed here; use GET or HEAD")
        wanted = (self.root / request.subpath.lstrip("/")).resolve()
        # resolve() removes "..": anything that ends up outside root is not ours to serve.
        if wanted != self.root and self.root not in wanted.parents:
            return _error(404)
        if wanted.is_dir():
            wanted = wanted / "index.html"
        if not wanted.is_file():
            return _error(404)
        kind = mimetypes.guess_type(wanted.name)[0] or "application/octet-stream"
        return Response(body=wanted.read_bytes(), content_type=kind)


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


class HTTPProtocol(component):
    """Serves HTTP/1.1 requests on one connection by dispatching them to route handlers."""

    Inboxes = {
        "inbox": "bytes from the client",
        "control": "producerFinished: answer what has arrived, then finish; others stop at once",
    }
    Outboxes = {
        "outbox": "bytes to the client",
        "signal": "producerFinished when the connection should close",
    }

    def __init__(
        self,
        routes: dict[str, Handler],
        maxHeaderBytes: int = 65536,
        maxBodyBytes: int = 1 << 20,
    ) -> None:
        super().__init__()
        self.routes = dict(sorted(routes.items(), key=lambda item: -len(item[0])))
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.buffer = bytearray()

    def main(self):  # type: ignore[no-untyped-def]
        """Parse and answer requests until the connection should close."""
        peerDone = False
        while True:
            while self.dataReady("inbox"):
                self.buffer += self.recv("inbox")
            if self.dataReady("control"):
                message = self.recv("control")
                if not isinstance(message, producerFinished):
                    self.send(message, "signal")
                    return
                peerDone = True
            # Once the peer has stopped sending, whatever is left can never complete.
            if not self._answerWaiting() or peerDone:
                break
            if not self.anyReady():
                self.pause()
            yield 1
        self.send(producerFinished(self), "signal")

    def _answerWaiting(self) -> bool:
        """Answer every complete request buffered; False when the connection should close."""
        while True:
            try:
                request = self._parse()
            except _BadRequest as bad:
                _log.info("%s: %s", self.name, bad)
                self._respond(None, _error(bad.status, str(bad)), close=True)
                return False
            if request is None:
                return True
            response = self._dispatch(request)
            if not self._respond(request, response, close=self._wantsClose(request)):
                return False

    def _parse(self) -> Request | None:
        end = self.buffer.find(b"\r\n\r\n")
        if end == -1:
            if len(self.buffer) > self.maxHeaderBytes:
                raise _BadRequest(431, f"request headers over {self.maxHeaderBytes} bytes")
            return None
        if end > self.maxHeaderBytes:
            raise _BadRequest(431, f"request headers over {self.maxHeaderBytes} bytes")
        method, target, version, headers = self._head(bytes(self.buffer[:end]))
        if "chunked" in headers.get("transfer-encoding", "").lower():
            raise _BadRequest(501, "chunked request bodies are not supported")
        try:
            length = int(headers.get("content-length", "0"))
        except ValueError:
            raise _BadRequest(400, "Content-Length is not a number") from None
        if length < 0 or length > self.maxBodyBytes:
            raise _BadRequest(413, f"body of {length} bytes; the limit is {self.maxBodyBytes}")
        start = end + 4
        if len(self.buffer) < start + length:
            return None
        body = bytes(self.buffer[start : start + length])
        del self.buffer[: start + length]
        return Request(method, target, version, headers, body)

    @staticmethod
    def _head(head: bytes) -> tuple[str, str, str, dict[str, str]]:
        try:
            text = head.decode("latin-1")
            line, *fields = text.split("\r\n")
            method, target, version = line.split(" ")
        except ValueError:
            raise _BadRequest(400, "malformed request line") from None
        if not version.startswith("HTTP/1.") or not target.startswith("/") or not method.isalpha():
            raise _BadRequest(400, f"malformed request line {line[:80]!r}")
        headers = {}
        for item in fields:
            name, sep, value = item.partition(":")
            if not sep or not name or name != name.strip():
                raise _BadRequest(400, f"malformed header {item[:80]!r}")
            headers[name.lower()] = value.strip()
        return method, target, version, headers

    def _dispatch(self, request: Request) -> Response:
        path = request.path
        for prefix, handler in self.routes.items():
            bare = prefix.rstrip("/")
            if path == bare or path.startswith(bare + "/") or prefix == "/":
                request.route = prefix
                try:
                    return handler(request)
                except Exception:
                    _log.exception("%s: handler for %r failed", self.name, prefix)
                    return _error(500)
        return _error(404)

    @staticmethod
    def _wantsClose(request: Request) -> bool:
        connection = request.headers.get("connection", "").lower()
        if request.version == "HTTP/1.0":
            return connection != "keep-alive"
        return connection == "close"

    def _respond(self, request: Request | None, response: Response, close: bool) -> bool:
        phrase = HTTPStatus(response.status).phrase
        lines = [
            f"HTTP/1.1 {response.status} {phrase}",
            f"Content-Length: {len(response.body)}",
            f"Content-Type: {response.content_type}",
            f"Connection: {'close' if close else 'keep-alive'}",
            *(f"{name}: {value}" for name, value in response.headers.items()),
        ]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        withBody = request is None or request.method != "HEAD"
        self.send(head + response.body if withBody else head, "outbox")
        return not close
