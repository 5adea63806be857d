"""TwoWaySplitter: two copies, waiting on full destinations."""

from _chassis_testkit import Collector, Feeder, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.TwoWaySplitter import TwoWaySplitter


class SlowSink(Collector):
    """A Collector with a one-message inbox that reads one message every few slices."""

    def __init__(self):
        super().__init__()
        self.setInboxSize("inbox", 1)

    def main(self):
        while True:
            for _ in range(3):
                yield 1
            if self.dataReady("inbox"):
                self.events.append(("inbox", self.recv("inbox")))
            if self.dataReady("control"):
                self.events.append(("control", self.recv("control")))
                return


def wire(splitter, left, right, items):
    feeder = Feeder(items)
    feeder.link((feeder, "outbox"), (splitter, "inbox"))
    feeder.link((feeder, "signal"), (splitter, "control"))
    left.link((splitter, "outbox"), (left, "inbox"))
    left.link((splitter, "signal"), (left, "control"))
    right.link((splitter, "outbox2"), (right, "inbox"))
    right.link((splitter, "signal2"), (right, "control"))
    return feeder


def test_copies_to_both_outputs_without_losing_messages_to_a_full_box():
    """Both outputs get every message in order, even when one destination is size-limited."""
    splitter, fast, slow = TwoWaySplitter(), Collector(), SlowSink()
    items = [("outbox", n) for n in range(6)] + [("signal", producerFinished())]
    run(wire(splitter, fast, slow, items), splitter, fast, slow)
    assert fast.data == list(range(6))
    assert slow.data == list(range(6))
    assert isinstance(fast.signals[0], producerFinished)
    assert isinstance(slow.signals[0], producerFinished)


def test_shutdown_microprocess_goes_to_both_signals():
    """shutdownMicroprocess stops it at once and is sent on signal and signal2."""
    splitter, a, b = TwoWaySplitter(), Collector(), Collector()
    stop = shutdownMicroprocess()
    run(wire(splitter, a, b, [("signal", stop)]), splitter, a, b)
    assert a.signals == [stop]
    assert b.signals == [stop]
