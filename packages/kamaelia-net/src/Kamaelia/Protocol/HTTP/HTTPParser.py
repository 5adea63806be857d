"""HTTPParser: one HTTP request or response as 1.x's messages (1.x ``HTTP.HTTPParser``), on h11.

``HTTPParser(mode="request")`` reads the bytes of one request from "inbox"
and sends ``ParsedHTTPHeader(request dict)`` (the dict HTTPServer's handlers
get), a ``ParsedHTTPBodyChunk`` per piece of body and ``ParsedHTTPEnd()``,
then ``producerFinished`` on "signal". ``mode="response"`` does the same for
a response (dict keys ``responsecode``, ``headers``, ``version``,
``protocol``); a body without a length ends when ``producerFinished``
arrives on "control" (the connection closed). A message h11 refuses gives a
header dict with ``bad`` (the status, e.g. "400") and ``errormsg``, then the
end. ``splitUri(url)`` splits a URL into 1.x's ``uri-*`` keys.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import h11
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Protocol.HTTP._core import HTTPError, ServerConnection
from Kamaelia.Protocol.HTTP.HTTPServer import requestDict

__all__ = [
    "HTTPParser",
    "ParsedHTTPBodyChunk",
    "ParsedHTTPEnd",
    "ParsedHTTPHeader",
    "splitUri",
]


class ParsedHTTPHeader:
    """The head of a message: ``header`` is the request or response dict."""

    def __init__(self, header: dict[str, Any]) -> None:
        self.header = header


class ParsedHTTPBodyChunk:
    """A piece of the body (bytes)."""

    def __init__(self, bodychunk: bytes) -> None:
        self.bodychunk = bodychunk


class ParsedHTTPEnd:
    """The end of the message."""


def splitUri(url: str) -> dict[str, str]:
    """1.x's URL split: ``uri-protocol``, ``uri-server``, ``uri-port`` (if given), ``raw-uri``,
    ``non-query-uri``, ``query`` and, with user info, ``uri-username``/``uri-password``."""
    parts: dict[str, str] = {"raw-uri": url, "uri-protocol": "", "uri-server": ""}
    rest = url
    if "://" in rest:
        parts["uri-protocol"], rest = rest.split("://", 1)
    if not rest.startswith("/"):
        server, slash, path = rest.partition("/")
        parts["uri-server"] = server
        rest = slash + path if slash else "/"
    parts["raw-uri"] = rest
    server = parts["uri-server"]
    if "@" in server:
        userinfo, server = server.rsplit("@", 1)
        user, colon, password = userinfo.partition(":")
        parts["uri-username"] = user
        if colon:
            parts["uri-password"] = password
    if server.count(":") == 1:
        server, parts["uri-port"] = server.split(":")
    parts["uri-server"] = server
    parts["non-query-uri"], _, parts["query"] = rest.partition("?")
    return parts


def responseDict(event: h11.Response) -> dict[str, Any]:
    """1.x's response dict for an h11 Response event."""
    headers: dict[str, str] = {}
    for name, value in event.headers:
        key, text = name.decode("ascii"), value.decode("latin-1")
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    return {
        "bad": False,
        "responsecode": str(event.status_code),
        "headers": headers,
        "protocol": "HTTP",
        "version": event.http_version.decode("ascii"),
        "body": "",
    }


@checked_keywords
class HTTPParser(component):
    """Parses one HTTP request (``mode="request"``) or response (``mode="response"``)."""

    Inboxes = {"inbox": "the message's bytes", "control": "producerFinished: the sender has closed"}
    Outboxes = {
        "outbox": "ParsedHTTPHeader, ParsedHTTPBodyChunk..., ParsedHTTPEnd",
        "signal": "producerFinished once the message has ended",
    }
    peer: str = ""
    peerport: int = 0
    localip: str = ""
    localport: int = 0

    def __init__(self, mode: str = "request", maxHeaderBytes: int = 65536, **argd: Any) -> None:
        if mode not in ("request", "response"):
            raise ValueError(f"HTTPParser: mode must be 'request' or 'response', not {mode!r}")
        super().__init__(**argd)
        self.mode = mode
        self.maxHeaderBytes = maxHeaderBytes

    def main(self) -> Generator[int, None, None]:
        """Parse until the message ends, the sender closes, or the bytes are refused."""
        parse = self._request if self.mode == "request" else self._response
        yield from parse()
        self.send(ParsedHTTPEnd(), "outbox")
        self.send(producerFinished(self), "signal")

    def _more(self, feed: Any) -> Generator[int, None, bool]:
        """Wait for bytes (fed in) or the close (b"" fed in); False if stopped instead."""
        while not self.dataReady("inbox"):
            if self.dataReady("control"):
                if not isinstance(self.recv("control"), producerFinished):
                    return False
                feed(b"")
                return True
            self.pause()
            yield 1
        feed(self.recv("inbox"))
        return True

    def _request(self) -> Generator[int, None, None]:
        http = ServerConnection(self.maxHeaderBytes, maxBodyBytes=1 << 62)
        connection = {
            "peer": self.peer,
            "peerport": self.peerport,
            "localip": self.localip,
            "localport": self.localport,
        }
        while True:
            try:
                request = http.nextRequest()
            except HTTPError as bad:
                self.send(
                    ParsedHTTPHeader({"bad": str(bad.status), "errormsg": str(bad), "headers": {}}),
                    "outbox",
                )
                return
            if request is not None:
                self.send(ParsedHTTPHeader(requestDict(request, connection)), "outbox")
                if request.body:
                    self.send(ParsedHTTPBodyChunk(request.body), "outbox")
                return
            if http.peerClosed or not (yield from self._more(http.feed)):
                return

    def _response(self) -> Generator[int, None, None]:
        conn = h11.Connection(h11.CLIENT, max_incomplete_event_size=self.maxHeaderBytes)
        # h11 reads a response only after a request: stand in for the request that was sent.
        conn.send(h11.Request(method="GET", target="/", headers=[("Host", "_")]))
        conn.send(h11.EndOfMessage())
        while True:
            try:
                event = conn.next_event()
            except h11.RemoteProtocolError as error:
                self.send(
                    ParsedHTTPHeader({"bad": "400", "errormsg": str(error), "headers": {}}),
                    "outbox",
                )
                return
            if isinstance(event, h11.Response):
                self.send(ParsedHTTPHeader(responseDict(event)), "outbox")
            elif isinstance(event, h11.Data):
                self.send(ParsedHTTPBodyChunk(bytes(event.data)), "outbox")
            elif isinstance(event, (h11.EndOfMessage, h11.ConnectionClosed)):
                return
            elif event is h11.NEED_DATA and not (yield from self._more(conn.receive_data)):
                return  # (1xx responses are skipped)
