"""PAR: children side by side, outputs merged."""

from _chassis_testkit import Collector, Feeder, drive, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.PAR import PAR
from Kamaelia.Util.OneShot import OneShot
from Kamaelia.Util.PassThrough import PassThrough


def test_outputs_and_signals_of_all_children_are_merged():
    """Every child's outbox and signal come out of the PAR; then its own producerFinished."""
    sink = Collector(until="end")
    par = PAR(OneShot("a"), OneShot("b"))
    sink.link((par, "outbox"), (sink, "inbox"))
    sink.link((par, "signal"), (sink, "control"))
    end = Feeder([("outbox", "end")], delay=20)
    end.link((end, "outbox"), (sink, "inbox"))
    run(par, sink, end)
    assert sorted(sink.data[:-1]) == ["a", "b"]
    assert len(sink.signals) == 3
    assert all(isinstance(s, producerFinished) for s in sink.signals)
    assert sink.signals[-1].caller is None  # the PAR's own comes last


def test_control_is_copied_to_every_child_and_shutdown_ends_it():
    """A control message reaches every child; shutdownMicroprocess ends the PAR and is passed on."""
    a, b = PassThrough(), PassThrough()
    par = PAR(a, b)
    stop = shutdownMicroprocess()
    out = drive(par, inbox=["dropped"], control=[stop])
    assert out.data == []  # PAR discards its inbox (1.x)
    assert out.signals[0] is stop  # the first child's copy (or the PAR's own: same object)
    assert a._isStopped()
    assert b._isStopped()


def test_par_finishes_when_all_children_have():
    """Without a shutdown, the PAR ends once its children have ended."""
    par = PAR(OneShot(1), OneShot(2), OneShot(3))
    sink = Collector(until="end")
    sink.link((par, "outbox"), (sink, "inbox"))
    end = Feeder([("outbox", "end")], delay=20)
    end.link((end, "outbox"), (sink, "inbox"))
    run(par, sink, end)
    assert par._isStopped()
    assert sorted(sink.data[:-1]) == [1, 2, 3]
