"""PassThrough: forward ``inbox`` to ``outbox`` and ``control`` to ``signal``."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

__all__ = ["PassThrough"]


@checked_keywords
class PassThrough(component):
    """PassThrough(shutdownOn=[producerFinished, shutdownMicroprocess]) -> forwarder.

    Everything on ``inbox`` goes out of ``outbox`` and everything on
    ``control`` out of ``signal``.  It stops after forwarding a control
    message that is an instance of one of the ``shutdownOn`` classes.
    """

    Inboxes = {"inbox": "Messages to pass through", "control": "Passed through to signal"}
    Outboxes = {"outbox": "Messages from inbox", "signal": "Messages from control"}

    def __init__(self, shutdownOn: Sequence[type] = (producerFinished, shutdownMicroprocess)):
        super().__init__()
        self.shutdownOn = tuple(shutdownOn)

    def main(self) -> Generator[int, None, None]:
        """Forward both boxes until a shutdown message has gone through."""
        while True:
            while self.dataReady("inbox"):
                self.send(self.recv("inbox"), "outbox")
            while self.dataReady("control"):
                msg: Any = self.recv("control")
                self.send(msg, "signal")
                if isinstance(msg, self.shutdownOn):
                    return
            self.pause()
            yield 1
