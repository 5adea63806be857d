"""Filter: pass each message through a filter object's ``filter`` method."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["Filter", "NullFilter"]


class NullFilter:
    """A filter that lets everything through unchanged."""

    def filter(self, newtext: Any) -> Any:
        """Return the input unchanged."""
        return newtext


@checked_keywords
class Filter(component):
    """Filter(filter=NullFilter()) -> send filter.filter(msg) unless it is None.

    On ``producerFinished`` the filter is flushed -- ``filter.filter("")`` is
    called until it returns None or "", each result being sent -- and the message
    is passed on.  ``shutdownMicroprocess`` stops it without flushing (1.x
    ignored it).
    """

    Inboxes = {"inbox": "Data to filter", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Filtered data", "signal": "Shutdown signalling"}

    def __init__(self, filter: Any = None) -> None:
        super().__init__()
        self.filter = filter if filter is not None else NullFilter()

    def main(self) -> Generator[int, None, None]:
        """Filter messages until told to stop."""
        while True:
            while self.dataReady("inbox"):
                result = self.filter.filter(self.recv("inbox"))
                if result is not None:
                    self.send(result, "outbox")
            while self.dataReady("control"):
                msg = self.recv("control")
                if is_shutdown(msg):
                    if isinstance(msg, producerFinished):
                        self.closeDownComponent()
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1

    def closeDownComponent(self) -> None:
        """Flush whatever the filter still holds.

        Flushing ends when the filter returns None or an empty value (1.x
        looped for ever with the default NullFilter, which echoes the "").
        """
        while True:
            result = self.filter.filter("")
            if result is None or result == "":
                return
            self.send(result, "outbox")
