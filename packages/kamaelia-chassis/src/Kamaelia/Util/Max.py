"""Max: the largest value of each incoming collection."""

from __future__ import annotations

from collections.abc import Generator

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["Max"]


@checked_keywords
class Max(component):
    """Max() -> send max(msg) for each collection received."""

    Inboxes = {"inbox": "Collections of values", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "The largest value of each", "signal": "Shutdown signalling"}

    def main(self) -> Generator[int, None, None]:
        """Send maxima until told to stop (control messages are passed on)."""
        while True:
            while self.dataReady("inbox"):
                self.send(max(self.recv("inbox")), "outbox")
            while self.dataReady("control"):
                msg = self.recv("control")
                self.send(msg, "signal")
                if is_shutdown(msg):
                    return
            self.pause()
            yield 1
