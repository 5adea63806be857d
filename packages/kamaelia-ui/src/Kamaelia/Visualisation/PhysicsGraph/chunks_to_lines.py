"""chunks_to_lines: cut a stream of text chunks (str or UTF-8 bytes) into lines."""

from __future__ import annotations

import codecs
from collections.abc import Generator

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Visualisation.PhysicsGraph._common import shutdown_requested

__all__ = ["chunks_to_lines"]


@checked_keywords
class chunks_to_lines(component):
    """chunks_to_lines() -> sends each complete line (without "\\r" and "\\n").

    Chunks may be ``str`` or ``bytes`` (decoded as UTF-8, also when a character
    is split across two chunks; bad bytes become U+FFFD). A partial last line
    is kept until its newline arrives.
    """

    Inboxes = {"inbox": "Chunks of text (str or bytes)", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Lines of text", "signal": "Shutdown signalling"}

    def main(self) -> Generator[int, None, None]:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        pending = ""
        while True:
            while self.dataReady("inbox"):
                chunk = self.recv("inbox")
                if isinstance(chunk, (bytes, bytearray, memoryview)):
                    chunk = decoder.decode(bytes(chunk))
                elif not isinstance(chunk, str):
                    raise TypeError(
                        f"{self.name}: 'inbox' takes str or bytes chunks, got "
                        f"{type(chunk).__name__}: {chunk!r}"
                    )
                pending += chunk.replace("\r", "")
            *lines, pending = pending.split("\n")
            for line in lines:
                self.send(line, "outbox")
            if shutdown_requested(self):  # after the data that came before it
                return
            self.pause()
            yield 1
