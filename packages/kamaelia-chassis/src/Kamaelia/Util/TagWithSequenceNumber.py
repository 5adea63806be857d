"""TagWithSequenceNumber: number each message."""

from __future__ import annotations

from collections.abc import Generator

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["TagWithSequenceNumber"]


@checked_keywords
class TagWithSequenceNumber(component):
    """TagWithSequenceNumber(initial=0) -> send (n, msg), counting from initial."""

    Inboxes = {"inbox": "Messages", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "(sequence number, message) pairs", "signal": "Shutdown signalling"}

    def __init__(self, initial: int = 0) -> None:
        super().__init__()
        self.initial = initial

    def main(self) -> Generator[int, None, None]:
        """Tag messages until told to stop."""
        index = self.initial
        while True:
            while self.dataReady("inbox"):
                self.send((index, self.recv("inbox")), "outbox")
                index += 1
            while self.dataReady("control"):
                msg = self.recv("control")
                if is_shutdown(msg):
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1
