"""Collate: gather every message and send them as one list at the end."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["Collate"]


@checked_keywords
class Collate(component):
    """Collate() -> on shutdown, send everything received as one list.

    When ``producerFinished`` or ``shutdownMicroprocess`` arrives on
    ``control``, the list goes out of ``outbox`` and then the message out of
    ``signal``.  Other control messages are passed on to ``signal``.
    """

    Inboxes = {"inbox": "Messages to collect", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "One list of every message", "signal": "Shutdown signalling"}

    def main(self) -> Generator[int, None, None]:
        """Collect until told to stop, then send the list."""
        collated: list[Any] = []
        while True:
            while self.dataReady("inbox"):
                collated.append(self.recv("inbox"))
            while self.dataReady("control"):
                msg = self.recv("control")
                if is_shutdown(msg):
                    self.send(collated, "outbox")
                    self.send(msg, "signal")
                    return
                self.send(msg, "signal")
            self.pause()
            yield 1
