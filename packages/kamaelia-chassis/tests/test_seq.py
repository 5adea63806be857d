"""Seq: run components one after another."""

from _chassis_testkit import Collector, Feeder, drive, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Chassis.Seq import Seq
from Kamaelia.Util.OneShot import OneShot, TriggeredOneShot


def test_runs_items_in_order_then_producer_finished():
    """Each component runs after the previous one ends; the Seq then sends producerFinished."""
    seq = Seq(OneShot(1), OneShot(2), OneShot(3))
    out = drive(seq)
    assert out.data == [1, 2, 3]
    assert len(out.signals) == 1
    assert out.signals[0].caller is seq


def test_children_signals_do_not_stop_the_next_stage():
    """A child's producerFinished is not passed on, so a downstream component keeps running."""
    sink = Collector()
    run(Pipeline(Seq(OneShot("a"), OneShot("b")), sink))
    assert sink.data == ["a", "b"]
    assert len(sink.signals) == 1


def test_inbox_goes_to_the_running_child():
    """The Seq's inbox feeds whichever child is running."""
    seq = Seq(TriggeredOneShot("first"), TriggeredOneShot("second"))
    sink = Collector()
    sink.link((seq, "outbox"), (sink, "inbox"))
    sink.link((seq, "signal"), (sink, "control"))
    early, late = Feeder([("outbox", "t1")]), Feeder([("outbox", "t2")], delay=20)
    early.link((early, "outbox"), (seq, "inbox"))
    late.link((late, "outbox"), (seq, "inbox"))
    run(seq, sink, early, late)
    assert sink.data == ["first", "second"]


def test_strings_are_written_to_stdout(capsys):
    """A string in the sequence is printed, as in 1.x."""
    out = drive(Seq("BEGIN", OneShot(1), "END"))
    assert capsys.readouterr().out == "BEGIN\nEND\n"
    assert out.data == [1]


def test_shutdown_microprocess_stops_the_sequence():
    """shutdownMicroprocess reaches the running child, skips the rest, and is passed on."""
    stop = shutdownMicroprocess()
    later = OneShot("never")
    out = drive(Seq(TriggeredOneShot("x"), later), control=[stop])
    assert out.data == []
    assert out.signals == [stop]
    assert later.childComponents() == []
    assert not later._isStopped()


def test_producer_finished_reaches_each_item_and_the_sequence_completes():
    """producerFinished goes to the running item and to each later one; self-contained items still run."""
    waiting, later = TriggeredOneShot("never"), OneShot("still runs")
    out = drive(Seq(waiting, later), control=[producerFinished()])
    assert out.data == ["still runs"]
    assert len(out.signals) == 1
    assert isinstance(out.signals[0], producerFinished)
