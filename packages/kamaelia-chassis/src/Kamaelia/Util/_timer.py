"""A restartable one-shot timer on the scheduler's ``call_later`` service.

Components that act at a rate (Clock, the rate limiters) sleep with
``pause()`` and let the scheduler wake them when the timer fires, instead of
yielding in a loop while watching the clock.
"""

from __future__ import annotations

import time
from typing import Any

__all__ = ["Timer", "now"]


class Timer:
    """Wakes ``owner`` once, ``delay`` seconds after :meth:`start`.

    ``fired`` turns True when the time has come; :meth:`start` re-arms it.
    """

    def __init__(self, owner: Any) -> None:
        self._owner = owner
        self._handle: Any = None
        self.fired = False

    def start(self, delay: float) -> None:
        """Arm the timer (cancelling any pending one)."""
        self.cancel()
        self.fired = False
        self._handle = self._owner.scheduler.call_later(max(0.0, delay), self._fire)

    def _fire(self) -> None:
        self._handle = None
        self.fired = True
        self._owner.unpause()

    def cancel(self) -> None:
        """Disarm the timer; safe to call at any time."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    @property
    def pending(self) -> bool:
        """True while armed and not yet fired."""
        return self._handle is not None


def now() -> float:
    """The clock every rate-based component measures against."""
    return time.monotonic()
