"""Sync: send one message per batch of ``n`` received."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["Sync"]


@checked_keywords
class Sync(component):
    """Sync(n=2) -> after every n messages, send one.

    As in 1.x the message sent is the *last* of each batch (1.x documented
    "first" but sent the last; the behaviour is kept).  Control messages
    are passed on to ``signal``; ``producerFinished`` or
    ``shutdownMicroprocess`` stops it.
    """

    Inboxes = {"inbox": "Messages", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "The last message of each batch of n", "signal": "Shutdown signalling"}

    def __init__(self, n: int = 2) -> None:
        super().__init__()
        if n < 1:
            raise ValueError(f"Sync: n must be at least 1, got {n!r}")
        self.n = n

    def main(self) -> Generator[int, None, None]:
        """Count messages in batches until told to stop."""
        count = 0
        last: Any = None
        while True:
            while self.dataReady("inbox"):
                last = self.recv("inbox")
                count += 1
                if count == self.n:
                    self.send(last, "outbox")
                    count = 0
            while self.dataReady("control"):
                msg = self.recv("control")
                self.send(msg, "signal")
                if is_shutdown(msg):
                    return
            self.pause()
            yield 1
