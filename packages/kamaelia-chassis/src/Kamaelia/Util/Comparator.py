"""Comparator: combine pairs of messages from two inboxes."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown, is_stop_now

__all__ = ["Comparator"]


@checked_keywords
class Comparator(component):
    """Comparator() -> send combine(a, b) for each pair from inA and inB.

    ``combine`` returns ``a == b``; override it for another combination.
    On ``producerFinished`` it sends its own ``producerFinished`` (as 1.x);
    a ``shutdownMicroprocess`` is passed on as is.
    """

    Inboxes = {
        "inbox": "Unused",
        "control": "Shutdown signalling",
        "inA": "First items of each pair",
        "inB": "Second items of each pair",
    }
    Outboxes = {"outbox": "combine(a, b) for each pair", "signal": "Shutdown signalling"}

    def combine(self, valA: Any, valB: Any) -> Any:
        """Return ``valA == valB``."""
        return valA == valB

    def main(self) -> Generator[int, None, None]:
        """Pair up inputs until told to stop."""
        while True:
            while self.dataReady("inA") and self.dataReady("inB"):
                self.send(self.combine(self.recv("inA"), self.recv("inB")), "outbox")
            while self.dataReady("control"):
                msg = self.recv("control")
                if is_shutdown(msg):
                    self.send(msg if is_stop_now(msg) else producerFinished(self), "signal")
                    return
            self.pause()
            yield 1
