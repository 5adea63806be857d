"""HTTP clients (1.x ``Kamaelia.Protocol.HTTP.HTTPClient``), on h11 over TCPClient.

``SimpleHTTPClient()`` takes URLs on "inbox" (a string, or a dict with
``url`` and optionally ``postbody``, ``method``, ``extraheaders``) and sends
each response's whole body on "outbox", one request at a time: as ``str``
for text (a ``text/*``, JSON, XML or JavaScript type, or any type with a
charset), decoded by its charset (UTF-8 by default), as 1.x did; as
``bytes`` otherwise, which 1.x could not fetch.
Successive requests to the same host and port reuse the connection while the
server keeps it alive. ``producerFinished`` on "control" finishes after the
queued URLs, other messages stop at once; it then sends ``producerFinished``.

``SingleShotHTTPClient(starturl, postbody="", connectionclass=TCPClient,
extraheaders=None, method=None)`` fetches one URL and sends 1.x's messages:
``ParsedHTTPRedirect`` per redirect followed, ``ParsedHTTPHeader`` (only for a
200, as in 1.x), ``ParsedHTTPBodyChunk`` per piece of body, ``ParsedHTTPEnd``,
then ``producerFinished`` on "signal".

Both send GET, or POST when there is a body (``method`` overrides), follow up
to ``maxRedirects`` (3) redirects (301, 302, 303, 307, 308; 303 turns into a
GET), and read Content-Length, chunked and close-delimited bodies. A URL that
cannot be fetched (not http, refused, broken response) is logged; the
SimpleHTTPClient sends ``b""`` for it, the SingleShotHTTPClient only finishes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from typing import Any
from urllib.parse import urljoin

import h11
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Internet.TCPClient import TCPClient
from Kamaelia.Protocol.HTTP._tcp import TCP_INBOXES, TCP_OUTBOXES, startConnection
from Kamaelia.Protocol.HTTP.HTTPParser import (
    ParsedHTTPBodyChunk,
    ParsedHTTPEnd,
    ParsedHTTPHeader,
    responseDict,
    splitUri,
)

__all__ = ["ParsedHTTPRedirect", "SimpleHTTPClient", "SingleShotHTTPClient"]

_log = logging.getLogger("Kamaelia.Protocol.HTTP.HTTPClient")

_REDIRECTS = ("301", "302", "303", "307", "308")
_USER_AGENT = "Kamaelia HTTP Client 2"


class ParsedHTTPRedirect:
    """A redirect was followed to ``redirectto``."""

    def __init__(self, redirectto: str) -> None:
        self.redirectto = redirectto


def _redirectOr(
    onHead: Callable[[dict[str, Any]], object], url: str, follow: list[str], final: bool
) -> Callable[[dict[str, Any]], bool]:
    """A head callback: note a redirect to follow (body not wanted), else pass the head on."""

    def head(header: dict[str, Any]) -> bool:
        location = header["headers"].get("location")
        if header["responsecode"] in _REDIRECTS and location and not final:
            follow.append(urljoin(url, location))
            return False
        onHead(header)
        return True

    return head


@checked_keywords
class _Fetcher(component):
    """Fetches URLs one at a time over a kept-alive TCPClient child."""

    Inboxes = {
        "inbox": "URLs",
        "control": "producerFinished: finish after what is queued; others stop at once",
        **TCP_INBOXES,
    }
    Outboxes = {
        "outbox": "what was fetched",
        "signal": "producerFinished when done",
        **TCP_OUTBOXES,
    }
    maxRedirects = 3

    def __init__(self, connectionclass: Any = TCPClient) -> None:
        super().__init__()
        self.connectionclass = connectionclass
        self._tcp: Any = None
        self._where: tuple[str, int] | None = None
        self._h11: h11.Connection | None = None
        self._finishing = False
        self._stopNow = False

    # -- control -----------------------------------------------------------------

    def _checkControl(self) -> None:
        while self.dataReady("control"):
            if isinstance(self.recv("control"), producerFinished):
                self._finishing = True
            else:
                self._stopNow = True

    # -- the connection ----------------------------------------------------------

    def _connectTo(self, host: str, port: int) -> bool:
        """Make sure a usable connection to host:port is up; True if an old one is reused."""
        conn = self._h11
        if self._where == (host, port) and conn is not None and conn.our_state is h11.IDLE:
            return True
        self._dropConnection()
        self._tcp = startConnection(self, self.connectionclass, host, port)
        self._where = (host, port)
        self._h11 = h11.Connection(h11.CLIENT)
        return False

    def _dropConnection(self) -> None:
        tcp = self._tcp
        if tcp is None:
            return
        self.send(shutdownMicroprocess(self), "_tcpsignal")
        self.unlink(thecomponent=tcp)
        self.removeChild(tcp)
        for box in ("_tcpinbox", "_tcpcontrol"):
            while self.dataReady(box):
                self.recv(box)
        self._tcp = self._where = self._h11 = None

    # -- one request ---------------------------------------------------------------

    def _fetchFollowing(
        self, request: dict[str, Any], onHead: Any, onChunk: Any
    ) -> Generator[int, None, dict[str, Any] | None]:
        """Fetch ``request["url"]``, following redirects; returns the final head, or None."""
        url = request["url"].strip()
        method = request.get("method")
        body = request.get("postbody") or b""
        for redirects in range(self.maxRedirects + 1):
            follow: list[str] = []
            head = _redirectOr(onHead, url, follow, final=redirects == self.maxRedirects)
            header = yield from self._fetch(
                url, method, body, request.get("extraheaders"), head, onChunk
            )
            if header is None or not follow:
                return header
            if self._tellsRedirects:
                self.send(ParsedHTTPRedirect(follow[0]), "outbox")
            url = follow[0]
            if header["responsecode"] == "303" or (
                header["responsecode"] in ("301", "302") and body
            ):
                method, body = "GET", b""  # what browsers do; 307 and 308 repeat the request
        return None  # not reached: the last round treats a redirect as final

    _tellsRedirects = False

    def _fetch(
        self,
        url: str,
        method: str | None,
        body: str | bytes,
        extraheaders: dict[str, Any] | None,
        onHead: Callable[[dict[str, Any]], bool],
        onChunk: Callable[[bytes], None],
    ) -> Generator[int, None, dict[str, Any] | None]:
        parts = splitUri(url)
        if parts["uri-protocol"].lower() not in ("", "http") or not parts["uri-server"]:
            _log.warning("%s: cannot fetch %r: only http:// URLs are supported", self.name, url)
            return None
        host, port = parts["uri-server"], int(parts.get("uri-port") or 80)
        data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        hostHeader = host if port == 80 else f"{host}:{port}"
        headers = [("Host", hostHeader), ("User-Agent", _USER_AGENT)]
        if data or method in ("POST", "PUT"):
            headers.append(("Content-Length", str(len(data))))
        headers += [(str(k), str(v)) for k, v in (extraheaders or {}).items()]
        verb = method or ("POST" if data else "GET")
        for _attempt in range(2):
            reused = self._connectTo(host, port)
            conn = self._h11
            assert conn is not None
            wire = (
                conn.send(h11.Request(method=verb, target=parts["raw-uri"], headers=headers)) or b""
            )
            wire += (conn.send(h11.Data(data=data)) or b"") if data else b""
            wire += conn.send(h11.EndOfMessage()) or b""
            self.send(wire, "_tcpoutbox")
            header, why = yield from self._readResponse(onHead, onChunk)
            if header is not None or not reused or self._stopNow:
                break
            # The server closed the kept-alive connection before answering: once more, afresh.
            self._dropConnection()
        if header is None and not self._stopNow:
            _log.warning("%s: fetching %s failed: %s", self.name, url, why)
        return header

    def _readResponse(
        self, onHead: Callable[[dict[str, Any]], bool], onChunk: Callable[[bytes], None]
    ) -> Generator[int, None, tuple[dict[str, Any] | None, str | None]]:
        conn = self._h11
        assert conn is not None
        header: dict[str, Any] | None = None
        forward = False
        why: Any = "the connection closed"
        while True:
            try:
                event = conn.next_event()
            except h11.RemoteProtocolError as error:
                self._dropConnection()
                return None, f"{error}; {why}"
            if isinstance(event, h11.Response):
                header = responseDict(event)
                forward = onHead(header)
            elif isinstance(event, h11.Data):
                if forward:
                    onChunk(bytes(event.data))
            elif isinstance(event, (h11.EndOfMessage, h11.ConnectionClosed)):
                if conn.our_state is h11.DONE and conn.their_state is h11.DONE:
                    conn.start_next_cycle()
                else:
                    self._dropConnection()
                return header, None
            elif event is h11.NEED_DATA:
                self._checkControl()
                if self._stopNow:
                    self._dropConnection()
                    return None, "stopped"
                if self.dataReady("_tcpinbox"):
                    conn.receive_data(self.recv("_tcpinbox"))
                elif self.dataReady("_tcpcontrol"):
                    why = getattr(self.recv("_tcpcontrol"), "message", None) or why
                    conn.receive_data(b"")
                else:
                    self.pause()
                    yield 1


_TEXT = ("text/", "application/json", "application/javascript", "+xml", "+json", "/xml")


def _asText(body: bytes, heads: list[dict[str, Any]]) -> str | bytes:
    """The body as str if its type is textual (1.x's behaviour), else as bytes."""
    if not heads:
        return body
    kind, _, params = heads[-1]["headers"].get("content-type", "").lower().partition(";")
    charset = params.partition("charset=")[2].strip().strip('"') or None
    if not charset and not any(marker in kind for marker in _TEXT):
        return body
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        return body.decode("utf-8", errors="replace")


@checked_keywords
class SingleShotHTTPClient(_Fetcher):
    """Fetches one URL and sends 1.x's parsed messages for it."""

    _tellsRedirects = True

    def __init__(
        self,
        starturl: str,
        postbody: str | bytes = "",
        connectionclass: Any = TCPClient,
        extraheaders: dict[str, str] | None = None,
        method: str | None = None,
    ) -> None:
        super().__init__(connectionclass)
        self.request = {
            "url": starturl,
            "postbody": postbody,
            "extraheaders": extraheaders,
            "method": method,
        }

    def main(self) -> Generator[int, None, None]:
        """Fetch, send the messages, finish."""

        def onHead(header: dict[str, Any]) -> None:
            if header["responsecode"] == "200":
                self.send(ParsedHTTPHeader(header), "outbox")

        def onChunk(chunk: bytes) -> None:
            self.send(ParsedHTTPBodyChunk(chunk), "outbox")

        header = yield from self._fetchFollowing(self.request, onHead, onChunk)
        if header is not None:
            self.send(ParsedHTTPEnd(), "outbox")
        self._dropConnection()
        self.send(producerFinished(self), "signal")


@checked_keywords
class SimpleHTTPClient(_Fetcher):
    """Fetches each URL it receives and sends the body as one bytes message."""

    def __init__(self, connectionclass: Any = TCPClient) -> None:
        super().__init__(connectionclass)

    def main(self) -> Generator[int, None, None]:
        """Fetch URLs in order until told to finish."""
        while not self._stopNow:
            while self.dataReady("inbox") and not self._stopNow:
                request = self.recv("inbox")
                if isinstance(request, str):
                    request = {"url": request}
                body: list[bytes] = []
                heads: list[dict[str, Any]] = []
                yield from self._fetchFollowing(request, heads.append, body.append)
                if not self._stopNow:
                    self.send(_asText(b"".join(body), heads), "outbox")
            self._checkControl()
            if self._finishing and not self.dataReady("inbox"):
                break
            if not self._stopNow:
                self.pause()
                yield 1
        self._dropConnection()
        self.send(producerFinished(self), "signal")
