"""Minimal: HTTPServer's request handler for static files (1.x ``Handlers.Minimal``).

``MinimalFactory(indexfilename, homedirectory)`` makes a handler factory for
a routing table. The file is the request's ``uri-suffix`` below
``homedirectory`` (``indexfilename`` for a folder), sent in 64 KiB pieces
with its length and MIME type. The same containment rules as SimpleHTTP's
``StaticFiles`` apply: nothing outside ``homedirectory`` is served, through
``..`` or through a symlink (file, folder or index file) that leads out of
it; anything else is the 404 page. GET and HEAD only (others: 405).
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Protocol.HTTP import ErrorPages, MimeTypes
from Kamaelia.Protocol.HTTP._core import resolveBelow

__all__ = ["Minimal", "MinimalFactory"]

_PIECE = 65536
_AHEAD = 3  # pieces queued for the server before reading more (as 1.x)


def MinimalFactory(indexfilename: str = "index.html", homedirectory: str = "htdocs") -> Any:
    """A handler factory serving ``homedirectory``."""

    def _getMinimal(request: dict[str, Any]) -> Minimal:
        return Minimal(request, indexfilename, homedirectory)

    return _getMinimal


@checked_keywords
class Minimal(component):
    """Serves one file below ``homedirectory`` for one request, then finishes."""

    Inboxes = {"inbox": "the request body (ignored)", "control": "end of the request body"}
    Outboxes = {"outbox": "resource dicts", "signal": "producerFinished when done"}

    def __init__(
        self,
        request: dict[str, Any],
        indexfilename: str = "index.html",
        homedirectory: str = "htdocs/",
    ) -> None:
        super().__init__()
        self.request = request
        self.indexfilename = indexfilename
        self.homedirectory = homedirectory

    def main(self) -> Generator[int, None, None]:
        """Send the head, then the file piece by piece while the server keeps up."""
        method = self.request.get("method", "GET")
        root = Path(self.homedirectory).resolve()
        path = resolveBelow(root, unquote(self.request.get("uri-suffix", "")), self.indexfilename)
        if method not in ("GET", "HEAD"):
            self.send(ErrorPages.getErrorPage(405, f"{method} is not allowed here"), "outbox")
        elif path is None:
            self.send(ErrorPages.getErrorPage(404, "No such file."), "outbox")
        else:
            yield from self._sendFile(path, method == "HEAD")
        self.send(producerFinished(self), "signal")
        yield 1

    def _sendFile(self, path: Path, headOnly: bool) -> Generator[int, None, None]:
        with path.open("rb") as file:
            size = path.stat().st_size
            kind = MimeTypes.workoutMimeType(path.name)
            self.send({"statuscode": "200", "content-type": kind, "length": size}, "outbox")
            sent = 0
            while sent < size and not headOnly:
                while len(self.outboxes["outbox"]) >= _AHEAD:
                    self.pause()  # woken when the server takes a piece
                    yield 1
                piece = file.read(min(_PIECE, size - sent))
                if not piece:
                    break  # the file shrank: the server closes the short response
                self.send({"data": piece}, "outbox")
                sent += len(piece)
