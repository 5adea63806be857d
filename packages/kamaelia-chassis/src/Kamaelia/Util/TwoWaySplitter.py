"""TwoWaySplitter: copy a stream to two outputs, respecting full inboxes."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown, is_stop_now

__all__ = ["TwoWaySplitter"]


@checked_keywords
class TwoWaySplitter(component):
    """TwoWaySplitter() -> copy inbox to outbox and outbox2.

    If a destination is full, the splitter waits (it is woken when that
    destination takes a message) and sends nothing else meanwhile, so no
    message is lost or reordered.  ``producerFinished`` stops it once the
    messages already received are sent; ``shutdownMicroprocess`` stops it at
    once.  The message is sent on both ``signal`` and ``signal2``.
    """

    Inboxes = {
        "inbox": "Messages to copy to outbox and outbox2",
        "control": "Shutdown signalling (copied to signal and signal2)",
    }
    Outboxes = {
        "outbox": "A copy of each message",
        "outbox2": "A copy of each message",
        "signal": "Shutdown signalling",
        "signal2": "Shutdown signalling",
    }

    def main(self) -> Generator[int, None, None]:
        """Copy messages, waiting on full destinations, until told to stop."""
        self.shutdownMsg: Any = None
        pending: list[tuple[Any, str]] = []
        while True:
            self._read_control()
            if is_stop_now(self.shutdownMsg):
                break
            if not pending and self.dataReady("inbox"):
                data = self.recv("inbox")
                pending = [(data, "outbox"), (data, "outbox2")]
            while pending:
                try:
                    self.send(*pending[0])
                except noSpaceInBox:
                    break
                pending.pop(0)
            if pending or not self.dataReady("inbox"):
                if not pending and self.shutdownMsg is not None:
                    break
                self.pause()
            yield 1
        self.send(self.shutdownMsg, "signal")
        self.send(self.shutdownMsg, "signal2")

    def _read_control(self) -> None:
        while self.dataReady("control"):
            msg = self.recv("control")
            # A stop-now overrides an earlier producerFinished, never the reverse.
            if is_stop_now(msg) or (is_shutdown(msg) and self.shutdownMsg is None):
                self.shutdownMsg = msg
