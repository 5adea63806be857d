"""Fanout: copy every message to several named outboxes."""

from __future__ import annotations

from collections.abc import Generator, Iterable

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["Fanout"]


@checked_keywords
class Fanout(component):
    """Fanout(boxnames) -> copy each inbox message to every outbox.

    The named outboxes are added to this instance only.  Nothing goes to the
    standard ``outbox`` (nor data to ``signal``) unless they are named, as
    1.x documented (its code copied every message to them as well).
    ``producerFinished`` or ``shutdownMicroprocess`` on ``control`` stops it
    (after the messages already received) and is sent on ``signal``.
    """

    Inboxes = {"inbox": "Messages to copy", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Unused unless named", "signal": "Shutdown signalling"}

    def __init__(self, boxnames: Iterable[str]) -> None:
        if isinstance(boxnames, str):
            raise TypeError(f"Fanout: boxnames must be a list of outbox names, got {boxnames!r}")
        outboxes = dict(type(self).Outboxes)
        self.boxnames = list(dict.fromkeys(boxnames))
        for name in self.boxnames:
            outboxes[name] = "A copy of each message received on 'inbox'"
        # Per instance: the class stays untouched.
        self.Outboxes = outboxes
        super().__init__()

    def main(self) -> Generator[int, None, None]:
        """Copy messages out until told to stop."""
        boxes = self.boxnames
        while True:
            while self.dataReady("inbox"):
                data = self.recv("inbox")
                for box in boxes:
                    self.send(data, box)
            while self.dataReady("control"):
                msg = self.recv("control")
                if is_shutdown(msg):
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1
