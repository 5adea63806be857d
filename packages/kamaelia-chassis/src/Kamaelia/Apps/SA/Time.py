"""SingleTick and PeriodicTick: send a message after a delay, or every period.

Contributed to Kamaelia 1.x as ``Kamaelia.Apps.SA.Time``; same names and
arguments::

    Pipeline(PeriodicTick(0.3, tick_mesg="Hello\\n"), ConsoleEchoer()).run()
    Pipeline(SingleTick(0.3), ConsoleEchoer(use_repr=True)).run()

- ``SingleTick(delay)`` sends ``tick_mesg`` (default ``True``) ``delay``
  seconds after it starts, then ``producerFinished`` on ``signal``.
- ``PeriodicTick(delay)`` sends ``tick_mesg`` every ``delay`` seconds,
  counted from its start, so ticks do not drift.

Any message on ``control`` stops either at once and is passed on out of
``signal`` (``producerFinished`` and ``shutdownMicroprocess`` included).

Differences from 1.x: these were threads that woke every ``check_interval``
seconds to look at ``control``; here they sleep on the scheduler's timers
and a control message wakes them at once, so ``check_interval`` is accepted
for compatibility but no longer matters.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Util._args import positive_number
from Kamaelia.Util._timer import Timer, now

__all__ = ["SingleTick", "PeriodicTick"]


@checked_keywords
class _Ticker(component):
    """Shared parts: the arguments, and a sleep that any control message cuts short."""

    Inboxes = {"inbox": "Unused", "control": "Any message stops it (and is passed on)"}
    Outboxes = {"outbox": "tick_mesg, when the time comes", "signal": "Shutdown signalling"}

    tick_mesg: Any = True
    check_interval: float | None = None

    def __init__(self, delay: float, **argd: Any) -> None:
        positive_number(type(self).__name__, "delay", delay, "a number of seconds")
        super().__init__(**argd)
        self.delay = float(delay)
        if self.check_interval is None or self.check_interval > self.delay:
            self.check_interval = self.delay

    def _sleep_until(self, when: float) -> Generator[int, None, Any]:
        """Sleep until ``when`` (a :func:`now` time); return a control message if one came."""
        timer = Timer(self)
        timer.start(when - now())
        try:
            while not timer.fired:
                if self.dataReady("control"):
                    return self.recv("control")
                self.pause()
                yield 1
        finally:
            timer.cancel()
        return None


class SingleTick(_Ticker):
    """SingleTick(delay, check_interval=delay, tick_mesg=True) -> tick once, then finish."""

    Outboxes = {
        "outbox": "tick_mesg, delay seconds after the start",
        "signal": "producerFinished after the tick, or the message that stopped it",
    }

    def main(self) -> Generator[int, None, None]:
        """Wait ``delay`` seconds, tick, finish."""
        stop = yield from self._sleep_until(now() + self.delay)
        if stop is not None:
            self.send(stop, "signal")
            return
        self.send(self.tick_mesg, "outbox")
        self.send(producerFinished(self), "signal")


class PeriodicTick(_Ticker):
    """PeriodicTick(delay, check_interval=delay, tick_mesg=True) -> tick every delay seconds."""

    Outboxes = {
        "outbox": "tick_mesg, every delay seconds",
        "signal": "The message that stopped it",
    }

    def main(self) -> Generator[int, None, None]:
        """Tick every ``delay`` seconds until a control message arrives."""
        start = now()
        ticks = 0
        while True:
            stop = yield from self._sleep_until(start + self.delay * (ticks + 1))
            if stop is not None:
                self.send(stop, "signal")
                return
            self.send(self.tick_mesg, "outbox")
            ticks += 1
