"""Threaded components: ordered delivery, errors from the thread, blocking recv, backpressure, marshalling."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.testing import run_component, run_system
from Axon.ThreadedComponent import threadedadaptivecommscomponent, threadedcomponent

# Every test here also runs inside asyncio (see conftest's testing_waits).
pytestmark = pytest.mark.usefixtures("testing_waits")


class Collect(component):
    """Collects its inbox until a message arrives on control; records what was there at that moment."""

    def __init__(self):
        super().__init__()
        self.items: list = []
        self.seen_before_signal = None
        self.signal = None

    def main(self):
        while True:
            if self.dataReady("control"):
                # Everything sent before the signal must already be here.
                self.seen_before_signal = len(self.items) + self.dataReady("inbox")
                self.signal = self.recv("control")
                self.items.extend(self.Inbox())
                return
            self.items.extend(self.Inbox())
            self.pause()
            yield 1


def test_all_data_arrives_and_signal_never_overtakes_outbox():
    """10 000 items sent from a thread all arrive, in order, before its producerFinished on signal."""
    count = 10_000

    class Producer(threadedcomponent):
        def send_retrying(self, message, boxname):
            while True:
                try:
                    return self.send(message, boxname)
                except noSpaceInBox:
                    self.pause()  # woken when the scheduler side makes room

        def main(self):
            for n in range(count):
                self.send_retrying(n, "outbox")
            self.send_retrying(producerFinished(self), "signal")

    producer, sink = Producer(), Collect()
    producer.link((producer, "outbox"), (sink, "inbox"))
    producer.link((producer, "signal"), (sink, "control"))
    run_system(producer, sink, timeout=30)
    assert sink.seen_before_signal == count
    assert sink.items == list(range(count))
    assert isinstance(sink.signal, producerFinished)


def test_exception_in_thread_comes_back_intact():
    """An exception raised in the thread ends the run as itself, message intact, the component named."""
    original = ValueError("thread problem 42")

    class Broken(threadedcomponent):
        def main(self):
            raise original

    broken = Broken()
    with pytest.raises(ValueError, match="thread problem 42") as info:
        run_system(broken, timeout=5)
    assert info.value is original
    if sys.version_info >= (3, 11):
        assert original.__notes__ == [f"raised in component Broken (id {broken.id}, {broken.name})"]
    assert original.args == ("thread problem 42",)


def test_uncaught_no_space_in_box_from_thread_is_reported():
    """A noSpaceInBox escaping the thread's main() ends the run, not swallowed (hang)."""

    class Careless(threadedcomponent):
        def main(self):
            raise noSpaceInBox(1, 1)

    with pytest.raises(noSpaceInBox):
        run_system(Careless(), timeout=2)


def test_queued_output_is_delivered_before_the_thread_error():
    """Data the thread sent before failing is still delivered before the error ends the run."""

    class SendsThenFails(threadedcomponent):
        def main(self):
            for n in range(5):
                self.send(n)
            raise OSError("late failure")

    sender = SendsThenFails()
    sink = component()
    sender.link((sender, "outbox"), (sink, "inbox"))
    with pytest.raises(OSError, match="late failure"):
        run_system(sender, timeout=5)
    assert list(sink.Inbox()) == [0, 1, 2, 3, 4]


def test_thread_recv_blocks_until_data_arrives():
    """In the thread, recv() on an empty inbox waits until a message arrives."""
    events: list = []

    class Receiver(threadedcomponent):
        def main(self):
            events.append(("ready before", self.dataReady("inbox")))
            events.append(("got", self.recv("inbox")))

    class LateSender(component):
        def main(self):
            for _ in range(10):
                yield 1
            self.send("late message")

    receiver, sender = Receiver(), LateSender()
    sender.link((sender, "outbox"), (receiver, "inbox"))
    run_system(receiver, sender, timeout=5)
    assert events == [("ready before", 0), ("got", "late message")]


def test_thread_data_ready_and_any_ready():
    """In the thread, dataReady counts and anyReady names inboxes holding messages fed from outside."""
    seen: list = []

    class Reader(threadedcomponent):
        def main(self):
            while not self.dataReady("control"):
                self.pause(0.5)
            seen.append(self.anyReady())
            seen.append(self.dataReady("inbox"))
            seen.append([self.recv("inbox") for _ in range(self.dataReady("inbox"))])
            self.send(self.recv("control"), "signal")

    out = run_component(Reader(), {"inbox": [1, 2, 3], "control": [producerFinished()]}, timeout=5)
    assert seen == ["inbox", 3, [1, 2, 3]]
    assert isinstance(out["signal"][0], producerFinished)


def test_thread_send_raises_no_space_when_queue_is_full():
    """From the thread, send raises noSpaceInBox (len, queuelengths) when queuelengths items wait; none is lost."""
    errors: list = []
    accepted: list[int] = []

    class Producer(threadedcomponent):
        def main(self):
            for n in range(20):
                try:
                    self.send(n)
                except noSpaceInBox as error:
                    errors.append(error)
                    break
                accepted.append(n)
            sink.go = True
            sink.unpause()

    class Sink(component):
        go = False

        def main(self):
            self.got: list = []
            while not self.go:
                self.pause()
                yield 1
            while not producer._isStopped():
                self.got.extend(self.Inbox())
                self.pause()
                yield 1
            self.got.extend(self.Inbox())

    producer, sink = Producer(queuelengths=3), Sink()
    producer.link((producer, "outbox"), (sink, "inbox"), synchronous=True)
    sink.addChildren(producer)
    run_system(producer, sink, timeout=5)
    assert len(errors) == 1
    assert errors[0].args == (3, 3)
    assert sink.got == accepted
    assert len(accepted) in (3, 4)  # three queued, plus one the proxy may have delivered


def test_link_from_thread_is_marshalled():
    """link() called in the thread is carried out by the scheduler thread and works."""
    sink = component()

    class Linker(threadedcomponent):
        def main(self):
            link = self.link((self, "outbox"), (sink, "inbox"))
            self.result = link.sinkPair()
            self.send("through a thread-made link")
            self.sync()

    linker = Linker()
    run_system(linker, timeout=5)
    assert linker.result == (sink, "inbox")
    assert list(sink.Inbox()) == ["through a thread-made link"]


def test_link_error_from_thread_is_raised_in_the_thread():
    """A bad link made from the thread raises there (KeyError naming the box)."""
    caught: list = []
    sink = component()

    class Linker(threadedcomponent):
        def main(self):
            try:
                self.link((self, "outbox"), (sink, "nope"))
            except KeyError as error:
                caught.append(str(error))

    run_system(Linker(), timeout=5)
    assert len(caught) == 1
    assert "has no inbox 'nope'" in caught[0]


def test_threaded_adaptive_add_inbox_from_thread():
    """threadedadaptivecommscomponent.addInbox from the thread adds a usable, uniquely named inbox."""
    names: list[str] = []

    class Adaptive(threadedadaptivecommscomponent):
        def main(self):
            names.append(self.addInbox("extra"))
            names.append(self.addInbox("extra"))
            names.append(self.addOutbox("more"))
            self.deleteInbox(names[1])

    adaptive = Adaptive()
    run_system(adaptive, timeout=5)
    assert names[0] == "extra"
    assert names[1].startswith("extra")
    assert names[1] != "extra"
    assert names[2] == "more"
    assert "extra" in adaptive.inboxes
    assert names[1] not in adaptive.inboxes
    assert "more" in adaptive.outboxes


def test_pause_with_timeout_returns_after_timeout():
    """pause(timeout) in the thread returns once the timeout has passed, with no message."""
    waited: list[float] = []

    class Napper(threadedcomponent):
        def main(self):
            start = time.monotonic()
            self.pause(0.05)
            waited.append(time.monotonic() - start)

    run_system(Napper(), timeout=5)
    assert 0.04 <= waited[0] < 3


def test_step_that_finds_the_thread_finished_still_returns():
    """As in 1.x, the step that finds the thread finished returns; the next one ends it.

    1.x code steps a threaded component by hand (``next(t)``) and expects a
    step to return even when the thread has finished by then.
    """
    gate = threading.Event()

    class Quick(threadedcomponent):
        def main(self):
            gate.wait(5)
            self.send("bye", "outbox")

    from Axon.Scheduler import scheduler

    quick, sink = Quick().activate(Scheduler=scheduler()), component()
    quick.link((quick, "outbox"), (sink, "inbox"))
    assert next(quick) == 1  # starts the thread, which waits for the gate
    (worker,) = [t for t in threading.enumerate() if t.name == quick.name]
    gate.set()
    worker.join(5)
    assert next(quick) == 1  # delivers "bye" and finds the thread finished
    assert list(sink.Inbox()) == ["bye"]
    with pytest.raises(StopIteration):
        next(quick)


def test_legacy_body_runs_in_thread():
    """A threadedcomponent using initialiseComponent/mainBody/closeDownComponent runs them in order."""
    events: list[str] = []

    class Legacy(threadedcomponent):
        def initialiseComponent(self):
            events.append("init")

        def mainBody(self):
            events.append("body")
            return len(events) < 3

        def closeDownComponent(self):
            events.append("close")

    run_system(Legacy(), timeout=5)
    assert events == ["init", "body", "body", "close"]


def test_queuelengths_is_the_only_positional_argument():
    """threadedcomponent(queuelengths, **attributes): keyword arguments still become attributes."""
    t = threadedcomponent(7, colour="red")
    assert (t.queuelengths, t.colour) == (7, "red")


def test_more_input_than_queuelengths_all_reaches_the_thread():
    """Messages beyond queuelengths wait in the real inbox and still all reach the thread, in order."""
    count = 2_500
    got: list[int] = []

    class Reader(threadedcomponent):
        def main(self):
            while len(got) < count:
                got.append(self.recv("inbox"))

    reader = Reader(queuelengths=100)
    run_component(reader, {"inbox": range(count)}, timeout=20)
    assert got == list(range(count))


def test_thread_output_into_a_synchronous_inbox_loses_nothing():
    """A thread feeding a one-message inbox of a slow consumer delivers everything, in order."""
    count = 300
    got: list[int] = []

    class Producer(threadedcomponent):
        def main(self):
            for n in range(count):
                while True:
                    try:
                        self.send(n)
                        break
                    except noSpaceInBox:
                        self.pause()

    class Slow(component):
        def main(self):
            while len(got) < count:
                if self.dataReady():
                    got.append(self.recv())
                else:
                    self.pause()
                yield 1

    producer, slow = Producer(queuelengths=10), Slow()
    producer.link((producer, "outbox"), (slow, "inbox"), synchronous=True)
    run_system(producer, slow, timeout=20)
    assert got == list(range(count))


def test_send_from_a_third_thread_is_refused(axon_scheduler):
    """While the scheduler runs, send() on a threaded component from another thread raises."""
    import threading

    errors: list = []

    class Idle(threadedcomponent):
        def main(self):
            self.pause(1)  # until the foreign thread has tried

    idle = Idle()

    class Trier(component):
        def main(self):
            def try_send():
                try:
                    idle.send("x")
                except RuntimeError as error:
                    errors.append(error)
                idle.unpause()

            thread = threading.Thread(target=try_send)
            thread.start()
            while thread.is_alive():
                yield 1

    run_system(idle, Trier(), timeout=10)
    assert errors
    assert "only its own thread" in str(errors[0])


class OnePerSlice(component):
    """Sends ``count`` integers, one per timeslice, then producerFinished on signal."""

    def __init__(self, count):
        super().__init__()
        self.count = count

    def main(self):
        for n in range(self.count):
            self.send(n)
            yield 1
        self.send(producerFinished(self), "signal")


class SlowReader(threadedcomponent):
    """In its thread: reads inbox, calling ``delay(n)`` after each message, until control says stop.

    Records how many messages it had, or could see waiting, when control first showed a message.
    """

    def __init__(self, delay):
        super().__init__()
        self.delay = delay
        self.got: list = []
        self.available_at_control = None

    def main(self):
        while True:
            while self.dataReady("inbox"):
                self.got.append(self.recv("inbox"))
                self.delay(len(self.got))
            if self.dataReady("control"):
                self.available_at_control = len(self.got) + self.dataReady("inbox")
                self.recv("control")
                self.got.extend(self.Inbox())
                return
            self.pause()


@pytest.mark.parametrize(
    "delay",
    [
        pytest.param(lambda n: n == 10 and time.sleep(0.5), id="stalls-once-after-10"),
        pytest.param(lambda n: time.sleep(0.0002), id="slow-all-the-time"),
    ],
)
def test_control_never_overtakes_data_waiting_for_a_slow_thread(delay):
    """3,000 messages, one per slice, into a slow thread, then producerFinished: all arrive first."""
    sender, reader = OnePerSlice(3_000), SlowReader(delay)
    sender.link((sender, "outbox"), (reader, "inbox"))
    sender.link((sender, "signal"), (reader, "control"))
    run_system(sender, reader, timeout=30)
    assert reader.available_at_control == 3_000
    assert reader.got == list(range(3_000))


def test_sender_never_refused_by_an_unlimited_threaded_inbox():
    """A burst far beyond queuelengths into a stalled thread's unlimited inbox raises nothing."""
    count = 5_000

    class Burst(component):
        def main(self):
            for n in range(count):
                self.send(n)  # noSpaceInBox here would crash the run
            yield 1
            self.send(producerFinished(self), "signal")

    sender, reader = Burst(), SlowReader(lambda n: n == 1 and time.sleep(0.2))
    reader.queuelengths = 10
    sender.link((sender, "outbox"), (reader, "inbox"))
    sender.link((sender, "signal"), (reader, "control"))
    run_system(sender, reader, timeout=30)
    assert reader.got == list(range(count))


def test_limited_threaded_inbox_gives_real_back_pressure():
    """An inbox its owner limited to 5 refuses the sixth message until the thread itself takes one."""
    count, size = 200, 5

    class Retrying(component):
        def __init__(self):
            super().__init__()
            self.refusals = 0

        def main(self):
            for n in range(count):
                while True:
                    try:
                        self.send(n)
                        break
                    except noSpaceInBox:
                        self.refusals += 1
                        self.pause()  # woken when the thread takes a message
                        yield 1
            self.send(producerFinished(self), "signal")

    class Watching(SlowReader):
        most_waiting = 0

        def main(self):
            while True:
                waiting = self.dataReady("inbox")
                self.most_waiting = max(self.most_waiting, waiting)
                if waiting:
                    self.got.append(self.recv("inbox"))
                    time.sleep(0.0005)
                elif self.dataReady("control"):
                    self.recv("control")
                    return
                else:
                    self.pause()

    sender, reader = Retrying(), Watching(None)
    reader.setInboxSize("inbox", size)
    sender.link((sender, "outbox"), (reader, "inbox"))
    sender.link((sender, "signal"), (reader, "control"))
    run_system(sender, reader, timeout=30)
    assert reader.got == list(range(count))
    assert sender.refusals > 0
    assert reader.most_waiting <= size


def test_unhandled_exception_is_kept_for_1x_code_but_never_wraps():
    """1.x's UnHandledException can be imported; a thread's error is not wrapped in it."""
    from Axon.ThreadedComponent import UnHandledException

    class Broken(threadedcomponent):
        def main(self):
            raise KeyError("in the thread")

    assert issubclass(UnHandledException, Exception)
    with pytest.raises(KeyError, match="in the thread") as info:
        run_system(Broken(), timeout=5)
    assert not isinstance(info.value, UnHandledException)
