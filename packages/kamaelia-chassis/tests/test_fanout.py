"""Fanout: copy each message to every outbox."""

from _chassis_testkit import Collector, Feeder, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.Fanout import Fanout


def test_copies_to_named_outboxes_outbox_and_signal():
    """Every message goes to each named outbox and, as in 1.x, to outbox and signal too."""
    fan = Fanout(["left", "right"])
    feeder = Feeder([("outbox", 1), ("outbox", 2), ("signal", producerFinished())])
    feeder.link((feeder, "outbox"), (fan, "inbox"))
    feeder.link((feeder, "signal"), (fan, "control"))
    sinks = {box: Collector(until="never") for box in ("left", "right", "outbox", "signal")}
    for box, sink in sinks.items():
        sink.link((fan, box), (sink, "inbox"))
    run(feeder, fan, *sinks.values(), *[_closer(s) for s in sinks.values()])
    for box in ("left", "right", "outbox"):
        assert sinks[box].data[:2] == [1, 2]
    assert sinks["signal"].data[:2] == [1, 2]
    assert isinstance(sinks["signal"].data[2], producerFinished)
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
