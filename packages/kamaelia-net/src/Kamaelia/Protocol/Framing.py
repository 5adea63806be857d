"""Framing: turning a byte stream into messages and back.

From 1.x: ``SimpleFrame`` / ``Framer`` / ``DeFramer`` ("<tag> <length>\\n<data>"
frames of ``(tag, data)`` pairs) and ``DataChunker`` / ``DataDeChunker``
(messages separated by a sync marker that is escaped inside the data). They
now work on ``bytes`` as well as ``str``, and sleep instead of busy-looping.

New: ``LineFramer``/``LineDeFramer`` (separator-terminated lines) and
``LengthPrefixFramer``/``LengthPrefixDeFramer`` (4-byte big-endian length,
then the payload). These deframers and DataDeChunker enforce a maximum
size: a peer that sends more is cut off (the deframer logs a warning, records
``self.error``, passes on what came before and then sends
``producerFinished(self)`` out of "signal", so that the replies already due
are written and the connection behind it is then closed), which keeps one bad
peer from using unbounded memory. Frame headers must be ``<tag> <length>\n``
with a length of 0 or more (anything else is CorruptFrame), and a bytes sync
marker may hold any byte values.

Control for all of them: producerFinished processes what has arrived, then is
passed on and the component ends; shutdownMicroprocess is passed on at once.
"""

from __future__ import annotations

import contextlib
import logging
import re
import struct
from collections import deque
from collections.abc import Generator
from typing import Any

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

__all__ = [
    "CorruptFrame",
    "DataChunker",
    "DataDeChunker",
    "DeFramer",
    "FrameTooLarge",
    "Framer",
    "IncompleteChunk",
    "LengthPrefixDeFramer",
    "LengthPrefixFramer",
    "LineDeFramer",
    "LineFramer",
    "ShortFrame",
    "SimpleFrame",
]

_log = logging.getLogger("Kamaelia.Protocol.Framing")


class CorruptFrame(Exception):
    """A frame's header cannot be parsed."""


class ShortFrame(Exception):
    """A frame holds fewer bytes than its header announces."""


class IncompleteChunk(Exception):
    """A chunk does not start with the sync marker, so it may be partial."""


class FrameTooLarge(ValueError):
    """A peer sent a frame (or line) longer than the allowed maximum."""


@checked_keywords
class _StreamComponent(component):
    """Applies ``process(message)`` to each inbox message; handles control as described above.

    Back-pressure: when the receiver's inbox is full, what ``process`` sent
    waits here (in order) and no more input is taken until it has gone, so a
    burst from the peer is held back instead of crashing the component.
    """

    Inboxes = {"inbox": "input messages", "control": "producerFinished / shutdownMicroprocess"}
    Outboxes = {"outbox": "output messages", "signal": "the control message, passed on"}

    def __init__(self, *args: Any, **argd: Any) -> None:
        super().__init__(*args, **argd)
        self._held: deque[Any] = deque()

    def process(self, message: Any) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called once producerFinished arrived and the inbox is empty."""

    def send(self, message: Any, boxname: str = "outbox") -> None:
        """As component.send, but "outbox" messages wait here while the receiver is full."""
        if boxname != "outbox":
            super().send(message, boxname)
        elif self._held:
            self._held.append(message)
        else:
            try:
                super().send(message, boxname)
            except noSpaceInBox:
                self._held.append(message)

    def _flushHeld(self) -> bool:
        """Send what waits; True once nothing does (the receiver wakes us when it takes)."""
        held = self._held
        while held:
            try:
                super().send(held[0], "outbox")
            except noSpaceInBox:
                return False
            held.popleft()
        return True

    def _processInbox(self) -> None:
        while self._flushHeld() and self.dataReady("inbox") and self.error is None:
            self.process(self.recv("inbox"))

    def main(self) -> Generator[int, None, None]:
        """Process messages until stopped."""
        self.error: BaseException | None = None
        finishing: Any = None
        finished = False
        while True:
            self._processInbox()
            if self.error is not None and self._flushHeld():
                # What came before the bad input still goes out (and is answered).
                self.send(producerFinished(self), "signal")
                return
            while self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, shutdownMicroprocess) or message is shutdownMicroprocess:
                    self.send(message, "signal")
                    return
                if isinstance(message, producerFinished) and finishing is None:
                    finishing = message
            # Everything that arrived before producerFinished goes out before it.
            if finishing is not None and not self.dataReady("inbox") and self._flushHeld():
                if not finished:
                    finished = True
                    self.finish()
                if self._flushHeld():
                    self.send(finishing, "signal")
                    return
            if self._held or not self.anyReady():
                self.pause()
            yield 1

    def reject(self, problem: str) -> None:
        """Stop with FrameTooLarge(problem): logged, recorded, and the connection closed."""
        self.error = FrameTooLarge(f"{self.name}: {problem}")
        _log.warning("%s; closing", self.error)


def _text(value: Any, like: Any) -> Any:
    # latin-1: one byte per character 0-255, so a bytes marker may hold any byte.
    return value.encode("latin-1") if isinstance(like, (bytes, bytearray)) else value


class SimpleFrame:
    """A ``(tag, data)`` pair framed as ``"<tag> <length>\\n<data>"``."""

    def __init__(self, *args: Any) -> None:
        self.t = args

    def toBytes(self) -> Any:
        """The frame, as bytes when the data is bytes (str otherwise)."""
        tag, data = self.t
        return _text(f"{tag} {len(data)}\n", data) + data

    def __str__(self) -> str:
        frame = self.toBytes()
        return frame if isinstance(frame, str) else frame.decode("latin-1")

    @staticmethod
    def fromString(s: Any) -> tuple[int, Any]:
        """Return ``(tag, data)``; raise ShortFrame or CorruptFrame if ``s`` is not a whole frame."""
        newline = s.find(_text("\n", s))
        if newline == -1:
            raise CorruptFrame(f"no header line in {s[:40]!r}")
        header = s[:newline]
        try:
            tag, length = (int(x) for x in header.split())
        except ValueError as error:
            raise CorruptFrame(f"bad frame header {header[:40]!r}") from error
        if length < 0:
            raise CorruptFrame(f"bad frame header {header[:40]!r}: negative length")
        body = s[newline + 1 :]
        if length > len(body):
            raise ShortFrame(tag, body, len(s), len(body), length)
        return tag, body[:length]


class Framer(_StreamComponent):
    """Frames ``(tag, data)`` pairs (see SimpleFrame)."""

    def process(self, message: Any) -> None:
        """Send the framed pair."""
        self.send(SimpleFrame(*message).toBytes(), "outbox")


class DeFramer(_StreamComponent):
    """Turns whole frames back into ``(tag, data)``; short or corrupt frames are dropped (as 1.x)."""

    def process(self, message: Any) -> None:
        """Send the pair, or log and drop a bad frame."""
        try:
            self.send(SimpleFrame.fromString(message), "outbox")
        except (ShortFrame, CorruptFrame) as error:
            _log.info("%s: dropped a bad frame: %r", self.name, error)


def _escape(message: Any, marker: Any) -> Any:
    """Percent-escape '%' and every character of ``marker`` (1.x's scheme)."""
    pct = _text("%", message)
    result = message.replace(pct, _text("%25", message))
    for ch in dict.fromkeys(marker if isinstance(marker, str) else marker.decode("latin-1")):
        if ch == "%":
            continue
        result = result.replace(_text(ch, message), _text(f"%{ord(ch):02x}", message))
    return result


def _unescape(message: Any, marker: Any) -> Any:
    if isinstance(message, bytes):
        return re.sub(rb"%([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]), message)
    return re.sub(r"%([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), message)


@checked_keywords
class DataChunker(_StreamComponent):
    """Prefixes each message with a sync marker, escaping the marker inside it."""

    def __init__(self, syncmessage: Any = "X" * 24) -> None:
        super().__init__()
        self.syncmessage = syncmessage

    def encodeChunk(self, message: Any) -> Any:
        """The marker plus the escaped message."""
        marker = self.syncmessage
        if isinstance(message, bytes) and isinstance(marker, str):
            marker = marker.encode("latin-1")
        return marker + _escape(message, marker)

    def process(self, message: Any) -> None:
        """Send the chunk."""
        self.send(self.encodeChunk(message), "outbox")


@checked_keywords
class DataDeChunker(_StreamComponent):
    """Reassembles chunks made by DataChunker; a chunk is sent when the next marker arrives.

    A message on "flush" sends what is buffered. As in 1.x, producerFinished
    does not flush by itself. More than ``maxChunkSize`` bytes (or characters)
    without a marker stops the component with FrameTooLarge (see the module
    docs). Each byte is searched once, so the cost is linear in the input.
    """

    Inboxes = {
        "inbox": "stream pieces",
        "control": "producerFinished / shutdownMicroprocess",
        "flush": "any message: send the buffered chunk now",
    }

    def __init__(self, syncmessage: Any = "X" * 24, maxChunkSize: int = 1 << 20) -> None:
        super().__init__()
        self.syncmessage = syncmessage
        self.maxChunkSize = maxChunkSize
        self.buffer: Any = None
        self._searched = 0  # no marker starts in buffer[1:_searched]

    def _marker(self, like: Any) -> Any:
        if isinstance(like, (bytes, bytearray)) and isinstance(self.syncmessage, str):
            return self.syncmessage.encode("latin-1")
        return self.syncmessage

    def decodeChunk(self, chunk: Any) -> Any:
        """The message in ``chunk``; IncompleteChunk if it does not start with the marker."""
        marker = self._marker(chunk)
        if not chunk.startswith(marker):
            raise IncompleteChunk(chunk[:40])
        return _unescape(chunk[len(marker) :], marker)

    def _emit(self, chunk: Any) -> None:
        # Data before the first marker cannot be trusted: it is dropped, as in 1.x.
        with contextlib.suppress(IncompleteChunk):
            self.send(self.decodeChunk(chunk), "outbox")

    def process(self, message: Any) -> None:
        """Buffer, and send every chunk that the next marker completes."""
        marker = self._marker(message)
        if self.buffer is None:
            self.buffer = bytearray() if isinstance(message, (bytes, bytearray)) else ""
            self._searched = 1
        self.buffer += message
        start = 0
        while True:
            # Only search what is new (less a marker's length, for one split across pieces).
            cut = self.buffer.find(marker, max(self._searched, start + 1))
            if cut == -1:
                break
            self._emit(self._piece(start, cut))
            start = self._searched = cut
        self._searched = max(self._searched, len(self.buffer) - len(marker) + 1)
        if start:
            self.buffer = self.buffer[start:]
            self._searched -= start
        if len(self.buffer) > self.maxChunkSize:
            self.reject(f"more than {self.maxChunkSize} bytes without a sync marker")

    def _piece(self, start: int, end: int) -> Any:
        piece = self.buffer[start:end]
        return bytes(piece) if isinstance(piece, bytearray) else piece

    def finish(self) -> None:
        """Honour a flush that arrived with the last data."""
        self._takeFlushes()

    def _takeFlushes(self) -> None:
        while self.dataReady("flush"):
            self.recv("flush")
            self._flush()

    def _flush(self) -> None:
        if self.buffer:
            self._emit(self._piece(0, len(self.buffer)))
        self.buffer = None

    def main(self) -> Generator[int, None, None]:
        """As the other framing components, plus the "flush" inbox."""
        inner = super().main()
        for step in inner:
            self._takeFlushes()
            yield step


@checked_keywords
class LineFramer(_StreamComponent):
    """Appends ``separator`` (default b"\\n") to each message."""

    def __init__(self, separator: bytes = b"\n") -> None:
        super().__init__()
        self.separator = separator

    def process(self, message: Any) -> None:
        """Send the terminated line."""
        self.send(bytes(message) + self.separator, "outbox")


@checked_keywords
class LineDeFramer(_StreamComponent):
    """Splits a byte stream into lines (without the separator), at most ``maxLineLength`` long.

    A line longer than that stops the component with FrameTooLarge (see the
    module docs). At producerFinished an unterminated last line is sent too.
    """

    def __init__(self, separator: bytes = b"\n", maxLineLength: int = 65536) -> None:
        super().__init__()
        self.separator = separator
        self.maxLineLength = maxLineLength
        self.buffer = bytearray()

    def process(self, message: Any) -> None:
        """Send every complete line."""
        self.buffer += message
        sep = self.separator
        start = 0
        while True:
            end = self.buffer.find(sep, start)
            if end == -1:
                break
            if end - start > self.maxLineLength:
                break
            self.send(bytes(self.buffer[start:end]), "outbox")
            start = end + len(sep)
        del self.buffer[:start]
        pending = self.buffer.find(sep)
        if (pending if pending != -1 else len(self.buffer)) > self.maxLineLength:
            self.reject(f"line longer than {self.maxLineLength} bytes")

    def finish(self) -> None:
        """Send an unterminated last line."""
        if self.buffer:
            self.send(bytes(self.buffer), "outbox")
            self.buffer.clear()


_LENGTH = struct.Struct(">I")


class LengthPrefixFramer(_StreamComponent):
    """Prefixes each message with its length as a 4-byte big-endian integer."""

    def process(self, message: Any) -> None:
        """Send the length and the payload."""
        self.send(_LENGTH.pack(len(message)) + bytes(message), "outbox")


@checked_keywords
class LengthPrefixDeFramer(_StreamComponent):
    """Turns a length-prefixed byte stream back into messages of at most ``maxFrameSize`` bytes.

    A header announcing more stops the component with FrameTooLarge before
    any of the payload is buffered (see the module docs).
    """

    def __init__(self, maxFrameSize: int = 1 << 20) -> None:
        super().__init__()
        self.maxFrameSize = maxFrameSize
        self.buffer = bytearray()

    def process(self, message: Any) -> None:
        """Send every complete frame."""
        self.buffer += message
        view = self.buffer
        start = 0
        while len(view) - start >= _LENGTH.size:
            (length,) = _LENGTH.unpack_from(view, start)
            if length > self.maxFrameSize:
                self.reject(
                    f"frame of {length} bytes announced; the maximum is {self.maxFrameSize}"
                )
                return
            end = start + _LENGTH.size + length
            if end > len(view):
                break
            self.send(bytes(view[start + _LENGTH.size : end]), "outbox")
            start = end
        del self.buffer[:start]
