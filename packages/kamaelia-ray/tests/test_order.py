"""Messages cross a cut in batches, in the order they were sent."""

from __future__ import annotations

from _parts import Collect, Double, Source

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Ray import RayPart


def test_many_small_batches_keep_their_order() -> None:
    """2000 messages in batches of 7, several in flight, arrive once each and in order."""
    sink = Collect()
    Pipeline(Source(2000), RayPart(Double, batch_size=7, max_in_flight=3), sink).run()
    assert sink.got == [2 * i for i in range(2000)]
