"""RangeFilter: items whose index is in range."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.RangeFilter import RangeFilter


def test_passes_items_in_any_range_inclusive():
    """Items whose first element lies in a (start, end) range, ends included, pass."""
    items = [(i, chr(97 + i)) for i in range(8)]
    pf = producerFinished()
    out = drive(RangeFilter([(1, 2), (5, 5)]), inbox=items, control=[pf])
    assert out.data == [(1, "b"), (2, "c"), (5, "f")]
    assert out.signals == [pf]


def test_shutdown_microprocess_stops_it():
    """shutdownMicroprocess ends it and is passed on."""
    stop = shutdownMicroprocess()
    assert drive(RangeFilter([(0, 1)]), control=[stop]).signals == [stop]
