"""SimpleDetupler: send one element of each incoming tuple (or sequence)."""

from __future__ import annotations

from typing import Any

from Axon.options import checked_keywords

from Kamaelia.Util.PureTransformer import PureTransformer

__all__ = ["SimpleDetupler"]


@checked_keywords
class SimpleDetupler(PureTransformer):
    """SimpleDetupler(index) -> send msg[index] for each message.

    Messages already received are handled before a shutdown takes effect; the
    shutdown message is passed on out of ``signal``.
    """

    Inboxes = {"inbox": "Tuples (or any indexable)", "control": "Shutdown signalling"}
    passOnProducerFinished = True
    Outboxes = {"outbox": "msg[index] for each message", "signal": "Shutdown signalling"}

    def __init__(self, index: Any) -> None:
        super().__init__()
        self.index = index

    def processMessage(self, msg: Any) -> Any:
        """Pick the element out (a None element is sent too)."""
        self.send(msg[self.index], "outbox")
        return None
