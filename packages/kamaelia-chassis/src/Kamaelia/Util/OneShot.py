"""OneShot and TriggeredOneShot: send one message, then finish."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown, is_stop_now

__all__ = ["OneShot", "TriggeredOneShot"]


@checked_keywords
class OneShot(component):
    """OneShot(msg=None) -> send msg once, then producerFinished, and finish."""

    Inboxes = {"inbox": "Unused", "control": "Unused (it finishes by itself at once)"}
    Outboxes = {"outbox": "The message", "signal": "producerFinished"}

    def __init__(self, msg: Any = None) -> None:
        super().__init__()
        self.msg = msg

    def main(self) -> Generator[int, None, None]:
        """Send the message, then producerFinished."""
        # A stop-now that arrived before the first run cancels the message.
        while self.dataReady("control"):
            msg = self.recv("control")
            if is_stop_now(msg):
                self.send(msg, "signal")
                return
        self.send(self.msg, "outbox")
        yield 1
        self.send(producerFinished(self), "signal")


@checked_keywords
class TriggeredOneShot(component):
    """TriggeredOneShot(msg=None) -> on the first inbox message, send msg and finish.

    While waiting, control messages are passed on to ``signal``, and a
    ``producerFinished`` or ``shutdownMicroprocess`` ends it without sending.
    """

    Inboxes = {"inbox": "Anything: the trigger", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "The message", "signal": "Shutdown signalling"}

    def __init__(self, msg: Any = None) -> None:
        super().__init__()
        self.msg = msg

    def main(self) -> Generator[int, None, None]:
        """Wait for a trigger, then send the message and producerFinished."""
        while not self.dataReady("inbox"):
            while self.dataReady("control"):
                msg = self.recv("control")
                self.send(msg, "signal")
                if is_shutdown(msg):
                    return
            self.pause()
            yield 1
        self.recv("inbox")
        self.send(self.msg, "outbox")
        yield 1
        self.send(producerFinished(self), "signal")
