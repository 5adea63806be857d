"""Rate control: MessageRateLimit, the byte-rate request controllers, OnDemandLimit."""

import time

import pytest
from _chassis_testkit import Collector, Feeder, drive, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.RateFilter import (
    ByteRate_RequestControl,
    MessageRateLimit,
    OnDemandLimit,
    VariableByteRate_RequestControl,
)


def test_message_rate_limit_paces_and_drains_on_producer_finished():
    """Messages come out in order, no faster than the rate; producerFinished waits for the queue."""
    pf = producerFinished()
    start = time.monotonic()
    out = drive(MessageRateLimit(200, buffer=2), inbox=list(range(5)), control=[pf])
    elapsed = time.monotonic() - start
    assert out.data == [0, 1, 2, 3, 4]
    assert out.signals == [pf]
    assert elapsed >= 4 / 200 * 0.9  # four gaps of 1/200 s between five messages


def test_message_rate_limit_stops_at_once_on_shutdown_microprocess():
    """shutdownMicroprocess stops it without draining and is passed on."""
    stop = shutdownMicroprocess()
    out = drive(MessageRateLimit(1, buffer=1), inbox=[1, 2, 3], control=[stop])
    assert len(out.data) <= 1
    assert out.signals == [stop]


def emissions(controller, times):
    """The request sizes the controller gives at each of ``times`` (seconds from 0)."""
    controller.resetTiming(0.0)
    return [list(controller.getChunksToSend(t)) for t in times]


def test_byte_rate_emits_chunks_on_schedule():
    """rate=100, chunksize=25: one 25-byte request every 0.25 s."""
    rc = ByteRate_RequestControl(rate=100, chunksize=25, allowchunkaggregation=True)
    assert rc.timestep == 0.25
    assert emissions(rc, [0.0, 0.1, 0.25, 0.5, 0.6]) == [[25], [], [25], [25], []]


def test_byte_rate_catches_up_with_or_without_aggregation():
    """After a 1 s stall, requests catch up as one big chunk or as several chunk-sized ones."""
    assert emissions(
        ByteRate_RequestControl(rate=100, chunksize=25, allowchunkaggregation=True),
        [0.0, 0.25, 1.28],
    ) == [[25], [25], [100]]
    assert emissions(ByteRate_RequestControl(rate=100, chunksize=25), [0.0, 0.25, 1.28]) == [
        [25],
        [25],
        [25, 25, 25, 25],
    ]


def test_byte_rate_rounds_fractional_chunks():
    """With a non-integer chunk size the rounding evens out over time (33, 33, 34...)."""
    rc = ByteRate_RequestControl(rate=100, chunkrate=3, allowchunkaggregation=True)
    sizes = [n for batch in emissions(rc, [i / 3 + 1e-9 for i in range(6)]) for n in batch]
    assert sizes == [33, 33, 34, 33, 33, 34]


def test_byte_rate_arguments_are_checked():
    """chunksize and chunkrate together, or a chunk under one byte, are rejected."""
    with pytest.raises(ValueError, match="not both"):
        ByteRate_RequestControl(rate=100, chunksize=25, chunkrate=4)
    with pytest.raises(ValueError, match="at least 1 byte"):
        ByteRate_RequestControl(rate=1, chunkrate=10)
    assert ByteRate_RequestControl(rate=100, chunkrate=8).chunksize == 12.5


def test_variable_rate_change_acts_from_the_moment_it_arrives():
    """Doubling the rate half way between emissions brings the next one forward (1.x semantics)."""
    rc = VariableByteRate_RequestControl(rate=100, chunksize=50, allowchunkaggregation=True)
    rc.resetTiming(0.0)
    got = [(t, list(rc.getChunksToSend(t))) for t in (0.0, 0.5, 1.0, 1.5, 2.0)]
    rc.changeRate(200, 2.25)
    got += [(t, list(rc.getChunksToSend(t))) for t in (2.3749, 2.3751, 2.6251)]
    assert [batch for _, batch in got] == [[50], [50], [50], [50], [50], [], [50], [50]]


def test_request_controller_runs_on_the_scheduler_timer():
    """Running, it sends requests at its rate and stops on shutdown."""
    rc = ByteRate_RequestControl(rate=1000, chunksize=10)
    sink = Collector(stop_after=3)
    sink.link((rc, "outbox"), (sink, "inbox"))
    stop = _StopWhenDone(sink)
    stop.link((stop, "outbox"), (rc, "control"))
    run(rc, sink, stop)
    assert sink.data == [10, 10, 10]


class _StopWhenDone(Feeder):
    def __init__(self, sink):
        super().__init__([])
        self.sink = sink

    def main(self):
        while not self.sink._isStopped():
            yield 1
        self.send(shutdownMicroprocess(), "outbox")


def test_on_demand_limit_releases_one_per_next():
    """Each "NEXT" on slidecontrol releases one held message, in order."""
    comp = OnDemandLimit()
    data = Feeder([("outbox", "a"), ("outbox", "b"), ("outbox", "c")])
    nexts = Feeder(
        [("outbox", "NEXT"), ("outbox", "NEXT"), ("signal", producerFinished())], delay=5
    )
    data.link((data, "outbox"), (comp, "inbox"))
    nexts.link((nexts, "outbox"), (comp, "slidecontrol"))
    nexts.link((nexts, "signal"), (comp, "control"))
    sink = Collector()
    sink.link((comp, "outbox"), (sink, "inbox"))
    sink.link((comp, "signal"), (sink, "control"))
    run(data, nexts, comp, sink)
    assert sink.data == ["a", "b"]
