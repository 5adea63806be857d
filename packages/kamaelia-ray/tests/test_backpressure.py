"""A slow consumer across the cut slows the producer; memory stays bounded."""

from __future__ import annotations

import time

from _parts import Collect, Double, Slow, Source

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
    # Where a message sent but not yet collected can be. Here: the stand-in's inbox,
    # the batch being filled, and at most two pulls (one being emitted, one in the
    # sink's unlimited inbox). There: the batches in flight, and the part's inbox
    # (at most two batches, checked below) plus what it sent back that is not yet
    # pulled - at most one pull's worth when feeding stops, plus what the part then
    # makes of its inbox and the message in hand.
    pull = BATCH * IN_FLIGHT
    here = BOX + BATCH + 2 * pull
    there = IN_FLIGHT * BATCH + pull + 2 * BATCH + 1
    bound = here + there
    assert max(outstanding) <= bound
    assert max(longest for _, longest in sink.got) <= 2 * BATCH  # the consumer's own inbox


def test_a_slow_local_consumer_bounds_what_the_part_sends_back() -> None:
    """A fast part feeding a slow local consumer stops taking input while what it sent
    back waits to be pulled: the way back is bounded too, not only the way there."""
    source = Source(1500)
    outstanding: list[int] = []

    def slowly(_: object) -> None:
        outstanding.append(source.sent - len(sink.got))
        time.sleep(0.0005)  # the slow local work

    sink = Collect(on_message=slowly)
    sink.setInboxSize("inbox", BATCH)
    Pipeline(
        source,
        RayPart(Double, batch_size=BATCH, max_in_flight=IN_FLIGHT, box_size=BOX),
        sink,
    ).run()
    assert sink.got == [2 * n for n in range(1500)]
    # As above, but the sink's inbox holds one batch, so here at most one pull
    # waits beside it; the part (Double) keeps no more than one batch in its inbox.
    pull = BATCH * IN_FLIGHT
    here = BOX + BATCH + pull + BATCH
    there = IN_FLIGHT * BATCH + pull + BATCH + 1
    assert max(outstanding) <= here + there
