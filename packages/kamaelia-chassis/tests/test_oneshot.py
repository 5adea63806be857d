"""OneShot and TriggeredOneShot."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.OneShot import OneShot, TriggeredOneShot


def test_oneshot_sends_once_then_producer_finished():
    """OneShot sends its message, then producerFinished, and ends."""
    comp = OneShot("hello")
    out = drive(comp)
    assert out.data == ["hello"]
    assert isinstance(out.signals[0], producerFinished)
    assert comp._isStopped()


def test_triggered_oneshot_waits_for_a_trigger():
    """TriggeredOneShot sends its message only after something arrives on inbox."""
    out = drive(TriggeredOneShot("go"), inbox=["anything", "more"])
    assert out.data == ["go"]
    assert isinstance(out.signals[0], producerFinished)


def test_triggered_oneshot_stops_on_shutdown_while_waiting():
    """While waiting, a shutdown message ends it without sending, and is passed on."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        out = drive(TriggeredOneShot("go"), control=[stop])
        assert out.data == []
        assert out.signals == [stop]
