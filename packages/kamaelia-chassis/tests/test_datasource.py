"""DataSource and TriggeredSource."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.DataSource import DataSource, TriggeredSource


def test_sends_each_item_then_producer_finished():
    """Items go out in order, followed by producerFinished on signal."""
    comp = DataSource(["a", "b", "c"])
    out = drive(comp)
    assert out.data == ["a", "b", "c"]
    assert isinstance(out.signals[0], producerFinished)
    assert out.signals[0].caller is comp


def test_does_not_mutate_the_callers_list():
    """The caller's list is left intact (1.x popped items off it)."""
    items = [1, 2, 3]
    drive(DataSource(items))
    assert items == [1, 2, 3]


def test_accepts_any_iterable():
    """A generator or string works as well as a list."""
    assert drive(DataSource(x * x for x in range(3))).data == [0, 1, 4]


def test_shutdown_microprocess_stops_it_early():
    """A shutdownMicroprocess on control stops the source before the rest is sent, and is passed on."""
    stop = shutdownMicroprocess()
    out = drive(DataSource(range(1000)), control=[stop])
    assert len(out.data) < 1000
    assert out.signals == [stop]


def test_triggered_source_answers_every_message_with_its_message():
    """TriggeredSource(msg) sends msg for each message it receives."""
    out = drive(TriggeredSource("tick"), inbox=[1, None, "x"], control=[producerFinished()])
    assert out.data == ["tick", "tick", "tick"]
