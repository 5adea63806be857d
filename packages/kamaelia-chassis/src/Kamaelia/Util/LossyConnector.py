"""LossyConnector: forward messages, dropping those the destination has no room for."""

from __future__ import annotations

import logging
from collections.abc import Generator

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["LossyConnector"]

log = logging.getLogger(__name__)


@checked_keywords
class LossyConnector(component):
    """LossyConnector() -> forward inbox to outbox; drop a message if it does not fit.

    Put it in front of a size-limited inbox when losing messages is better
    than slowing the sender.  Drops are counted in ``dropped`` and logged at
    debug level, so they are never silent.
    """

    Inboxes = {"inbox": "Messages to pass on", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Messages that fitted", "signal": "Shutdown signalling"}

    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0

    def main(self) -> Generator[int, None, None]:
        """Forward (or drop) until told to stop."""
        while True:
            while self.dataReady("inbox"):
                msg = self.recv("inbox")
                try:
                    self.send(msg, "outbox")
                except noSpaceInBox:
                    self.dropped += 1
                    log.debug("%s: destination full, dropped %r", self.name, msg)
            while self.dataReady("control"):
                msg = self.recv("control")
                if is_shutdown(msg):
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1
