"""Chargen: "Hello World" over and over, until told to stop."""

from _chassis_testkit import Collector, run
from Axon.Component import component
from Axon.Ipc import producerFinished

from Kamaelia.Util.Chargen import Chargen


class StopAfter(component):
    """Collects n messages, then sends producerFinished to its signal and finishes."""

    def __init__(self, n):
        super().__init__()
        self.n = n
        self.got = []

    def main(self):
        while len(self.got) < self.n:
            while self.dataReady("inbox") and len(self.got) < self.n:
                self.got.append(self.recv("inbox"))
            self.pause()
            yield 1
        self.send(producerFinished(), "signal")


def test_sends_hello_world_repeatedly_until_stopped():
    """Every message is "Hello World"; producerFinished on control ends it and comes out of signal."""
    gen, taker, sink = Chargen(), StopAfter(5), Collector()
    taker.link((gen, "outbox"), (taker, "inbox"))
    taker.link((taker, "signal"), (gen, "control"))
    sink.link((gen, "signal"), (sink, "control"))
    run(gen, taker, sink)
    assert taker.got == ["Hello World"] * 5
    assert isinstance(sink.signals[0], producerFinished)


def test_waits_for_room_in_a_size_limited_inbox():
    """Into a full inbox it waits (no noSpaceInBox escapes) and still stops when told."""
    gen, taker, sink = Chargen(), StopAfter(3), Collector()
    taker.inboxes["inbox"].setSize(1)
    taker.link((gen, "outbox"), (taker, "inbox"))
    taker.link((taker, "signal"), (gen, "control"))
    sink.link((gen, "signal"), (sink, "control"))
    run(gen, taker, sink)
    assert taker.got == ["Hello World"] * 3
    assert gen._isStopped()
