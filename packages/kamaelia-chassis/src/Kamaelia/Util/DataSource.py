"""DataSource: send each item of a list, then ``producerFinished``.

``TriggeredSource(msg)`` answers every message it receives with ``msg``.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_stop_now
from Kamaelia.Util.PureTransformer import PureTransformer

__all__ = ["DataSource", "TriggeredSource"]


@checked_keywords
class DataSource(component):
    """DataSource(messages) -> send each message in turn, then producerFinished.

    The caller's sequence is copied, never changed (1.x popped items off it).
    One message is sent per scheduler slice, as in 1.x.  A
    ``shutdownMicroprocess`` on ``control`` stops it early and is passed on.
    """

    Inboxes = {"inbox": "Unused", "control": "shutdownMicroprocess stops it early"}
    Outboxes = {"outbox": "The messages, in order", "signal": "producerFinished when done"}

    def __init__(self, messages: Iterable[Any]) -> None:
        super().__init__()
        self.messages = list(messages)

    def main(self) -> Generator[int, None, None]:
        """Send the messages one per slice, then producerFinished."""
        for item in self.messages:
            yield 1
            stop = self._stop_requested()
            if stop is not None:
                self.send(stop, "signal")
                return
            self.send(item, "outbox")
        yield 1
        self.send(producerFinished(self), "signal")

    def _stop_requested(self) -> Any:
        while self.dataReady("control"):
            msg = self.recv("control")
            if is_stop_now(msg):
                return msg
        return None


def TriggeredSource(msg: Any) -> PureTransformer:
    """A component that sends ``msg`` every time it receives anything."""
    return PureTransformer(lambda _trigger: msg)
