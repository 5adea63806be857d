"""PureTransformer: apply a function to every message; shutdown handling."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdown, shutdownMicroprocess

from Kamaelia.Util.PureTransformer import PureTransformer


def test_sends_function_results_and_drops_none():
    """Each message becomes function(message); None results are not sent."""
    out = drive(
        PureTransformer(lambda x: x * 2 if x % 2 else None),
        inbox=[1, 2, 3],
        control=[producerFinished()],
    )
    assert out.data == [2, 6]


def test_producer_finished_ends_it_with_its_own_producer_finished():
    """producerFinished (or legacy shutdown) ends it after the inbox; it sends its own producerFinished (1.x)."""
    for stop in (producerFinished(), shutdown()):
        comp = PureTransformer(str)
        out = drive(comp, inbox=[1], control=[stop])
        assert out.data == ["1"]
        assert isinstance(out.signals[0], producerFinished)
        assert out.signals[0].caller is comp


def test_shutdown_microprocess_is_honoured_and_passed_on():
    """shutdownMicroprocess ends it (1.x ignored it) and is passed on unchanged."""
    stop = shutdownMicroprocess()
    out = drive(PureTransformer(str), control=[stop])
    assert out.signals == [stop]


class Upper(PureTransformer):
    def processMessage(self, msg):
        return msg.upper()


def test_subclasses_override_process_message():
    """A subclass can define processMessage instead of passing a function."""
    out = drive(Upper(), inbox=["a", "b"], control=[producerFinished()])
    assert out.data == ["A", "B"]


def test_non_callable_function_is_rejected():
    """A function that is not callable fails at construction."""
    with pytest.raises(TypeError, match="function must be callable"):
        PureTransformer(42)
