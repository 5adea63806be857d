"""Kamaelia.Apps.SA.DSL.DataSink: messages stored in a list, passed on, up to a limit."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Apps.SA.DSL import DataSink
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.DataSource import DataSource


def test_stores_everything_a_pipeline_sends():
    """The 1.x example: DataSource([1, 2, 3, 4]) into DataSink(R) leaves R == [1, 2, 3, 4]."""
    results = []
    Pipeline(DataSource([1, 2, 3, 4]), DataSink(results)).run()
    assert results == [1, 2, 3, 4]


def test_passes_messages_on_unless_told_not_to():
    """Each message also leaves outbox; with pass_thru=False nothing does."""
    kept = []
    out = drive(DataSink(kept), inbox=["a", "b"], control=[producerFinished()])
    assert out.data == kept == ["a", "b"]
    quiet = []
    out = drive(DataSink(quiet, pass_thru=False), inbox=["a"], control=[producerFinished()])
    assert out.data == []
    assert quiet == ["a"]


def test_stops_at_the_limit_with_producer_finished():
    """With limit=2 it keeps two messages, then sends producerFinished and finishes."""
    kept = []
    comp = DataSink(kept, limit=2)
    out = drive(comp, inbox=[1, 2, 3], control=[shutdownMicroprocess()])
    assert kept == [1, 2]
    assert isinstance(out.signals[0], producerFinished)


def test_shutdown_messages_are_passed_on():
    """producerFinished (after storing what came first) or shutdownMicroprocess comes out of signal."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        out = drive(DataSink([]), control=[stop])
        assert out.signals == [stop]


def test_bad_arguments_are_refused():
    """An outlist without append, a negative limit or an unknown keyword is refused by name."""
    with pytest.raises(TypeError, match="outlist must have an append"):
        DataSink(None)
    with pytest.raises(ValueError, match="limit must be a whole number >= 0, got -1"):
        DataSink([], limit=-1)
    with pytest.raises(
        TypeError, match=r"keyword argument 'passthru'; .*did you mean: pass_thru\?"
    ):
        DataSink([], passthru=False)
