"""Chunkifier: re-cut a stream of strings (or bytes) into fixed-size chunks."""

from __future__ import annotations

from collections import deque
from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["Chunkifier", "CharacterFIFO"]


class CharacterFIFO:
    """A queue of characters (or bytes) fed with pieces and read in lengths.

    Pieces are kept as they arrive and only joined when read, so pushing and
    popping n characters costs O(n).
    """

    def __init__(self) -> None:
        self.queuearray: deque[Any] = deque()
        self.length = 0
        self.startboundary = 0  # characters already taken from queuearray[0]
        self._empty: Any = ""

    def push(self, text: Any) -> None:
        """Append a piece."""
        if not self.queuearray and not self.length:
            self._empty = text[:0]
        self.queuearray.append(text)
        self.length += len(text)

    def __len__(self) -> int:
        return self.length

    def poplength(self, length: int) -> Any:
        """Remove and return the first ``length`` characters (IndexError if short)."""
        if length > self.length:
            raise IndexError(f"CharacterFIFO holds {self.length} characters, asked for {length}")
        parts = []
        needed = length
        while needed > 0:
            head = self.queuearray[0]
            available = len(head) - self.startboundary
            if available > needed:
                parts.append(head[self.startboundary : self.startboundary + needed])
                self.startboundary += needed
                needed = 0
            else:
                parts.append(head[self.startboundary :])
                self.queuearray.popleft()
                self.startboundary = 0
                needed -= available
        self.length -= length
        return self._empty.join(parts)


@checked_keywords
class Chunkifier(component):
    """Chunkifier(chunksize=1048576, nodelay=False) -> fixed-size chunks.

    Every full ``chunksize`` worth of input goes out as one message.  With
    ``nodelay`` whatever is left is sent at once too.  On
    ``producerFinished`` the remainder is sent and then ``producerFinished``;
    ``shutdownMicroprocess`` stops it without sending the remainder and is
    passed on.
    """

    Inboxes = {"inbox": "A stream of str or bytes pieces", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Chunks of chunksize", "signal": "Shutdown signalling"}

    def __init__(self, chunksize: int = 1048576, nodelay: bool = False) -> None:
        super().__init__()
        if chunksize < 1:
            raise ValueError(f"Chunkifier: chunksize must be at least 1, got {chunksize!r}")
        self.forwardqueue = CharacterFIFO()
        self.chunksize = chunksize
        self.nodelay = nodelay

    def sendPartialChunk(self) -> None:
        """Send whatever is queued, if anything."""
        if len(self.forwardqueue) > 0:
            self.send(self.forwardqueue.poplength(len(self.forwardqueue)), "outbox")

    def sendChunk(self) -> None:
        """Send one full chunk."""
        self.send(self.forwardqueue.poplength(self.chunksize), "outbox")

    def main(self) -> Generator[int, None, None]:
        """Re-chunk until told to stop."""
        while True:
            while self.dataReady("inbox"):
                self.forwardqueue.push(self.recv("inbox"))
            while len(self.forwardqueue) >= self.chunksize:
                self.sendChunk()
            if self.nodelay:
                self.sendPartialChunk()
            while self.dataReady("control"):
                msg = self.recv("control")
                if isinstance(msg, producerFinished):
                    self.sendPartialChunk()
                    self.send(producerFinished(self), "signal")
                    return
                if is_shutdown(msg):
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1
