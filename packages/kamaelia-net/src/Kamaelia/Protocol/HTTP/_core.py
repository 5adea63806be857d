"""The one HTTP/1.1 server core under SimpleHTTP and HTTPServer: h11 plus the checks it leaves to us.

h11 does the framing (Content-Length, chunked, keep-alive, pipelining) and
refuses what RFC 9112 says to refuse: conflicting lengths, lengths that are
not plain digits, NUL and other bytes that are illegal in a field, a missing
Host on HTTP/1.1. On top of it this module refuses, as RFC 9112 section 3.2
and RFC 9110 section 2.5 ask: a second Host header, a later HTTP/1 minor
version without Host (it is handled as 1.1), any other major version (505), a
target that is neither origin- nor absolute-form, and a path holding NUL once
decoded. Every Transfer-Encoding h11 cannot frame is answered 400: that covers
``chunked`` not being the last coding, where RFC 9112 section 6.3 asks for
400 (501 would do for an unknown coding alone; 400 keeps one rule).

The caller feeds bytes, asks for the next complete request, and serialises
one response per request; nothing is re-parsed when more bytes arrive.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

import h11

if TYPE_CHECKING:
    from Kamaelia.Protocol.HTTP._fastcore import FastServerConnection

__all__ = [
    "HTTPError",
    "Request",
    "ServerConnection",
    "checkedHead",
    "makeServerConnection",
    "resolveBelow",
    "status_line_phrase",
]


class HTTPError(Exception):
    """A request refused with ``status``; ``why`` goes into the error page and the log."""

    def __init__(self, status: int, why: str) -> None:
        super().__init__(why)
        self.status = status


def status_line_phrase(status: int) -> str:
    """The reason phrase for ``status`` ("" for codes http.HTTPStatus does not know)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def resolveBelow(root: Path, subpath: str, index: str = "index.html") -> Path | None:
    """The file ``subpath`` names below ``root`` (``index`` for a folder), or None.

    None when it does not exist or, once every symlink is followed, lies
    outside ``root``; the check runs on the final file, index included.
    """
    try:
        wanted = (root / subpath.lstrip("/")).resolve()
        if wanted.is_dir():
            wanted = (wanted / index).resolve()
    except (OSError, ValueError, RuntimeError):  # too long, NUL, symlink loop
        return None
    if root not in wanted.parents or not wanted.is_file():
        return None
    return wanted


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
        """The body parsed as JSON (ValueError if it is not, or nests too deeply)."""
        try:
            return json.loads(self.body or b"null")
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None


@dataclass
class _Head:
    request: Request
    body: bytearray = field(default_factory=bytearray)


def checkedHead(
    method: str, rawTarget: bytes, version: str, fields: Any, maxBodyBytes: int
) -> Request:
    """The Request for a parsed head, after the checks the parsers leave to us.

    ``fields`` are (lower-case name, value) byte pairs; the parser has already
    checked their syntax and that any Content-Length is plain digits.
    """
    if not version.startswith("1."):
        raise HTTPError(505, f"HTTP/{version} is not supported; this server speaks HTTP/1.1")
    headers: dict[str, str] = {}
    hosts = 0
    for name, value in fields:
        key = name.decode("ascii")
        text = value.decode("latin-1")
        hosts += key == "host"
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    if hosts > 1 or (hosts == 0 and version != "1.0"):
        raise HTTPError(400, f"HTTP/{version} needs exactly one Host header, got {hosts}")
    target = rawTarget.decode("latin-1")
    asterisk = target == "*" and method == "OPTIONS"
    if not target.startswith(("/", "http://", "https://")) and not asterisk:
        raise HTTPError(400, f"request target {target[:80]!r} is not a path or URL")
    if "\x00" in unquote(urlsplit(target).path):
        raise HTTPError(400, "the path holds a NUL byte")
    length = int(headers.get("content-length", "0"))
    if length > maxBodyBytes:
        raise HTTPError(413, f"body of {length} bytes; the limit is {maxBodyBytes}")
    return Request(method, target, f"HTTP/{version}", headers)


def _status_of(error: h11.RemoteProtocolError) -> int:
    # h11 hints 501 only for Transfer-Encodings it cannot frame: see the module docstring.
    return 400 if error.error_status_hint == 501 else error.error_status_hint


class ServerConnection:
    """The server side of one HTTP/1.1 connection: bytes in, Requests out, responses serialised."""

    def __init__(self, maxHeaderBytes: int = 65536, maxBodyBytes: int = 1 << 20) -> None:
        self._h11 = h11.Connection(h11.SERVER, max_incomplete_event_size=maxHeaderBytes)
        self.maxBodyBytes = maxBodyBytes
        self._current: _Head | None = None

    def feed(self, data: bytes) -> None:
        """Hand over bytes from the peer (b"" when the peer has stopped sending)."""
        self._h11.receive_data(data)

    @property
    def peerClosed(self) -> bool:
        """True once the peer has closed and no request can follow."""
        return self._h11.their_state in (h11.CLOSED, h11.MUST_CLOSE, h11.ERROR)

    def nextRequest(self) -> Request | None:
        """The next complete request, or None until more bytes are fed; HTTPError if bad."""
        conn = self._h11
        while True:
            try:
                event = conn.next_event()
            except h11.RemoteProtocolError as error:
                raise HTTPError(_status_of(error), str(error)) from None
            kind = type(event)
            if kind is h11.Request:
                head = checkedHead(
                    event.method.decode("ascii"),  # type: ignore[union-attr]
                    event.target,  # type: ignore[union-attr]
                    event.http_version.decode("ascii"),  # type: ignore[union-attr]
                    event.headers,  # type: ignore[union-attr]
                    self.maxBodyBytes,
                )
                self._current = _Head(head)
            elif kind is h11.Data:
                self._addBody(event.data)  # type: ignore[union-attr]
            elif kind is h11.EndOfMessage:
                assert self._current is not None
                request, body = self._current.request, self._current.body
                request.body = bytes(body)
                self._current = None
                return request
            else:  # NEED_DATA, PAUSED (a reply is due first) or ConnectionClosed
                return None

    def _addBody(self, data: bytes) -> None:
        assert self._current is not None
        body = self._current.body
        if len(body) + len(data) > self.maxBodyBytes:
            raise HTTPError(413, f"body over {self.maxBodyBytes} bytes")
        body += data

    def _send(self, event: Any) -> bytes:
        try:
            return self._h11.send(event) or b""
        except h11.LocalProtocolError as error:  # e.g. more body than the declared length
            raise HTTPError(500, f"the response does not fit HTTP/1.1: {error}") from None

    def responseHead(
        self, status: int, headers: list[tuple[str, str]], close: bool = False
    ) -> bytes:
        """Serialise the status line and headers; ``close`` ends the connection after the body.

        This and the calls below raise HTTPError(500) for a response that breaks
        HTTP/1.1's framing (more or less body than its Content-Length, say).
        """
        if close:
            headers = [*headers, ("Connection", "close")]
        reason = status_line_phrase(status)
        return self._send(h11.Response(status_code=status, headers=headers, reason=reason))

    def responseBody(self, data: bytes) -> bytes:
        """Serialise part of the body (chunked when no Content-Length was given)."""
        if not data:
            return b""  # an empty chunk would end a chunked body
        return self._send(h11.Data(data=data))

    def responseEnd(self) -> tuple[bytes, bool]:
        """Finish the response; returns its last bytes and whether the connection stays open."""
        conn = self._h11
        last = self._send(h11.EndOfMessage())
        if conn.our_state is h11.DONE and conn.their_state is h11.DONE:
            conn.start_next_cycle()
            return last, True
        return last, False

    def switchProtocols(self, headers: list[tuple[str, str]]) -> tuple[bytes, bytes]:
        """Answer an Upgrade request with 101; returns those bytes and what followed the request."""
        data = self._send(h11.InformationalResponse(status_code=101, headers=headers))
        return data, self._h11.trailing_data[0]

    def respond(
        self, request: Request | None, status: int, headers: list[tuple[str, str]], body: bytes
    ) -> tuple[bytes, bool]:
        """A whole response (``request`` None: an error, then close; HEAD: no body).

        Returns the bytes to send and whether the connection stays open.
        """
        headers = [("Content-Length", str(len(body))), *headers]
        parts = [self.responseHead(status, headers, close=request is None)]
        if request is None or request.method != "HEAD":
            parts.append(self.responseBody(body))
        last, keep = self.responseEnd()
        parts.append(last)
        return b"".join(parts), keep


PARSERS = ("auto", "h11", "httptools")


@functools.cache  # a missing module would otherwise be searched for on every connection
def _autoParser() -> str:
    try:
        import httptools  # noqa: F401
    except ImportError:
        return "h11"
    return "httptools"


def makeServerConnection(
    parser: str, maxHeaderBytes: int, maxBodyBytes: int
) -> ServerConnection | FastServerConnection:
    """A ServerConnection on ``parser``: "h11", "httptools" (the fast path), or "auto".

    "auto" (the default of the servers) is httptools when it is installed
    (``kamaelia-net[fast]``), else h11.
    """
    if parser == "auto":
        parser = _autoParser()
    if parser == "h11":
        return ServerConnection(maxHeaderBytes, maxBodyBytes)
    if parser == "httptools":
        from Kamaelia.Protocol.HTTP._fastcore import FastServerConnection

        return FastServerConnection(maxHeaderBytes, maxBodyBytes)
    raise ValueError(f"parser must be one of {', '.join(PARSERS)}, not {parser!r}")
