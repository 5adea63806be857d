"""PassThrough: inbox to outbox, control to signal, stop on the chosen messages."""

from _chassis_testkit import Collector, Feeder, drive, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.PassThrough import PassThrough


def test_forwards_both_boxes_and_stops_on_shutdown():
    """Data and control messages are forwarded; a shutdown message is forwarded and ends it."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        comp = PassThrough()
        out = drive(comp, inbox=[1, 2], control=["note", stop])
        assert out.data == [1, 2]
        assert out.signals == ["note", stop]
        assert comp._isStopped()


def test_shutdown_on_chooses_the_stopping_messages():
    """With shutdownOn=[shutdownMicroprocess], producerFinished is forwarded but does not stop it."""
    comp = PassThrough(shutdownOn=[shutdownMicroprocess])
    feeder = Feeder([("signal", producerFinished()), ("signal", shutdownMicroprocess())])
    sink = Collector(until="never")
    sink.link((comp, "signal"), (sink, "control"))
    feeder.link((feeder, "signal"), (comp, "control"))
    late = Feeder([("outbox", "never")], delay=20)
    late.link((late, "outbox"), (sink, "inbox"))
    run(feeder, comp, sink, late)
    assert [type(m) for m in sink.signals] == [producerFinished, shutdownMicroprocess]
