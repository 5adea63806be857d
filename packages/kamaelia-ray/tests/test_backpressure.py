"""A slow consumer across the cut slows the producer; memory stays bounded."""

from __future__ import annotations

from _parts import Collect, Slow, Source

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Ray import RayPart

BATCH, IN_FLIGHT, BOX = 20, 2, 30


def test_a_slow_consumer_holds_the_producer_back() -> None:
    """Messages sent but not yet echoed back never exceed what the cut may hold."""
    source = Source(1500)
    outstanding: list[int] = []
    sink = Collect(on_message=lambda _: outstanding.append(source.sent - len(sink.got)))
    Pipeline(
        source,
        RayPart(Slow, batch_size=BATCH, max_in_flight=IN_FLIGHT, box_size=BOX),
        sink,
    ).run()
    assert [m for m, _ in sink.got] == list(range(1500))
    assert source.refused > 0  # the producer was made to wait
    # The stand-in's inbox, the batch being filled, the batches in flight, the
    # consumer's inbox (fed up to one batch) and the batch on its way back.
    bound = BOX + BATCH + IN_FLIGHT * BATCH + 2 * BATCH + BATCH * IN_FLIGHT
    assert max(outstanding) <= bound
    assert max(longest for _, longest in sink.got) <= 2 * BATCH  # the consumer's own inbox
