"""Simple behaviours: components that send a stream of values (bouncing, looping, constant).

::

    bouncingFloat(scale_speed=0.05 * 10)   # up and down between 0 and 1
    cartesianPingPong(point=(50, 50), width=200, height=100, border=10)  # (x, y) in a box
    loopingCounter(increment=360 / 60, modulo=360)  # a seconds hand's angle
    continuousIdentity(original=7)          # 7, 7, 7, ...
    continuousZero()                        # 0, 0, 0, ...
    continuousOne()                         # 1, 1, 1, ...

Each sends one value out of ``outbox`` per scheduler slice, as soon as it is
activated and with no rate limit (put a rate limiter after it to pace it);
into a size-limited inbox it waits for room.

On ``control``, as in 1.x: the string ``"pause"`` stops the values (the
component sleeps) until ``"unpause"``; the string ``"shutdown"`` stops it and
is passed on out of ``signal``. ``producerFinished`` and
``shutdownMicroprocess`` stop it too, and are passed on (1.x ignored them).
Differences from 1.x: ``cartesianPingPong`` works on a copy of ``point``
(1.x moved the caller's list) and accepts a tuple.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown
from Kamaelia.Util._waitsend import wait_send

__all__ = [
    "bouncingFloat",
    "cartesianPingPong",
    "loopingCounter",
    "continuousIdentity",
    "continuousZero",
    "continuousOne",
]


class _Behaviour(component):
    """Shared loop: send ``nextValue()`` each slice; obey pause/unpause/shutdown."""

    Inboxes = {
        "inbox": "NOT USED",
        "control": '"pause", "unpause", "shutdown" (or producerFinished/shutdownMicroprocess)',
    }
    Outboxes = {"outbox": "The values, one per slice", "signal": "The message that stopped it"}

    def __init__(self) -> None:
        super().__init__()
        self._paused = False
        self._stop: Any = None

    def nextValue(self) -> Any:
        """The next value to send."""
        raise NotImplementedError

    def _read_control(self) -> bool:
        """Act on control messages; True once told to stop."""
        while self._stop is None and self.dataReady("control"):
            msg = self.recv("control")
            if msg == "shutdown" or is_shutdown(msg):
                self._stop = msg
            elif msg == "pause":
                self._paused = True
            elif msg == "unpause":
                self._paused = False
        return self._stop is not None

    def main(self) -> Generator[int, None, None]:
        """Send values until told to stop, sleeping while paused."""
        while not self._read_control():
            if self._paused:
                self.pause()  # the next control message wakes us
            else:
                yield from wait_send(self, self.nextValue(), "outbox", self._read_control)
            yield 1
        self.send(self._stop, "signal")


def _number(owner: str, label: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{owner}: {label} must be a number, got {value!r}")


@checked_keywords
class bouncingFloat(_Behaviour):
    """bouncingFloat(scale_speed) -> values bouncing between about 0 and 1.

    ``scale_speed`` sets the step: 1.0 moves in tenths, 0.5 in twentieths.
    """

    def __init__(self, scale_speed: float) -> None:
        _number("bouncingFloat", "scale_speed", scale_speed)
        super().__init__()
        self.scale_speed = scale_speed
        self.scale = 1.0
        self.direction = 1

    def nextValue(self) -> float:
        """Step, turning at the ends (1.05 and 0.05, as 1.x did)."""
        self.scale += 0.1 * self.scale_speed * self.direction
        if self.scale > 1.0:
            self.scale = 1.05
            self.direction = -self.direction
        if self.scale < 0.1:
            self.scale = 0.05
            self.direction = -self.direction
        return self.scale


@checked_keywords
class cartesianPingPong(_Behaviour):
    """cartesianPingPong(point, width, height, border) -> [x, y] bouncing inside a box.

    Starts at ``point`` and moves 10 units on each axis per value, turning
    ``border`` units in from the edges of a ``width`` x ``height`` area.
    """

    def __init__(self, point: Sequence[float], width: float, height: float, border: float) -> None:
        if not (isinstance(point, Sequence) and len(point) == 2):
            raise TypeError(f"cartesianPingPong: point must be an (x, y) pair, got {point!r}")
        for label, value in (
            ("width", width),
            ("height", height),
            ("border", border),
            *zip(("x", "y"), point, strict=True),
        ):
            _number("cartesianPingPong", label, value)
        super().__init__()
        self.point = list(point)
        self.width = width
        self.height = height
        self.border = border
        self.delta = [10, 10]

    def nextValue(self) -> list[float]:
        """Move, turning near the edges; a new [x, y] list each time."""
        for axis, limit in enumerate((self.width, self.height)):
            self.point[axis] += self.delta[axis]
            if self.point[axis] > limit - self.border:
                self.delta[axis] = -10
            if self.point[axis] < self.border:
                self.delta[axis] = 10
        return list(self.point)


@checked_keywords
class loopingCounter(_Behaviour):
    """loopingCounter(increment, modulo=360) -> increment, 2*increment, ... wrapping at modulo."""

    def __init__(self, increment: float, modulo: float = 360) -> None:
        _number("loopingCounter", "increment", increment)
        _number("loopingCounter", "modulo", modulo)
        if not modulo:
            raise ValueError("loopingCounter: modulo must not be 0")
        super().__init__()
        self.increment = increment
        self.modulo = modulo
        self.total: float = 0

    def nextValue(self) -> float:
        """The next count, wrapped."""
        self.total = (self.total + self.increment) % self.modulo
        return self.total


@checked_keywords
class continuousIdentity(_Behaviour):
    """continuousIdentity(original) -> original, over and over."""

    def __init__(self, original: Any, *args: Any) -> None:
        super().__init__()
        self.original = original

    def nextValue(self) -> Any:
        """The original value."""
        return self.original


@checked_keywords
class continuousZero(continuousIdentity):
    """continuousZero() -> 0, over and over."""

    def __init__(self, *args: Any) -> None:
        super().__init__(0)


@checked_keywords
class continuousOne(continuousIdentity):
    """continuousOne() -> 1, over and over."""

    def __init__(self, *args: Any) -> None:
        super().__init__(1)
