"""Fanout: copy each message to every outbox."""

import pytest
from _chassis_testkit import Collector, Feeder, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.Fanout import Fanout


def test_copies_to_named_outboxes_only():
    """Every message goes to each named outbox; outbox and signal get no copies, as documented."""
    fan = Fanout(["left", "right"])
    feeder = Feeder([("outbox", 1), ("outbox", 2), ("signal", producerFinished())])
    feeder.link((feeder, "outbox"), (fan, "inbox"))
    feeder.link((feeder, "signal"), (fan, "control"))
    sinks = {box: Collector(until="never") for box in ("left", "right", "outbox", "signal")}
    for box, sink in sinks.items():
        sink.link((fan, box), (sink, "inbox"))
    run(feeder, fan, *sinks.values(), *[_closer(s) for s in sinks.values()])
    for box in ("left", "right"):
        assert sinks[box].data[:2] == [1, 2]
    assert sinks["outbox"].data == ["never"]
    assert [type(m) for m in sinks["signal"].data] == [producerFinished, str]
    assert fan._isStopped()


def _closer(sink):
    closer = Feeder([("outbox", "never")], delay=30)
    closer.link((closer, "outbox"), (sink, "inbox"))
    return closer


def test_boxes_are_added_per_instance():
    """The extra outboxes exist on that Fanout only; the class is untouched."""
    fan = Fanout(["extra"])
    assert "extra" in fan.outboxes
    assert "extra" not in Fanout.Outboxes
    assert "extra" not in Fanout([]).outboxes


def test_shutdown_microprocess_stops_it():
    """shutdownMicroprocess stops it and is sent on signal."""
    fan = Fanout([])
    stop = shutdownMicroprocess()
    feeder = Feeder([("signal", stop)])
    feeder.link((feeder, "signal"), (fan, "control"))
    sink = Collector()
    sink.link((fan, "signal"), (sink, "control"))
    run(feeder, fan, sink)
    assert sink.signals == [stop]


def test_a_single_string_is_rejected():
    """Fanout("left") would make one box per letter; it is refused with the value named."""
    with pytest.raises(
        TypeError, match="Fanout: boxnames must be a list of outbox names, got 'left'"
    ):
        Fanout("left")
