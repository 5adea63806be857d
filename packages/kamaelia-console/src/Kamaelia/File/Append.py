"""Append: add each message to the end of a file (think logging), passing it on.

::

    Pipeline(ConsoleReader(eol=""), Append(filename="demo.txt"), ConsoleEchoer()).run()

Keyword arguments (1.x names and defaults):

- ``filename``  -- the file to append to (required)
- ``forwarder`` -- also send each message on out of ``outbox`` (default True)
- ``blat_file`` -- empty the file first (default False)
- ``hold_open`` -- keep the file open between messages (default True);
  with False it is opened and closed for each message

Messages are ``str`` (written as UTF-8) or ``bytes``; each is flushed to the
file as it arrives. Any message on ``control`` stops it after the messages
already received (``shutdownMicroprocess`` before them), and is passed on
out of ``signal`` (1.x: any message stopped it, at once).
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import IO, Any

from Axon.Component import component
from Axon.Ipc import shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.File._jobs import as_bytes
from Kamaelia.Util._console_flow import open_for

__all__ = ["Append"]


@checked_keywords
class Append(component):
    """Append(filename=..., forwarder=True, blat_file=False, hold_open=True) -> append to a file."""

    Inboxes = {
        "inbox": "Data to append to the end of the file (str or bytes)",
        "control": "Any message stops it (and is passed on)",
    }
    Outboxes = {
        "outbox": "A copy of each message, if forwarder",
        "signal": "The message that stopped it",
    }

    filename: str | os.PathLike[str] | None = None
    forwarder: bool = True
    blat_file: bool = False
    hold_open: bool = True

    def __init__(self, **argd: Any) -> None:
        super().__init__(**argd)
        if self.filename is None:
            raise ValueError("Append: filename is required, e.g. Append(filename='log.txt')")
        self.F: IO[bytes] | None = None
        if self.blat_file:
            open_for(self, self.filename, "wb", "emptying").close()

    def writeChunk(self, chunk: Any) -> None:
        """Append one message to the file and flush it."""
        assert self.filename is not None
        data = as_bytes(self, "inbox data", chunk)
        fh = self.F if self.F is not None else open_for(self, self.filename, "ab", "appending")
        try:
            fh.write(data)
            fh.flush()
        finally:
            if self.hold_open:
                self.F = fh
            else:
                fh.close()

    def _append_all(self) -> None:
        while self.dataReady("inbox"):
            chunk = self.recv("inbox")
            self.writeChunk(chunk)
            if self.forwarder:
                self.send(chunk, "outbox")

    def main(self) -> Generator[int, None, None]:
        """Append messages until a control message arrives."""
        try:
            while not self.dataReady("control"):
                self._append_all()
                self.pause()
                yield 1
            stop = self.recv("control")
            if not isinstance(stop, shutdownMicroprocess):
                self._append_all()
            self.send(stop, "signal")
        finally:
            if self.F is not None:
                self.F.close()
                self.F = None
