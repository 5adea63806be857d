"""Carousel: one child at a time, built on request, with 1.x shutdown rules."""

from _chassis_testkit import Collector, run
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.Carousel import Carousel
from Kamaelia.Util.OneShot import OneShot


class Child(component):
    """Echoes inbox to outbox with its tag; records control; stops on a shutdown message."""

    made = []

    def __init__(self, tag):
        super().__init__()
        self.tag = tag
        self.control_seen = []
        Child.made.append(self)

    def main(self):
        while True:
            while self.dataReady("inbox"):
                self.send((self.tag, self.recv("inbox")), "outbox")
            while self.dataReady("control"):
                msg = self.recv("control")
                self.control_seen.append(msg)
                self.send(msg, "signal")
                if isinstance(msg, (producerFinished, shutdownMicroprocess)):
                    return
            self.pause()
            yield 1


def run_carousel(carousel, script, timeout=5.0):
    """script: list of (box, msg) with box in inbox/next/control; returns (outputs, signals, requests)."""

    class Driver(component):
        Outboxes = {"inbox": "", "next": "", "control": "", "outbox": "", "signal": ""}

        def main(self):
            for box, msg in script:
                if box == "wait":
                    for _ in range(msg):
                        yield 1
                    continue
                self.send(msg, box)
                yield 1

    class Requests(component):
        def __init__(self):
            super().__init__()
            self.got = []

        def main(self):
            while not carousel._isStopped():
                for msg in self.Inbox("inbox"):
                    self.got.append(msg)
                yield 1
            self.got.extend(self.Inbox("inbox"))

    driver, sink, requests = Driver(), Collector(), Requests()
    for box in ("inbox", "next", "control"):
        driver.link((driver, box), (carousel, box))
    sink.link((carousel, "outbox"), (sink, "inbox"))
    sink.link((carousel, "signal"), (sink, "control"))
    requests.link((carousel, "requestNext"), (requests, "inbox"))
    run(driver, carousel, sink, requests, timeout=timeout)
    return sink, requests.got


def test_idle_carousel_stops_on_shutdown_without_requesting():
    """With no child, a shutdown message ends the Carousel at once and is passed on."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        sink, requests = run_carousel(Carousel(Child), [("control", stop)])
        assert sink.signals == [stop]
        assert requests == []


def test_make1stRequest_asks_for_a_child_at_start():
    """make1stRequest=True sends "NEXT" on requestNext when the Carousel starts."""
    _sink, requests = run_carousel(
        Carousel(Child, make1stRequest=True), [("control", producerFinished())]
    )
    assert requests == ["NEXT"]


def test_next_builds_a_child_from_the_message_and_wires_it_in():
    """A "next" message calls the factory with it; inbox reaches the child and its outbox comes out."""
    Child.made.clear()
    sink, _ = run_carousel(
        Carousel(Child),
        [
            ("next", "A"),
            ("wait", 3),
            ("inbox", 1),
            ("inbox", 2),
            ("wait", 3),
            ("control", producerFinished()),
        ],
    )
    assert [c.tag for c in Child.made] == ["A"]
    assert sink.data == [("A", 1), ("A", 2)]


def test_child_signal_is_ignored_and_its_end_requests_the_next():
    """A child finishing by itself makes the Carousel send "NEXT"; the child's signal does not leak out."""
    sink, requests = run_carousel(
        Carousel(lambda msg: OneShot(msg)),
        [("next", "first"), ("wait", 10), ("control", producerFinished())],
    )
    assert sink.data == ["first"]
    assert requests == ["NEXT"]
    assert len(sink.signals) == 1
    assert isinstance(sink.signals[0], producerFinished)


def test_a_new_next_replaces_the_running_child_after_it_stops():
    """A "next" while a child runs sends it shutdownMicroprocess; the new child starts after it ends."""
    Child.made.clear()
    sink, requests = run_carousel(
        Carousel(Child),
        [
            ("next", "A"),
            ("wait", 3),
            ("next", "B"),
            ("wait", 5),
            ("inbox", "x"),
            ("wait", 3),
            ("control", producerFinished()),
        ],
    )
    first, _second = Child.made
    assert isinstance(first.control_seen[0], shutdownMicroprocess)
    assert sink.data == [("B", "x")]
    assert requests == []  # replaced on request, not finished by itself


def test_shutdown_is_passed_to_the_child_and_waits_for_it():
    """A shutdown on control reaches the child; the Carousel ends (and passes it on) after the child."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        Child.made.clear()
        sink, requests = run_carousel(
            Carousel(Child), [("next", "A"), ("wait", 3), ("control", stop)]
        )
        (child,) = Child.made
        assert child.control_seen == [stop]
        assert child._isStopped()
        assert sink.signals == [stop]
        assert requests == []


def test_producer_finished_lets_queued_requests_run_first():
    """producerFinished with "next" requests queued: each queued child is built first, then it stops."""
    Child.made.clear()
    carousel = Carousel(Child)
    stop = producerFinished()
    sink, _ = run_carousel(carousel, [("next", "A"), ("next", "B"), ("control", stop)])
    assert [c.tag for c in Child.made] == ["A", "B"]
    assert sink.signals == [stop]


def test_shutdown_microprocess_discards_queued_requests():
    """shutdownMicroprocess with "next" requests queued: they are dropped and the Carousel stops."""
    Child.made.clear()
    stop = shutdownMicroprocess()
    sink, _ = run_carousel(
        Carousel(Child), [("next", "A"), ("wait", 3), ("next", "B"), ("control", stop)]
    )
    assert [c.tag for c in Child.made] == ["A"]
    assert sink.signals == [stop]
