"""Filter: a filter object's filter() on each message, flushed at the end."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.Filter import Filter


class Pairs:
    """Joins messages in pairs; flushing gives out a leftover single."""

    def __init__(self):
        self.held = None

    def filter(self, msg):
        if msg == "":
            left, self.held = self.held, None
            return left
        if self.held is None:
            self.held = msg
            return None
        pair, self.held = self.held + msg, None
        return pair


def test_filters_and_flushes_on_producer_finished():
    """Results that are not None are sent; producerFinished flushes what the filter holds."""
    pf = producerFinished()
    out = drive(Filter(Pairs()), inbox=["a", "b", "c"], control=[pf])
    assert out.data == ["ab", "c"]
    assert out.signals == [pf]


def test_shutdown_microprocess_does_not_flush():
    """shutdownMicroprocess stops it without flushing."""
    stop = shutdownMicroprocess()
    out = drive(Filter(Pairs()), inbox=["a"], control=[stop])
    assert out.data == []
    assert out.signals == [stop]


def test_default_filter_passes_everything():
    """With no filter given, every message passes unchanged and flushing ends."""
    out = drive(Filter(), inbox=[1, 2], control=[producerFinished()])
    assert out.data == [1, 2]
