"""Pipeline: chain wiring, the signal chain, construction-time checks."""

import pytest
from _chassis_testkit import Collector, Feeder, drive, run
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.ThreadedComponent import threadedcomponent

from Kamaelia.Chassis.Pipeline import Pipeline, WiringError, pipeline
from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.PassThrough import PassThrough
from Kamaelia.Util.PureTransformer import PureTransformer


def test_data_flows_down_the_chain_and_the_signal_follows():
    """Each child's outbox feeds the next inbox and signal feeds the next control."""
    sink = Collector()
    run(Pipeline(DataSource([1, 2, 3]), PureTransformer(lambda x: x * 10), sink))
    assert sink.data == [10, 20, 30]
    assert len(sink.signals) == 1
    assert isinstance(sink.signals[0], producerFinished)


def test_pipeline_boxes_are_the_first_inbox_and_last_outbox():
    """The Pipeline's inbox/control reach the first child; the last child's outbox/signal leave it."""
    pipe = Pipeline(PureTransformer(lambda x: x + 1), PureTransformer(lambda x: x * 2))
    out = drive(pipe, inbox=[1, 2], control=[producerFinished()])
    assert out.data == [4, 6]
    assert isinstance(out.signals[-1], producerFinished)


def test_shutdown_cascades_through_every_child():
    """shutdownMicroprocess sent to the Pipeline stops each child in turn and comes out of signal."""
    children = [PassThrough(), PassThrough(), PassThrough()]
    stop = shutdownMicroprocess()
    out = drive(Pipeline(*children), inbox=["a"], control=[stop])
    assert out.data == ["a"]
    assert out.signals == [stop]
    assert all(child._isStopped() for child in children)


def test_pipeline_finishes_only_when_every_child_has():
    """A Pipeline stays alive while any child runs, even after the others have finished."""
    slow = Collector()
    pipe = Pipeline(DataSource([1]), slow)
    feeder = Feeder([("outbox", producerFinished())], delay=20)
    feeder.link((feeder, "outbox"), (slow, "control"))
    run(pipe, feeder)
    assert slow.data == [1]
    assert pipe._isStopped()


def test_children_are_adopted_and_activated_only_when_the_pipeline_runs():
    """Before it runs, a Pipeline has no children and they are not running."""
    first, second = PassThrough(), PassThrough()
    pipe = Pipeline(first, second)
    assert pipe.childComponents() == []
    out = drive(pipe, inbox=[1], control=[producerFinished()])
    assert out.data == [1]


class Counter(component):
    """Sends 0, then n + 1 for each n received, until it has seen ``limit``."""

    def __init__(self, limit):
        super().__init__()
        self.limit = limit
        self.seen = []

    def main(self):
        self.send(0, "outbox")
        while True:
            while self.dataReady("inbox"):
                n = self.recv("inbox")
                self.seen.append(n)
                if n >= self.limit:
                    self.send(producerFinished(self), "signal")
                    return
                self.send(n + 1, "outbox")
            self.pause()
            yield 1


def test_circular_pipeline_feeds_the_last_child_back_to_the_first():
    """With circular=True the last child's outbox and signal go to the first child."""
    counter = Counter(limit=3)
    run(Pipeline(counter, PassThrough(), circular=True))
    assert counter.seen == [0, 1, 2, 3]


def test_pipelines_nest():
    """A Pipeline can be a stage of another Pipeline, as in 1.x programs."""
    sink = Collector()
    inner = Pipeline(PureTransformer(lambda x: x + 1), PureTransformer(lambda x: x * 3))
    run(Pipeline(DataSource([0, 1]), inner, sink))
    assert sink.data == [3, 6]


def test_a_class_instead_of_an_instance_is_rejected_at_construction():
    """Passing a component class (not an instance) raises TypeError naming the fix."""
    with pytest.raises(
        TypeError, match=r"component 1 is the class PassThrough.*PassThrough\(\.\.\.\)"
    ):
        Pipeline(PassThrough(), PassThrough)


class NoSignal(component):
    Outboxes = {"outbox": "data only"}


def test_a_child_without_a_standard_box_is_rejected_at_construction():
    """A child lacking 'signal' raises WiringError naming the position, the box and the choices."""
    with pytest.raises(
        WiringError,
        match=r"component 1 \(NoSignal\) has no outbox 'signal'; its outboxes are: outbox",
    ):
        Pipeline(PassThrough(), NoSignal())


def test_empty_and_repeated_components_are_rejected():
    """A Pipeline needs at least one component and may not contain one twice."""
    with pytest.raises(WiringError, match="at least one component"):
        Pipeline()
    same = PassThrough()
    with pytest.raises(WiringError, match=r"component 1 .* same object as component 0"):
        Pipeline(same, same)


def test_lowercase_pipeline_is_a_deprecated_alias():
    """The 1.x name ``pipeline`` still works but warns with DeprecationWarning."""
    with pytest.warns(DeprecationWarning, match="use Pipeline"):
        pipe = pipeline(PassThrough())
    assert isinstance(pipe, Pipeline)


class ThreadedDoubler(threadedcomponent):
    """A blocking-style component running in its own thread."""

    def main(self):
        while True:
            while self.dataReady("inbox"):
                self.send(2 * self.recv("inbox"), "outbox")
            if self.dataReady("control"):
                self.send(self.recv("control"), "signal")
                return
            self.pause(0.01)


def test_threaded_components_work_as_stages():
    """A threadedcomponent can be a Pipeline stage like any other."""
    sink = Collector()
    run(Pipeline(DataSource([1, 2, 3]), ThreadedDoubler(), sink))
    assert sink.data == [2, 4, 6]
