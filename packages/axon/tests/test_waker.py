"""The scheduler's idle wait goes through the Waker protocol only; a fake one with a virtual clock."""

from __future__ import annotations

import heapq
import itertools
import selectors
import socket
from collections.abc import Callable
from typing import Any

import pytest
from Axon.Component import component
from Axon.Scheduler import SelectorWaker, TimerHandle, Waker, scheduler


class FakeWaker:
    """A Waker with a virtual clock: a blocking wait jumps the clock to the next timer.

    Its internals share no names with SelectorWaker's, so a scheduler that
    reached past the protocol would fail here.
    """

    __slots__ = ("_due", "_files", "_order", "_soon", "log", "now")

    def __init__(self) -> None:
        self.now = 0.0
        self.log: list[str] = []
        self._due: list[tuple[float, int, TimerHandle]] = []
        self._soon: list[Callable[[], object]] = []
        self._order = itertools.count()
        self._files: dict[Any, tuple[int, Callable[[Any, int], object]]] = {}

    def call_later(self, delay: float, callback: Callable[[], object]) -> TimerHandle:
        handle = TimerHandle(self.now + delay, callback)
        heapq.heappush(self._due, (handle.when, next(self._order), handle))
        return handle

    def call_soon_threadsafe(self, callback: Callable[[], object]) -> None:
        self._soon.append(callback)

    def watch_io(self, fileobj: Any, events: int, callback: Callable[[Any, int], object]) -> None:
        self._files[fileobj] = (events, callback)

    def unwatch_io(self, fileobj: Any) -> None:
        self._files.pop(fileobj, None)

    def has_work(self) -> bool:
        return bool(self._soon or self._due or self._files)

    def pending(self) -> bool:
        return bool(self._soon) or bool(self._due and self._due[0][0] <= self.now)

    def run_due(self, block: bool) -> None:
        if block:
            if not self._soon and not self._due:
                raise AssertionError("the scheduler waited with nothing that could wake it")
            if not self._soon:
                self.now = max(self.now, self._due[0][0])
            self.log.append(f"waited until {self.now:g}")
        soon, self._soon = self._soon, []
        for callback in soon:
            callback()
        while self._due and self._due[0][0] <= self.now:
            handle = heapq.heappop(self._due)[2]
            if not handle.cancelled:
                handle.callback()

    def close(self) -> None:
        self._files.clear()

    def ready(self, fileobj: Any, mask: int) -> None:
        """Pretend ``fileobj`` became ready (a test's stand-in for the selector)."""
        self._files[fileobj][1](fileobj, mask)


def _fake() -> Waker:
    return FakeWaker()  # also checks, under mypy, that FakeWaker satisfies the protocol


class Sleeper(component):
    """Sleeps ``delay`` on the scheduler's timers ``times`` times, recording the clock."""

    def __init__(self, waker: FakeWaker, delay: float, times: int, events: list) -> None:
        super().__init__()
        self.waker, self.delay, self.times, self.events = waker, delay, times, events

    def main(self):
        for _ in range(self.times):
            self.scheduler.call_later(self.delay, self.unpause)
            self.pause()
            yield 1
            self.events.append(self.waker.now)


def test_timers_run_on_the_wakers_clock_without_real_sleeps():
    """Components sleeping on timers wake in due order as the fake clock jumps; no time passes."""
    waker = FakeWaker()
    sched = scheduler(waker=waker)
    events: list = []
    Sleeper(waker, 10.0, 2, events).activate(Scheduler=sched)
    Sleeper(waker, 15.0, 1, events).activate(Scheduler=sched)
    sched.runThreads()
    assert events == [10.0, 15.0, 20.0]
    assert waker.log == ["waited until 10", "waited until 15", "waited until 20"]


def test_scheduler_returns_with_only_future_timers_left():
    """Timers alone do not keep the scheduler running once every microprocess has finished."""
    waker = FakeWaker()
    sched = scheduler(waker=waker)

    class Leaves(component):
        def main(self):
            self.scheduler.call_later(100.0, lambda: None)
            yield 1

    Leaves().activate(Scheduler=sched)
    sched.runThreads()
    assert waker.now == 0.0
    assert waker.log == []


def test_thread_call_wakes_the_scheduler_and_is_run_in_it():
    """A call made through call_soon_threadsafe ends the wait and runs before the next cycle."""
    waker = FakeWaker()
    sched = scheduler(waker=waker)
    events: list = []

    class Waiter(component):
        def main(self):
            self.scheduler.call_later(5.0, lambda: sched.call_soon_threadsafe(self.unpause))
            self.pause()
            yield 1
            events.append(waker.now)

    Waiter().activate(Scheduler=sched)
    sched.runThreads()
    assert events == [5.0]


def test_stop_from_a_call_ends_the_run():
    """scheduler.stop() asked for while it waits stops every microprocess at the next cycle."""
    waker = FakeWaker()
    sched = scheduler(waker=waker)
    ended: list[str] = []

    class Forever(component):
        def main(self):
            try:
                while True:
                    self.pause()
                    yield 1
            finally:
                ended.append("finally ran")

    Forever().activate(Scheduler=sched)
    waker.call_later(3.0, sched.stop)
    sched.runThreads()
    assert ended == ["finally ran"]
    assert waker.now == 3.0


def test_watched_file_callbacks_come_from_the_waker():
    """watch_io registers with the waker; its readiness report wakes the watcher."""
    waker = FakeWaker()
    sched = scheduler(waker=waker)
    seen: list = []

    class Watcher(component):
        def main(self):
            self.scheduler.watch_io("file", selectors.EVENT_READ, self.ready)
            self.pause()
            yield 1
            self.scheduler.unwatch_io("file")

        def ready(self, fileobj, mask):
            seen.append((fileobj, mask))
            self.unpause()

    Watcher().activate(Scheduler=sched)
    waker.call_later(1.0, lambda: waker.ready("file", selectors.EVENT_READ))
    sched.runThreads()
    assert seen == [("file", selectors.EVENT_READ)]
    assert not waker.has_work()


def test_waiting_with_nothing_to_wake_it_is_reported_by_the_fake():
    """A scheduler told to wait for one component blocks in the waker, even with nothing due."""
    sched = scheduler(waker=_fake())
    sched.waitForOne()
    with pytest.raises(AssertionError, match="nothing that could wake it"):
        sched.runThreads()


def test_selector_waker_measures_timers_by_its_clock():
    """SelectorWaker's timers use the injected clock: due only once it has moved on."""
    now = [100.0]
    waker = SelectorWaker(clock=lambda: now[0])
    fired: list[str] = []
    waker.call_later(2.0, lambda: fired.append("late"))
    waker.call_later(1.0, lambda: fired.append("early"))
    assert waker.has_work()
    assert not waker.pending()
    waker.run_due(block=False)
    assert fired == []
    now[0] = 101.5
    assert waker.pending()
    waker.run_due(block=False)
    assert fired == ["early"]
    now[0] = 200.0
    waker.run_due(block=False)
    assert fired == ["early", "late"]
    assert not waker.has_work()


def test_selector_waker_wakes_on_a_watched_socket():
    """A blocking wait on SelectorWaker ends when a watched socket becomes readable."""
    waker = SelectorWaker()
    left, right = socket.socketpair()
    seen: list[int] = []
    try:
        waker.watch_io(left, selectors.EVENT_READ, lambda f, mask: seen.append(mask))
        right.send(b"x")
        waker.run_due(block=True)
        assert seen == [selectors.EVENT_READ]
        waker.unwatch_io(left)
        assert not waker.has_work()
    finally:
        waker.close()
        left.close()
        right.close()


class _NoReprSocket(socket.socket):
    """A socket whose repr fails: a socket's repr costs two system calls."""

    def __repr__(self) -> str:
        raise AssertionError("the waker formatted a socket's repr")


def test_selector_waker_watching_and_unwatching_never_formats_the_socket():
    """Registering a new socket, changing and dropping its watch cost no repr (no KeyError)."""
    waker = SelectorWaker()
    left, right = socket.socketpair()
    sock = _NoReprSocket(fileno=left.detach())
    try:
        waker.unwatch_io(sock)  # not watched: nothing to do
        waker.watch_io(sock, selectors.EVENT_READ, lambda f, mask: None)
        waker.watch_io(sock, selectors.EVENT_READ | selectors.EVENT_WRITE, lambda f, mask: None)
        waker.unwatch_io(sock)
        waker.unwatch_io(sock)
        assert not waker.has_work()
    finally:
        waker.close()
        sock.close()
        right.close()


def test_selector_waker_replaces_the_watch_of_a_socket_closed_without_unwatch():
    """A new socket reusing a closed one's descriptor is watched; the stale watch is gone."""
    waker = SelectorWaker()
    first, first_peer = socket.socketpair()
    waker.watch_io(first, selectors.EVENT_READ, lambda f, mask: None)
    number = first.fileno()
    first.close()  # without unwatch_io
    first_peer.close()
    second, peer = socket.socketpair()
    seen: list[object] = []
    try:
        if second.fileno() != number:  # the kernel gives the lowest free number
            pytest.fail(f"descriptor {number} was not reused ({second.fileno()})")
        waker.watch_io(second, selectors.EVENT_READ, lambda f, mask: seen.append(f))
        peer.send(b"x")
        waker.run_due(block=True)
        assert seen == [second]
        waker.unwatch_io(second)
        assert not waker.has_work()
    finally:
        waker.close()
        second.close()
        peer.close()


def test_selector_waker_watches_again_after_close():
    """close() forgets what was watched, so the reopened selector registers afresh."""
    waker = SelectorWaker()
    left, right = socket.socketpair()
    try:
        waker.watch_io(left, selectors.EVENT_READ, lambda f, mask: None)
        waker.close()
        assert not waker.has_work()
        waker.watch_io(left, selectors.EVENT_READ, lambda f, mask: None)
        assert waker.has_work()
    finally:
        waker.close()
        left.close()
        right.close()


def test_a_cancelled_timer_lets_go_of_what_its_callback_holds():
    """Cancelling drops the callback at once, not when the timer would have been due."""
    import gc
    import weakref

    class Owner:
        def expire(self) -> None:
            raise AssertionError("a cancelled timer fired")

    waker = SelectorWaker(clock=lambda: 0.0)
    owner = Owner()
    gone = weakref.ref(owner)
    waker.call_later(3600.0, owner.expire).cancel()
    del owner
    gc.collect()
    assert gone() is None


def test_timers_cancelled_early_do_not_pile_up_and_the_rest_still_fire_in_order():
    """Many long timers cancelled early (closed connections) are dropped from the waker,
    even when a due timer's callback does the cancelling; the others still fire, in order."""
    now = [0.0]
    waker = SelectorWaker(clock=lambda: now[0])
    fired: list[float] = []
    long_ones = [waker.call_later(75.0, lambda: fired.append(-1.0)) for _ in range(10_000)]
    for delay in (2.0, 1.0, 3.0):
        waker.call_later(delay, lambda d=delay: fired.append(d))

    def cancel_them() -> None:
        fired.append(0.5)
        for handle in long_ones:
            handle.cancel()

    waker.call_later(0.5, cancel_them)
    now[0] = 10.0
    waker.run_due(block=False)
    assert fired == [0.5, 1.0, 2.0, 3.0]
    assert len(waker._timers) < 100  # what is left to wait for, not 10,000 dead handles
    now[0] = 100.0
    waker.run_due(block=False)
    assert fired == [0.5, 1.0, 2.0, 3.0]
    assert not waker.has_work()
