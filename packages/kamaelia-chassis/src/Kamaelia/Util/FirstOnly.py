"""FirstOnly: pass on the first message only."""

from __future__ import annotations

from collections.abc import Generator

from Axon.Component import component
from Axon.options import checked_keywords

__all__ = ["FirstOnly"]


@checked_keywords
class FirstOnly(component):
    """FirstOnly() -> send the first inbox message; discard the rest.

    As in 1.x, any message on ``control`` ends it and is passed on to ``signal``.
    """

    Inboxes = {"inbox": "Messages (only the first is sent)", "control": "Any message stops it"}
    Outboxes = {"outbox": "The first message", "signal": "Shutdown signalling"}

    def main(self) -> Generator[int, None, None]:
        """Send the first message, drop the others, stop on any control message."""
        sent = False
        while not self.dataReady("control"):
            while self.dataReady("inbox"):
                msg = self.recv("inbox")
                if not sent:
                    self.send(msg, "outbox")
                    sent = True
            self.pause()
            yield 1
        self.send(self.recv("control"), "signal")
