"""CheapAndCheerfulClock: ticks from the scheduler's timer, stops on shutdown."""

import pytest
from _chassis_testkit import Collector, Feeder, run
from Axon.Ipc import shutdownMicroprocess

from Kamaelia.Util.Clock import CheapAndCheerfulClock


def test_ticks_then_stops_on_shutdown():
    """The clock sends True at once and every interval, and stops when told to."""
    clock = CheapAndCheerfulClock(0.01)
    sink = Collector(stop_after=4)
    sink.link((clock, "outbox"), (sink, "inbox"))
    run(clock, sink, Stopper(sink, clock))
    assert sink.data == [True] * 4
    assert clock._isStopped()


class Stopper(Feeder):
    """Sends shutdownMicroprocess to ``target`` once ``sink`` has finished."""

    def __init__(self, sink, target):
        super().__init__([])
        self.sink = sink
        self.link((self, "outbox"), (target, "control"))

    def main(self):
        while not self.sink._isStopped():
            yield 1
        self.send(shutdownMicroprocess(), "outbox")


def test_clock_sleeps_between_ticks():
    """Between ticks the clock is paused (it is woken by a timer, not by polling)."""
    clock = CheapAndCheerfulClock(0.05)
    steps = []

    class Spy(Feeder):
        def main(self):
            yield 1
            while not clock._isStopped():
                steps.append(clock.scheduler.isThreadPaused(clock))
                yield 1

    stop = Feeder([("outbox", shutdownMicroprocess())], delay=200)
    stop.link((stop, "outbox"), (clock, "control"))
    run(clock, Spy([]), stop)
    assert steps
    assert sum(steps) / len(steps) > 0.9


def test_interval_must_be_positive():
    """A zero or negative interval is rejected."""
    with pytest.raises(ValueError, match="interval must be a finite number of seconds > 0"):
        CheapAndCheerfulClock(0)
