"""Kamaelia.Apps.SA.Chassis.TTL: the wrapped component runs until it finishes or its time is up."""

import pytest
from _chassis_testkit import Collector, Feeder, drive, run
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Apps.SA.Chassis import TTL
from Kamaelia.Util.PassThrough import PassThrough


class Stubborn(component):
    """Records control messages but only stops on shutdownMicroprocess."""

    def __init__(self):
        super().__init__()
        self.heard = []

    def main(self):
        while True:
            while self.dataReady("control"):
                msg = self.recv("control")
                self.heard.append(type(msg))
                if isinstance(msg, shutdownMicroprocess):
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1


class Deaf(component):
    """Has no boxes at all and never stops by itself."""

    Inboxes = []
    Outboxes = []

    def main(self):
        while True:
            yield 1


def test_boxes_pass_through_to_the_wrapped_component():
    """Data and shutdown reach the child through the TTL's own boxes, and come back out."""
    ttl = TTL(PassThrough(), 60)
    out = drive(ttl, inbox=[1, 2], control=[producerFinished()])
    assert out.data == [1, 2]
    assert isinstance(out.signals[0], producerFinished)
    assert ttl._isStopped()


def test_boxes_belong_to_the_instance():
    """The mirrored boxes are made for that TTL only; private boxes are not mirrored."""
    ttl = TTL(Deaf(), 60)
    assert set(ttl.inboxes) == set()
    assert set(ttl.outboxes) == {"_sigkill"}
    assert set(TTL(PassThrough(), 60).inboxes) == {"inbox", "control"}
    assert TTL.Inboxes == {}


def test_time_up_escalates_producer_finished_then_shutdown():
    """Past the delay the child is asked with producerFinished, then shutdownMicroprocess."""
    child = Stubborn()
    ttl = TTL(child, 0.01)
    sink = Collector()
    sink.link((ttl, "signal"), (sink, "control"))
    run(ttl, sink)
    assert child.heard == [producerFinished, shutdownMicroprocess]
    assert isinstance(sink.signals[0], shutdownMicroprocess)


def test_time_up_stops_a_component_that_cannot_be_asked():
    """A child with no control inbox is stopped by force once its time is up."""
    child = Deaf()
    ttl = TTL(child, 0.01)
    run(ttl, timeout=3.0)
    assert child._isStopped()
    assert ttl._isStopped()


def test_finishes_when_the_child_does_before_the_deadline():
    """A child that finishes early ends the TTL without waiting for the delay."""
    feeder = Feeder([("signal", producerFinished())])
    ttl = TTL(PassThrough(), 60)
    feeder.link((feeder, "signal"), (ttl, "control"))
    run(feeder, ttl, timeout=3.0)
    assert ttl._isStopped()


def test_bad_arguments_are_refused():
    """A class instead of an instance, or a delay that is not positive, is refused by name."""
    with pytest.raises(TypeError, match="TTL: comp is the class PassThrough"):
        TTL(PassThrough, 1)
    with pytest.raises(ValueError, match=r"TTL: delay must be .* got 0"):
        TTL(PassThrough(), 0)
