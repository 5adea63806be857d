"""Comparator: pairs from inA and inB."""

from _chassis_testkit import Collector, Feeder, run
from Axon.Ipc import producerFinished

from Kamaelia.Util.Comparator import Comparator


def test_compares_pairs_in_order():
    """combine(a, b) -- by default a == b -- is sent for each pair."""
    comp = Comparator()
    a = Feeder([("outbox", 1), ("outbox", 2), ("outbox", 3)])
    b = Feeder([("outbox", 1), ("outbox", 5), ("outbox", 3), ("signal", producerFinished())])
    a.link((a, "outbox"), (comp, "inA"))
    b.link((b, "outbox"), (comp, "inB"))
    b.link((b, "signal"), (comp, "control"))
    sink = Collector()
    sink.link((comp, "outbox"), (sink, "inbox"))
    sink.link((comp, "signal"), (sink, "control"))
    run(a, b, comp, sink)
    assert sink.data == [True, False, True]
    assert isinstance(sink.signals[0], producerFinished)
