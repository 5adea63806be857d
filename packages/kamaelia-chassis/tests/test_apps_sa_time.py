"""Kamaelia.Apps.SA.Time: SingleTick ticks once, PeriodicTick every period; control stops both."""

import pytest
from _chassis_testkit import Collector, Feeder, drive, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Apps.SA.Time import PeriodicTick, SingleTick


class StopWhenDone(Feeder):
    """Sends ``message`` to ``target``'s control once ``sink`` has finished."""

    def __init__(self, sink, target, message):
        super().__init__([])
        self.sink = sink
        self.message = message
        self.link((self, "outbox"), (target, "control"))

    def main(self):
        while not self.sink._isStopped():
            yield 1
        self.send(self.message, "outbox")


def test_single_tick_sends_once_then_producer_finished():
    """After the delay it sends True, then producerFinished on signal, and finishes."""
    tick = SingleTick(0.01)
    out = Collector()
    out.link((tick, "outbox"), (out, "inbox"))
    out.link((tick, "signal"), (out, "control"))
    run(tick, out)
    assert out.data == [True]
    assert isinstance(out.signals[0], producerFinished)


def test_single_tick_stopped_early_sends_no_tick():
    """A control message before the delay ends it at once, passed on, with no tick sent."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        out = drive(SingleTick(60), control=[stop], timeout=3.0)
        assert out.data == []
        assert out.signals == [stop]


def test_periodic_tick_repeats_its_message_until_stopped():
    """tick_mesg goes out every period; the stopping message comes out of signal."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        tick = PeriodicTick(0.005, tick_mesg="Hello\n", check_interval=0.001)
        ticks, signals = Collector(stop_after=3), Collector()
        ticks.link((tick, "outbox"), (ticks, "inbox"))
        signals.link((tick, "signal"), (signals, "control"))
        run(tick, ticks, signals, StopWhenDone(ticks, tick, stop))
        assert ticks.data == ["Hello\n"] * 3
        assert signals.signals == [stop]


def test_check_interval_is_capped_at_the_delay():
    """As in 1.x, check_interval defaults to (and never exceeds) the delay."""
    assert SingleTick(2).check_interval == 2
    assert PeriodicTick(2, check_interval=5).check_interval == 2
    assert PeriodicTick(2, check_interval=0.5).check_interval == 0.5


@pytest.mark.parametrize("cls", [SingleTick, PeriodicTick])
def test_bad_arguments_are_refused(cls):
    """A delay that is not a positive number, or an unknown keyword, is refused by name."""
    with pytest.raises(ValueError, match=rf"{cls.__name__}: delay must be .* got 0"):
        cls(0)
    with pytest.raises(ValueError, match="got '1'"):
        cls("1")
    with pytest.raises(
        TypeError, match=r"keyword argument 'tick_msg'; it takes: .*did you mean: tick_mesg\?"
    ):
        cls(1, tick_msg=5)
