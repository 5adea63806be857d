"""Kamaelia.Automata.Behaviours: value streams, paused and stopped by control messages."""

import pytest
from _chassis_testkit import Collector, run
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Automata.Behaviours import (
    bouncingFloat,
    cartesianPingPong,
    continuousIdentity,
    continuousOne,
    continuousZero,
    loopingCounter,
)


class Take(component):
    """Collects ``n`` values, then sends ``stop`` to the behaviour's control."""

    def __init__(self, n, stop="shutdown"):
        super().__init__()
        self.n = n
        self.stop_msg = stop
        self.got = []

    def main(self):
        while len(self.got) < self.n:
            while self.dataReady("inbox") and len(self.got) < self.n:
                self.got.append(self.recv("inbox"))
            self.pause()
            yield 1
        self.send(self.stop_msg, "outbox")


def take(behaviour, n, stop="shutdown"):
    taker, sink = Take(n, stop), Collector(stop_after=1)
    taker.link((behaviour, "outbox"), (taker, "inbox"))
    taker.link((taker, "outbox"), (behaviour, "control"))
    sink.link((behaviour, "signal"), (sink, "inbox"))
    run(behaviour, taker, sink)
    return taker.got, sink.data


def test_bouncing_float_turns_at_the_ends():
    """With scale_speed 2.5 it steps by 0.25 and turns at 1.05 and 0.05, as 1.x did."""
    values, signals = take(bouncingFloat(2.5), 9)
    assert values == pytest.approx([1.05, 0.8, 0.55, 0.3, 0.05, 0.3, 0.55, 0.8, 1.05])
    assert signals == ["shutdown"]


def test_cartesian_ping_pong_bounces_inside_the_box_on_a_copy():
    """Moves 10 per axis, turning once past border from an edge; the caller's point is not moved."""
    start = [20, 20]
    values, _ = take(cartesianPingPong(start, 50, 40, 10), 4)
    assert values == [[30, 30], [40, 40], [50, 30], [40, 20]]
    assert start == [20, 20]


def test_looping_counter_wraps():
    """loopingCounter(90) counts 90, 180, 270, 0, 90."""
    values, _ = take(loopingCounter(90), 5)
    assert values == [90, 180, 270, 0, 90]


def test_constant_streams():
    """continuousIdentity, continuousZero and continuousOne repeat their value."""
    assert take(continuousIdentity("hello"), 3)[0] == ["hello"] * 3
    assert take(continuousZero(), 2)[0] == [0, 0]
    assert take(continuousOne(), 2)[0] == [1, 1]


@pytest.mark.parametrize("stop_class", [producerFinished, shutdownMicroprocess])
def test_shutdown_messages_stop_it_too(stop_class):
    """producerFinished and shutdownMicroprocess stop it (1.x ignored them) and are passed on."""
    stop = stop_class()
    _, signals = take(continuousZero(), 1, stop)
    assert signals == [stop]


def test_pause_sleeps_until_unpause():
    """ "pause" stops the values and the component sleeps; "unpause" starts them again."""
    counter = loopingCounter(1, modulo=1000)
    log = []

    class Driver(component):
        def main(self):
            self.send("pause", "outbox")
            for _ in range(5):
                yield 1
            while self.dataReady("inbox"):
                log.append(self.recv("inbox"))
            log.append(("paused", counter.scheduler.isThreadPaused(counter)))
            for _ in range(3):
                yield 1
            log.append(("still", len(self.inboxes["inbox"])))
            self.send("unpause", "outbox")
            while not self.dataReady("inbox"):
                yield 1
            log.append(("resumed", self.recv("inbox")))
            self.send("shutdown", "outbox")

    driver = Driver()
    driver.link((driver, "outbox"), (counter, "control"))
    driver.link((counter, "outbox"), (driver, "inbox"))
    run(driver, counter)
    sent_before = [v for v in log if not isinstance(v, tuple)]
    assert ("paused", True) in log
    assert ("still", 0) in log
    assert ("resumed", len(sent_before) + 1) in log


def test_bad_arguments_are_refused():
    """Non-numbers, a bad point or a zero modulo are refused naming the argument."""
    with pytest.raises(TypeError, match="bouncingFloat: scale_speed must be a number, got 'x'"):
        bouncingFloat("x")
    with pytest.raises(TypeError, match=r"point must be an \(x, y\) pair, got 5"):
        cartesianPingPong(5, 1, 1, 0)
    with pytest.raises(ValueError, match="modulo must not be 0"):
        loopingCounter(1, 0)
