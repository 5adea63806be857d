"""HTTPServer: 1.x's HTTP protocol handler with request handler components, on the h11 core.

``HTTPServer(createRequestHandler)`` serves one connection (use it as the
protocol of a ``ServerCore``; ``Kamaelia.Support.Protocol.HTTP.HTTPProtocol``
builds one from a routing table). For each request it calls
``createRequestHandler(request)`` with 1.x's request dict (``method``,
``raw-uri``, ``non-query-uri``, ``query``, ``headers`` (lower-case names),
``version`` ("1.1"), ``protocol``, ``uri-server``, ``peer``, ``peerport``,
``localip``, ``localport``, ``bad``; ``body`` also holds the body here) and
runs the component it returns:

- the request body arrives on the handler's "inbox", then ``producerFinished``
  on its "control";
- the handler sends resource dicts on "outbox": the first carries
  ``statuscode`` and optionally ``content-type`` (or 1.x's ``type``),
  ``charset``, ``headers`` (a list of pairs), ``length``, ``complete`` and
  ``data``; later ones carry more ``data`` (str is sent as UTF-8);
- ``producerFinished`` on its "signal" ends the response.

Framing as 1.x chose it: ``complete`` or ``length`` give a Content-Length;
otherwise HTTP/1.1 clients get a chunked body (1.x closed the connection)
and HTTP/1.0 clients get the body up to the close. Keep-alive and pipelining
follow HTTP/1.1, with the same limits and refusals as
``Kamaelia.Protocol.SimpleHTTP`` (400/413/431/505, ``maxPendingReplies``
unwritten replies before parsing pauses, the ``requestTimeout`` (30 s) and
``idleTimeout`` (75 s) deadlines; httptools parses when installed,
else h11, or as ``parser="h11"`` / ``"httptools"`` says). A request handler that cannot be
made, or that crashes before answering, gets a 500 and one log line.
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any
from urllib.parse import urlsplit

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.IPC import connectionTimeouts
from Kamaelia.Protocol.HTTP._core import HTTPError, Request, makeServerConnection
from Kamaelia.Protocol.HTTP.ErrorPages import getErrorPage

__all__ = ["HTTPServer"]

_log = logging.getLogger("Kamaelia.Protocol.HTTP.HTTPServer")


def requestDict(request: Request, connection: dict[str, Any]) -> dict[str, Any]:
    """1.x's request dict for a parsed request."""
    parts = urlsplit(request.target)
    path = request.target if request.target.startswith("/") else parts.path or "/"
    nonQuery, _, query = path.partition("?")
    return {
        "bad": False,
        "method": request.method,
        "raw-uri": path,
        "non-query-uri": nonQuery,
        "query": query,
        "uri-protocol": parts.scheme,
        "uri-server": request.headers.get("host", parts.netloc),
        "headers": request.headers,
        "protocol": "HTTP",
        "version": request.version.partition("/")[2],
        "body": request.body,
        **connection,
    }


def _encoded(resource: dict[str, Any]) -> bytes:
    data = resource.get("data", b"")
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _responseHead(resource: dict[str, Any]) -> tuple[int, list[tuple[str, str]]]:
    """Status and headers from the first resource dict (1.x's keys)."""
    try:
        status = int(resource.get("statuscode", 500))
    except (TypeError, ValueError):
        status = 500
    headers = [(str(k), str(v)) for k, v in resource.get("headers", [])]
    kind = resource.get("content-type") or resource.get("type")
    if kind and not any(k.lower() == "content-type" for k, _ in headers):
        charset = resource.get("charset")
        headers.append(("Content-Type", f"{kind}; charset={charset}" if charset else kind))
    if resource.get("complete"):
        headers.append(("Content-Length", str(len(_encoded(resource)))))
    elif "length" in resource:
        headers.append(("Content-Length", str(int(resource["length"]))))
    return status, headers


@checked_keywords
class HTTPServer(component):
    """Serves one HTTP/1.1 connection, making a request handler component per request."""

    Inboxes = {
        "inbox": "bytes from the client",
        "control": "producerFinished: answer what has arrived, then finish; others stop at once",
        "_handlerinbox": "resource dicts from the current request handler",
        "_handlercontrol": "producerFinished from the request handler when its response is done",
    }
    Outboxes = {
        "outbox": "bytes to the client",
        "signal": "producerFinished when the connection should close",
        "_handleroutbox": "the request body, to the request handler",
        "_handlersignal": "producerFinished to the request handler after the body",
    }
    maxPendingReplies = 4  # reply messages waiting to be written before this stops

    def __init__(
        self,
        createRequestHandler: Any,
        peer: str = "",
        peerport: int = 0,
        localip: str = "",
        localport: int = 0,
        maxHeaderBytes: int = 65536,
        maxBodyBytes: int = 1 << 20,
        parser: str = "auto",
        requestTimeout: float | None = 30.0,
        idleTimeout: float | None = 75.0,
    ) -> None:
        super().__init__()
        self.connectionTimeouts = connectionTimeouts(idleTimeout, requestTimeout)
        self.createRequestHandler = createRequestHandler
        self.connection = {
            "peer": peer,
            "peerport": peerport,
            "localip": localip,
            "localport": localport,
        }
        self.http = makeServerConnection(parser, maxHeaderBytes, maxBodyBytes)
        self._stopNow = False
        self._peerDone = False
        self.handler: Any = None

    def main(self) -> Generator[int, None, None]:
        """Answer requests one at a time until the connection should close."""
        while True:
            request = yield from self._nextRequest()
            if request is None:
                break
            keepOpen = yield from self._serve(request)
            if not keepOpen or self._stopNow:
                break
        if self._stopNow:
            self.send(shutdownMicroprocess(self), "signal")
        else:
            self.send(producerFinished(self), "signal")

    # -- requests in -----------------------------------------------------------

    def _checkControl(self) -> None:
        while self.dataReady("control"):
            if isinstance(self.recv("control"), producerFinished):
                self._peerDone = True
            else:
                self._stopNow = True

    def _roomToReply(self) -> bool:
        return len(self.outboxes["outbox"]) < self.maxPendingReplies

    def _nextRequest(self) -> Generator[int, None, Request | None]:
        http = self.http
        while True:
            self._checkControl()
            if self._stopNow:
                return None
            if self._roomToReply():
                try:
                    request = http.nextRequest()
                except HTTPError as bad:
                    _log.info("%s: %s %s", self.name, bad.status, bad)
                    self._sendError(None, bad.status, str(bad))
                    return None
                if request is not None:
                    return request
                if self.dataReady("inbox"):
                    http.feed(self.recv("inbox"))
                    continue
                if self._peerDone and not http.peerClosed:
                    http.feed(b"")
                    continue
                if http.peerClosed:
                    return None
            self.pause()
            yield 1

    def _sendError(self, request: Request | None, status: int, why: str) -> bool:
        page = getErrorPage(status, why)
        data, keep = self.http.respond(
            request, status, [("Content-Type", "text/html")], _encoded(page)
        )
        self.send(data, "outbox")
        return keep

    # -- one response out ------------------------------------------------------

    def _serve(self, request: Request) -> Generator[int, None, bool]:
        try:
            handler = self.createRequestHandler(requestDict(request, self.connection))
        except Exception as error:
            _log.error(
                "%s: no request handler for %s %s: %s: %s",
                self.name,
                request.method,
                request.target[:200],
                type(error).__name__,
                error,
            )
            return self._sendError(request, 500, "")
        crashed: list[BaseException] = []
        self._startHandler(handler, request.body, crashed)
        try:
            keep = yield from self._relay(request, crashed)
        finally:
            self._stopHandler(handler)
        return keep

    def _startHandler(self, handler: Any, body: bytes, crashed: list[BaseException]) -> None:
        self.handler = handler
        self.link((handler, "outbox"), (self, "_handlerinbox"))
        self.link((handler, "signal"), (self, "_handlercontrol"))
        self.link((self, "_handleroutbox"), (handler, "inbox"))
        self.link((self, "_handlersignal"), (handler, "control"))

        def failed(_handler: Any, error: BaseException) -> None:
            crashed.append(error)
            self.unpause()

        handler.set_failure_handler(failed)
        self.addChildren(handler)
        handler.activate()
        if body:
            self.send(body, "_handleroutbox")
        self.send(producerFinished(self), "_handlersignal")

    def _stopHandler(self, handler: Any) -> None:
        for box in ("_handlerinbox", "_handlercontrol"):
            while self.dataReady(box):
                self.recv(box)
        self.unlink(thecomponent=handler)
        self.removeChild(handler)
        if not handler._isStopped():
            handler.stop()
        self.handler = None

    def _relay(self, request: Request, crashed: list[BaseException]) -> Generator[int, None, bool]:
        """Pass the handler's resources on as one response; returns whether to keep the connection."""
        http = self.http
        headSent = False
        withBody = request.method != "HEAD"
        while True:
            self._checkControl()
            if self._stopNow:
                return False
            try:
                while self._roomToReply() and self.dataReady("_handlerinbox"):
                    resource = self.recv("_handlerinbox")
                    # One message per resource (the head rides with the first), so the
                    # room checked above is all this takes.
                    data = b""
                    if not headSent:
                        status, headers = _responseHead(resource)
                        data = http.responseHead(status, headers)
                        headSent = True
                    if withBody:
                        data += http.responseBody(_encoded(resource))
                    if data:
                        self.send(data, "outbox")
                    self.handler.unpause()  # a handler that waits for room (Minimal) goes on
            except HTTPError as bad:
                crashed.append(bad)
            ended = self.dataReady("_handlercontrol") or self.handler._isStopped()
            if crashed or (ended and not self.dataReady("_handlerinbox")):
                break
            self.pause()
            yield 1
        if crashed:
            error = crashed[0]
            _log.error(
                "%s: request handler for %s %s crashed: %s: %s",
                self.name,
                request.method,
                request.target[:200],
                type(error).__name__,
                error,
            )
            if headSent or isinstance(error, HTTPError):
                return False  # cut short, or unsendable: closing tells the client so
            return self._sendError(request, 500, "")
        if not headSent:
            return self._sendError(request, 500, "the request handler sent no response")
        try:
            last, keep = http.responseEnd()
        except HTTPError as bad:  # less body than the declared length
            _log.error(
                "%s: response to %s %s: %s", self.name, request.method, request.target[:200], bad
            )
            return False
        if last:
            while not self._roomToReply():  # the end of a chunked body waits its turn too
                self._checkControl()
                if self._stopNow:
                    return False
                self.pause()
                yield 1
            self.send(last, "outbox")
        return keep
