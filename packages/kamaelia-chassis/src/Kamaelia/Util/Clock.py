"""CheapAndCheerfulClock: send ``True`` at a regular interval."""

from __future__ import annotations

import math
from collections.abc import Generator

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown
from Kamaelia.Util._timer import Timer, now

__all__ = ["CheapAndCheerfulClock"]


@checked_keywords
class CheapAndCheerfulClock(component):
    """CheapAndCheerfulClock(interval) -> send True now and every interval seconds.

    Ticks are timed by the scheduler (no thread, no polling) and aimed at
    ``start + n * interval`` so they do not drift.  ``producerFinished`` or
    ``shutdownMicroprocess`` on ``control`` stops it and is sent on ``signal``
    (the 1.x clock ran forever).
    """

    Inboxes = {"inbox": "Unused", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "True at every tick", "signal": "Shutdown signalling"}

    def __init__(self, interval: float) -> None:
        super().__init__()
        if not (interval > 0 and math.isfinite(interval)):
            raise ValueError(
                "CheapAndCheerfulClock: interval must be a finite number of seconds > 0, "
                f"got {interval!r}"
            )
        self.interval = interval

    def main(self) -> Generator[int, None, None]:
        """Tick until told to stop."""
        timer = Timer(self)
        due = now()
        try:
            self.send(True, "outbox")
            due += self.interval
            timer.start(due - now())
            while True:
                while self.dataReady("control"):
                    msg = self.recv("control")
                    if is_shutdown(msg):
                        self.send(msg, "signal")
                        return
                if timer.fired:
                    self.send(True, "outbox")
                    due += self.interval
                    timer.start(due - now())
                self.pause()
                yield 1
        finally:
            timer.cancel()
