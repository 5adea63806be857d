"""The optional fast path of the HTTP server core: httptools (llhttp, in C) instead of h11.

``FastServerConnection`` has ``ServerConnection``'s interface; choose it with
``parser="httptools"`` (``pip install kamaelia-net[fast]``). llhttp refuses
what h11 refuses (conflicting or malformed lengths, ``chunked`` not last,
illegal bytes in fields) and is stricter in two places RFC 9112 leaves open:
bare ``\\n`` line endings and minor versions past 1.1 get 400. The checks
h11 leaves to us (Host, major version, target, NUL in the path, limits) are
``_core``'s, shared. Responses are written here: header names must be tokens
and values may not hold CR, LF or NUL (HTTPError 500 otherwise).
"""

from __future__ import annotations

import functools
import re
from collections import deque

import httptools

from Kamaelia.Protocol.HTTP._core import HTTPError, Request, checkedHead, status_line_phrase

__all__ = ["FastServerConnection"]

_TOKEN = re.compile(rb"[-!#$%&'*+.^_`|~0-9A-Za-z]+\Z")
_BAD_VALUE = re.compile(rb"[\r\n\x00]")
_NO_BODY = {204, 304}


@functools.lru_cache(maxsize=256)
def _statusLine(status: int) -> bytes:
    return b"HTTP/1.1 %d %s\r\n" % (status, status_line_phrase(status).encode("latin-1"))


@functools.lru_cache(maxsize=1024)  # most headers repeat from response to response
def _header(name: str, value: str) -> bytes:
    rawName, rawValue = name.encode("latin-1"), str(value).encode("latin-1")
    if not _TOKEN.match(rawName) or _BAD_VALUE.search(rawValue):
        raise HTTPError(500, f"the response header {name!r}: {value!r:.80} is not valid HTTP")
    return rawName + b": " + rawValue + b"\r\n"


class FastServerConnection:
    """The server side of one HTTP/1.1 connection, parsed by httptools."""

    def __init__(self, maxHeaderBytes: int = 65536, maxBodyBytes: int = 1 << 20) -> None:
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self._parser = httptools.HttpRequestParser(self)
        self._ready: deque[tuple[Request, bool]] = deque()
        self._failure: HTTPError | None = None
        self._eof = False
        self._mustClose = False
        self._keep = False
        self._upgraded = False
        self._trailing = b""  # bytes after an upgrade request
        # the message being parsed
        self._url = b""
        self._fields: list[tuple[bytes, bytes]] = []
        self._headBytes = 0
        self._unfinished = 0  # bytes fed since the last complete head
        self._body: list[bytes] = []
        self._bodyBytes = 0
        self._request: Request | None = None
        # the response being written
        self._current: tuple[Request, bool] | None = None
        self._chunked = False
        self._left: int | None = None  # body bytes still owed for a Content-Length

    # -- httptools callbacks -----------------------------------------------------

    def on_message_begin(self) -> None:
        self._url, self._fields, self._headBytes = b"", [], 0
        self._body, self._bodyBytes, self._request = [], 0, None

    def _grow(self, size: int) -> None:
        self._headBytes += size
        if self._headBytes > self.maxHeaderBytes:
            raise HTTPError(431, f"request headers over {self.maxHeaderBytes} bytes")

    def on_url(self, url: bytes) -> None:
        self._grow(len(url))
        self._url += url

    def on_header(self, name: bytes, value: bytes) -> None:
        self._grow(len(name) + len(value) + 4)
        self._fields.append((name.lower(), value))

    def on_headers_complete(self) -> None:
        parser = self._parser
        method = parser.get_method().decode("ascii")
        self._unfinished = 0
        self._request = checkedHead(
            method, self._url, parser.get_http_version(), self._fields, self.maxBodyBytes
        )
        encoding = self._request.headers.get("transfer-encoding")
        if encoding is not None and encoding.lower() != "chunked":
            raise HTTPError(400, f"Transfer-Encoding {encoding[:80]!r} is not supported")

    def on_body(self, body: bytes) -> None:
        self._bodyBytes += len(body)
        if self._bodyBytes > self.maxBodyBytes:
            raise HTTPError(413, f"body over {self.maxBodyBytes} bytes")
        self._body.append(body)

    def on_message_complete(self) -> None:
        request = self._request
        assert request is not None
        request.body = b"".join(self._body)
        self._ready.append((request, self._parser.should_keep_alive()))
        self._request = None

    # -- bytes in, requests out ----------------------------------------------------

    def feed(self, data: bytes) -> None:
        """Hand over bytes from the peer (b"" when the peer has stopped sending)."""
        if not data:
            self._eof = True
            return
        if self._upgraded:
            self._trailing += data
            return
        if self._failure is not None:
            return  # the connection closes after the error answer
        if self._request is None:
            self._unfinished += len(data)
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserUpgrade as upgrade:
            self._upgraded = True
            self._trailing = data[upgrade.args[0] :]
        except httptools.HttpParserCallbackError as error:
            cause = error.__context__
            self._failure = cause if isinstance(cause, HTTPError) else HTTPError(400, str(error))
        except httptools.HttpParserError as error:
            self._failure = HTTPError(400, str(error))
        # llhttp keeps no head in memory, but a head that never ends must still be refused.
        if self._request is None and self._unfinished > self.maxHeaderBytes:
            self._failure = self._failure or HTTPError(
                431, f"request headers over {self.maxHeaderBytes} bytes"
            )

    @property
    def peerClosed(self) -> bool:
        """True once the peer has closed, or a response ended the connection."""
        return (self._eof or self._mustClose) and not self._ready

    def nextRequest(self) -> Request | None:
        """The next complete request, or None until more bytes are fed; HTTPError if bad."""
        if self._ready:
            self._current = self._ready.popleft()
            return self._current[0]
        if self._failure is not None:
            failure, self._failure = self._failure, None
            self._current = None
            raise failure
        return None

    # -- responses out ---------------------------------------------------------------

    def responseHead(
        self,
        status: int,
        headers: list[tuple[str, str]],
        close: bool = False,
        length: int | None = None,
    ) -> bytes:
        """Serialise the status line and headers; ``close`` ends the connection after the body.

        ``length`` is the body's length (else a Content-Length among ``headers``, else the
        body is chunked, or ends with the connection for HTTP/1.0).
        """
        request, keep = self._current or (None, False)
        # After an upgrade request the parser stops: the connection ends with this response.
        keep = keep and not close and request is not None and not self._upgraded
        for name, value in headers:
            folded = name.lower()
            if folded == "content-length" and length is None:
                length = int(value)
            elif folded == "connection" and "close" in value.lower():
                keep = False
        headOnly = (request is not None and request.method == "HEAD") or status in _NO_BODY
        lines = [_statusLine(status), *(_header(name, value) for name, value in headers)]
        self._chunked = False
        if length is not None:
            self._left = 0 if headOnly else length
            if not any(name.lower() == "content-length" for name, _ in headers):
                lines.append(b"Content-Length: %d\r\n" % length)
        elif headOnly:
            self._left = 0
        elif request is not None and request.version != "HTTP/1.0" and keep:
            self._left = None
            self._chunked = True
            lines.append(b"Transfer-Encoding: chunked\r\n")
        else:
            self._left = None
            keep = False  # the body ends when the connection does
        if not keep:
            self._mustClose = True
            lines.append(b"Connection: close\r\n")
        self._keep = keep
        lines.append(b"\r\n")
        return b"".join(lines)

    def responseBody(self, data: bytes) -> bytes:
        """Serialise part of the body (chunked when no Content-Length was given)."""
        if not data:
            return b""
        if self._chunked:
            return b"%x\r\n%s\r\n" % (len(data), data)
        if self._left is not None:
            if len(data) > self._left:
                raise HTTPError(500, "the response body is longer than its Content-Length")
            self._left -= len(data)
        return data if type(data) is bytes else bytes(data)  # no copy of a large body

    def responseEnd(self) -> tuple[bytes, bool]:
        """Finish the response; returns its last bytes and whether the connection stays open."""
        self._current = None
        if self._left:
            self._mustClose = True
            raise HTTPError(500, "the response body is shorter than its Content-Length")
        return (b"0\r\n\r\n" if self._chunked else b""), self._keep

    def switchProtocols(self, headers: list[tuple[str, str]]) -> tuple[bytes, bytes]:
        """Answer an Upgrade request with 101; returns those bytes and what followed the request."""
        self._current = None
        lines = [
            b"HTTP/1.1 101 Switching Protocols\r\n",
            *(_header(n, v) for n, v in headers),
            b"\r\n",
        ]
        return b"".join(lines), self._trailing

    def respond(
        self, request: Request | None, status: int, headers: list[tuple[str, str]], body: bytes
    ) -> tuple[bytes, bool]:
        """A whole response (``request`` None: an error, then close; HEAD: no body)."""
        head = self.responseHead(status, headers, close=request is None, length=len(body))
        data = self.responseBody(body) if self._left else b""
        last, keep = self.responseEnd()
        return b"".join((head, data, last)), keep
