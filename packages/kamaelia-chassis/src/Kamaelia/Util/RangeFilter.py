"""RangeFilter: pass on items whose index falls in one of some ranges."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown, is_stop_now
from Kamaelia.Util._waitsend import wait_send

__all__ = ["RangeFilter"]


@checked_keywords
class RangeFilter(component):
    """RangeFilter(ranges) -> pass (index, ...) items with start <= index <= end.

    ``ranges`` is a list of (start, end) pairs, both ends included.  A full
    destination is waited for, not overrun.  ``producerFinished`` stops it
    after the items already received; ``shutdownMicroprocess`` at once.
    """

    Inboxes = {"inbox": "Items whose first element is an index", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Items in range", "signal": "Shutdown signalling"}

    def __init__(self, ranges: Iterable[tuple[Any, Any]]) -> None:
        super().__init__()
        self.ranges = list(ranges)
        self.shutdownMsg: Any = None

    def inRange(self, index: Any) -> tuple[Any, Any] | None:
        """The first range holding ``index``, or None."""
        for start, end in self.ranges:
            if start <= index <= end:
                return (start, end)
        return None

    def _must_stop(self) -> bool:
        while self.dataReady("control"):
            msg = self.recv("control")
            if is_stop_now(msg) or (is_shutdown(msg) and self.shutdownMsg is None):
                self.shutdownMsg = msg
        return is_stop_now(self.shutdownMsg)

    def main(self) -> Generator[int, None, None]:
        """Filter until told to stop."""
        while not self._must_stop():
            while self.dataReady("inbox"):
                item = self.recv("inbox")
                if self.inRange(item[0]):
                    sent = yield from wait_send(self, item, "outbox", self._must_stop)
                    if not sent:
                        break
            if self.shutdownMsg is not None and not self.dataReady("inbox"):
                break
            if not self.dataReady("inbox"):
                self.pause()
            yield 1
        self.send(self.shutdownMsg, "signal")
