"""Axon inside asyncio: ``await Axon.aio.run(system)`` on the loop's thread."""

from __future__ import annotations

import asyncio
import selectors
import socket
import threading
import time

import pytest
from Axon import aio
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.Scheduler import scheduler
from Axon.ThreadedComponent import threadedcomponent


class Counter(component):
    """Sends 0..n-1, then producerFinished on "signal"."""

    def __init__(self, n):
        super().__init__()
        self.n = n

    def main(self):
        for number in range(self.n):
            self.send(number)
            yield 1
        self.send(producerFinished(), "signal")


class Collector(component):
    """Collects what arrives until producerFinished."""

    def __init__(self):
        super().__init__()
        self.got = []
        self.thread = None

    def main(self):
        self.thread = threading.get_ident()
        while True:
            while self.dataReady("inbox"):
                self.got.append(self.recv("inbox"))
            if self.dataReady("control"):
                return
            self.pause()
            yield 1


def _pair(n):
    counter, collector = Counter(n), Collector()
    counter.link((counter, "outbox"), (collector, "inbox"))
    counter.link((counter, "signal"), (collector, "control"))
    return counter, collector


def test_system_runs_on_the_loops_thread_beside_other_tasks(arun):
    """Components run in the loop's thread, interleaved with an ordinary task."""
    counter, collector = _pair(50)
    ticks = []

    async def ticker():
        for n in range(5):
            ticks.append(n)
            await asyncio.sleep(0)

    async def main():
        await asyncio.gather(aio.run(counter, collector), ticker())
        return threading.get_ident()

    loop_thread = arun(main())
    assert collector.got == list(range(50))
    assert collector.thread == loop_thread
    assert ticks == [0, 1, 2, 3, 4]


def test_timers_are_the_loops(arun):
    """scheduler.call_later is the loop's call_at: due on the loop's clock, fired in order."""
    fired, offsets = [], []

    class Sleeper(component):
        def main(self):
            loop = asyncio.get_running_loop()
            for delay in (0.02, 0.01):
                handle = self.scheduler.call_later(delay, lambda d=delay: fired.append(d))
                offsets.append(handle.when() - loop.time())
            while len(fired) < 2:
                self.scheduler.call_later(0.005, self.unpause)
                self.pause()
                yield 1

    arun(aio.run(Sleeper()))
    assert fired == [0.01, 0.02]
    assert offsets == [pytest.approx(0.02, abs=0.005), pytest.approx(0.01, abs=0.005)]


def test_watched_socket_wakes_a_component(arun):
    """watch_io becomes the loop's add_reader: a socket written by a task wakes the watcher."""
    left, right = socket.socketpair()
    got = []

    class Reader(component):
        def main(self):
            self.scheduler.watch_io(left, selectors.EVENT_READ, lambda f, m: self.unpause())
            try:
                while not got:
                    self.pause()
                    yield 1
                    got.append(left.recv(10))
            finally:
                self.scheduler.unwatch_io(left)

    async def main():
        async def write_later():
            await asyncio.sleep(0.01)
            right.send(b"hello")

        await asyncio.gather(aio.run(Reader()), write_later())

    try:
        arun(main())
    finally:
        left.close()
        right.close()
    assert got == [b"hello"]


def test_threaded_component_wakes_the_loop(arun):
    """A threaded component's messages cross to the loop thread (call_soon_threadsafe)."""

    class Worker(threadedcomponent):
        def main(self):
            for number in range(20):
                self.send(number)
            self.send(producerFinished(), "signal")

    worker, collector = Worker(), Collector()
    worker.link((worker, "outbox"), (collector, "inbox"))
    worker.link((worker, "signal"), (collector, "control"))
    arun(aio.run(worker, collector))
    assert collector.got == list(range(20))


def test_cancelling_the_task_shuts_the_system_down(arun):
    """Cancelling: shutdownMicroprocess arrives on "control", then every finally block runs."""
    events = []

    class Server(component):
        def main(self):
            try:
                while not self.dataReady("control"):
                    self.pause()
                    yield 1
                events.append(type(self.recv("control")).__name__)
                while True:  # ignores it after all: the stop must still come
                    self.pause()
                    yield 1
            finally:
                events.append("finally")

    async def main():
        task = asyncio.ensure_future(aio.run(Server()))
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    arun(main())
    assert events == ["shutdownMicroprocess", "finally"]


def test_a_crash_comes_out_of_the_await_as_itself(arun):
    """A component's exception is raised by the await, the same object, and the rest are stopped."""
    boom = ValueError("boom")
    stopped = []

    class Crasher(component):
        def main(self):
            yield 1
            raise boom

    class Bystander(component):
        def main(self):
            try:
                while True:
                    self.pause()
                    yield 1
            finally:
                stopped.append(True)

    with pytest.raises(ValueError, match="boom") as caught:
        arun(aio.run(Crasher(), Bystander()))
    assert caught.value is boom
    assert stopped == [True]


def test_default_scheduler_runs_inside_asyncio(arun, monkeypatch):
    """A 1.x-style program (activate(), then run the standalone default scheduler) runs unchanged."""
    default = scheduler()
    monkeypatch.setattr(scheduler, "run", default)
    counter, collector = _pair(10)
    counter.activate()
    collector.activate()
    arun(aio.run())
    assert collector.got == list(range(10))
    assert default.listAllThreads() == []


def test_scheduler_with_standalone_timers_is_refused(arun):
    """A scheduler holding standalone timers cannot move into asyncio: they would never fire."""
    sched = scheduler()
    sched.call_later(10, lambda: None)
    with pytest.raises(RuntimeError, match="timers or watched files"):
        arun(aio.run(scheduler=sched))


def test_shutdown_message_is_delivered_to_each_system(arun):
    """On cancellation each system given to run() gets exactly one shutdownMicroprocess."""
    seen = []

    class Polite(component):
        def main(self):
            while not self.dataReady("control"):
                self.pause()
                yield 1
            seen.append(self.recv("control"))

    async def main():
        task = asyncio.ensure_future(aio.run(Polite(), Polite()))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    arun(main())
    assert [type(message) for message in seen] == [shutdownMicroprocess, shutdownMicroprocess]


def test_a_failing_loop_callback_comes_out_of_the_await(arun):
    """A timer callback that raises ends the run with its exception, even if all then finish."""

    class SetsABadTimer(component):
        def main(self):
            self.scheduler.call_later(0, self.explode)
            self.pause()
            yield 1

        def explode(self):
            self.unpause()  # the component finishes next: the error must not be lost
            raise OSError("timer went wrong")

    with pytest.raises(OSError, match="timer went wrong"):
        arun(aio.run(SetsABadTimer()))


@pytest.mark.timeout(5)
def test_loop_waker_made_in_another_thread_still_wakes_the_loop():
    """A LoopWaker built outside the loop's thread treats that thread as foreign: its calls wake the loop."""
    loop = asyncio.new_event_loop()
    made, built, go = [], threading.Event(), threading.Event()

    def helper():
        made.append(scheduler(waker=aio.LoopWaker(loop)))
        built.set()
        go.wait(5)
        made[0].call_soon_threadsafe(sleeper.unpause)

    class Sleeper(component):
        def main(self):
            go.set()
            self.pause()
            yield 1

    sleeper = Sleeper()
    thread = threading.Thread(target=helper)
    thread.start()
    built.wait(5)
    sleeper.activate(Scheduler=made[0])
    try:
        loop.run_until_complete(aio.run(scheduler=made[0]))  # hangs if the call cannot wake it
    finally:
        thread.join()
        loop.close()


def test_a_crash_while_shutting_down_is_logged_and_the_rest_still_stop(arun, caplog):
    """A component failing on the cancel's shutdownMicroprocess is logged; the others still stop."""
    events = []

    class BadLoser(component):
        def main(self):
            while not self.dataReady("control"):
                self.pause()
                yield 1
            raise RuntimeError("cannot shut down")

    class Bystander(component):
        def main(self):
            try:
                while True:
                    self.pause()
                    yield 1
            finally:
                events.append("bystander stopped")

    async def main():
        task = asyncio.ensure_future(aio.run(BadLoser(), Bystander()))
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    arun(main())
    assert events == ["bystander stopped"]
    assert "a component failed while shutting down" in caplog.text
    assert "cannot shut down" in caplog.text


def test_an_idle_system_waits_once_instead_of_polling(arun):
    """With every component paused, the scheduler asks to wait once and is not run again until woken."""
    waits = []

    class CountingWaker(aio.LoopWaker):
        def run_due(self, block):
            waits.append(block)
            super().run_due(block)

    class Idle(component):
        def main(self):
            while not self.dataReady("control"):
                self.pause()
                yield 1

    async def main():
        sched = scheduler(waker=CountingWaker(asyncio.get_running_loop()))
        idle = Idle()
        idle.activate(Scheduler=sched)
        task = asyncio.ensure_future(aio.run(scheduler=sched))
        for _ in range(100):  # many loop iterations, and a little time, pass meanwhile
            await asyncio.sleep(0)
        await asyncio.sleep(0.02)
        # One wait, and nothing since. Before it, a first turn slowed past its 2 ms by
        # a loaded machine may take one non-blocking look at the loop (block=False).
        assert waits.count(True) == 1
        assert waits[-1] is True
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    arun(main())


@pytest.mark.timeout(10)
def test_runThreads_inside_a_running_loop_warns_that_it_blocks_the_loop():
    """1.x code calling runThreads() from a coroutine is told what it blocks and what to use."""
    counter, collector = _pair(3)

    async def main():
        counter.activate()
        collector.activate()
        scheduler.run.runThreads()

    with pytest.warns(RuntimeWarning, match=r"blocking the asyncio event loop.*Axon\.aio\.run"):
        asyncio.run(main())
    assert collector.got == [0, 1, 2]


@pytest.mark.timeout(10)
def test_runThreads_outside_a_loop_does_not_warn(recwarn):
    """The usual case stays silent, even with asyncio imported."""
    Counter(2).activate()
    scheduler.run.runThreads()
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_a_busy_system_inside_asyncio_does_not_starve_other_threads(arun):
    """A thread that makes system calls beside a component that never pauses finishes.

    Each call releases the GIL and then needs it back; with the loop's turns
    shorter than CPython's switch interval, such a thread was starved (a CI
    run waited 10 s for one that had only one call left to make).
    """
    for _ in range(3):
        done = threading.Event()
        left, right = socket.socketpair()

        def calls(left=left, right=right, done=done):
            for _ in range(100):
                left.send(b"x")
                right.recv(1)
            done.set()

        class Busy(component):
            def main(self, done=done):
                threading.Thread(target=calls).start()
                give_up = time.monotonic() + 5
                while not done.is_set() and time.monotonic() < give_up:
                    yield 1

        with left, right:
            arun(aio.run(Busy()))
        assert done.is_set(), "the thread was starved of the GIL for 5 s"
