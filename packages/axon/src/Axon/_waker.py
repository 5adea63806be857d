"""The scheduler's idle wait, behind one small interface: the ``Waker`` protocol.

The scheduler asks its waker for timers, I/O watching and calls from other
threads, whether anything besides components needs a look, and to wait. The
standalone ``SelectorWaker`` waits on a selector; ``Axon.aio`` supplies one
that hands all of it to a running asyncio loop instead.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import selectors
import socket
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Protocol

__all__ = ["Cancellable", "SelectorWaker", "TimerHandle", "Waker"]


class Cancellable(Protocol):
    """What ``call_later`` returns: a timer that can be dropped before it fires."""

    def cancel(self) -> None: ...


class Waker(Protocol):
    """Everything the scheduler needs besides its run queue; all of it runs in its thread."""

    def call_later(self, delay: float, callback: Callable[[], object]) -> Cancellable:
        """Run ``callback()`` after ``delay`` seconds."""

    def call_soon_threadsafe(self, callback: Callable[[], object]) -> None:
        """Run ``callback()`` soon; callable from any thread, and wakes a waiting scheduler."""

    def watch_io(self, fileobj: Any, events: int, callback: Callable[[Any, int], object]) -> None:
        """Call ``callback(fileobj, mask)`` when ``fileobj`` is ready (selectors.EVENT_*)."""

    def unwatch_io(self, fileobj: Any) -> None:
        """Stop watching ``fileobj`` (no error if it was not watched)."""

    def has_work(self) -> bool:
        """Is there anything to wait for, or due, so that the scheduler should call ``run_due``?"""

    def pending(self) -> bool:
        """Is a call or timer due now, so that finishing or waiting would be wrong?"""

    def run_due(self, block: bool) -> None:
        """Run what is due; with ``block``, wait for something first."""

    def close(self) -> None:
        """Release what the waker holds (it may be used again afterwards)."""


class TimerHandle:
    """A callback due at ``when`` (on its waker's clock); ``cancel()`` it to drop it."""

    __slots__ = ("_waker", "callback", "cancelled", "when")

    def __init__(
        self, when: float, callback: Callable[[], object], waker: SelectorWaker | None = None
    ) -> None:
        self.when = when
        self.callback = callback
        self.cancelled = False
        self._waker = waker  # told of a cancel while the handle waits in its heap

    def cancel(self) -> None:
        if self.cancelled:
            return
        self.cancelled = True
        self.callback = _nothing  # what the callback holds (a component, say) can go now
        if self._waker is not None:
            self._waker._timer_cancelled()


def _nothing() -> None:
    pass


class SelectorWaker:
    """The standalone ``Waker``: timers, watched files and thread-safe calls on a selector.

    ``clock`` (default ``time.monotonic``) is what timers are measured by.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._selector: selectors.BaseSelector | None = None
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._timers: list[tuple[float, int, TimerHandle]] = []
        self._cancelled = 0  # cancelled handles still in _timers
        self._seq = itertools.count()
        self._calls: deque[Callable[[], object]] = deque()
        self._blocking = False
        # What the selector watches for the scheduler. Asked before modify/unregister:
        # the selector's KeyError for an unknown file formats its repr, which for a
        # socket is two system calls (about 4 µs per new connection here).
        self._watched: set[Any] = set()

    # -- set-up ------------------------------------------------------------

    def _open(self) -> selectors.BaseSelector:
        if self._selector is None:
            self._selector = selectors.DefaultSelector()
            self._wake_r, self._wake_w = socket.socketpair()
            self._wake_r.setblocking(False)
            self._wake_w.setblocking(False)
            self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        return self._selector

    def close(self) -> None:
        if self._selector is not None:
            self._selector.close()
            assert self._wake_r is not None
            assert self._wake_w is not None
            self._wake_r.close()
            self._wake_w.close()
            self._selector = None
            self._watched.clear()

    # -- what can wake the scheduler ------------------------------------------

    def call_later(self, delay: float, callback: Callable[[], object]) -> TimerHandle:
        handle = TimerHandle(self._clock() + max(0.0, delay), callback, self)
        heapq.heappush(self._timers, (handle.when, next(self._seq), handle))
        return handle

    def _timer_cancelled(self) -> None:
        # A cancelled timer stays in the heap until it is due. Long ones cancelled
        # early (a connection's 75 s idle deadline, closed after 1 ms) would pile up,
        # so once they are most of the heap it is rebuilt without them.
        self._cancelled += 1
        timers = self._timers
        if self._cancelled > 64 and 2 * self._cancelled > len(timers):
            for _when, _seq, handle in timers:
                if handle.cancelled:
                    handle._waker = None
            timers[:] = [entry for entry in timers if not entry[2].cancelled]  # in place:
            heapq.heapify(timers)  # _run_timers may be walking this list
            self._cancelled = 0

    def call_soon_threadsafe(self, callback: Callable[[], object]) -> None:
        self._calls.append(callback)
        # The scheduler sets _blocking before its last look at _calls, so either
        # it sees this call or this thread sees it blocking and wakes it.
        if self._blocking and self._wake_w is not None:
            # A full pipe already holds a wake-up; a closed one has nobody to wake.
            with contextlib.suppress(BlockingIOError, OSError):
                self._wake_w.send(b"\0")

    def watch_io(self, fileobj: Any, events: int, callback: Callable[[Any, int], object]) -> None:
        selector = self._open()
        watched = self._watched
        if fileobj in watched:
            selector.modify(fileobj, events, callback)
            return
        try:
            selector.register(fileobj, events, callback)
        except KeyError:
            # Its descriptor is still registered for a file closed without unwatch_io
            # (the number was reused): that registration is stale, replace it.
            watched.discard(selector.unregister(fileobj).fileobj)
            selector.register(fileobj, events, callback)
        watched.add(fileobj)

    def unwatch_io(self, fileobj: Any) -> None:
        watched = self._watched
        if fileobj not in watched:
            return
        watched.discard(fileobj)
        assert self._selector is not None
        with contextlib.suppress(KeyError, ValueError):  # closed by someone else meanwhile
            self._selector.unregister(fileobj)

    # -- running what is due ------------------------------------------------

    def has_work(self) -> bool:
        return bool(self._calls or self._timers or self._watched)

    def pending(self) -> bool:
        return bool(self._calls) or bool(self._timers and self._timers[0][0] <= self._clock())

    def run_due(self, block: bool) -> None:
        """Run due calls, timers and I/O callbacks; with ``block``, wait for one first."""
        timeout: float | None = 0.0
        if block:
            self._blocking = True
            self._open()
            timeout = None if not self._calls else 0.0
            if timeout is None and self._timers:
                timeout = max(0.0, self._timers[0][0] - self._clock())
        try:
            if self._selector is not None and (block or self._watched):
                self._poll(timeout)
        finally:
            self._blocking = False
        self._run_calls()
        self._run_timers()

    def _poll(self, timeout: float | None) -> None:
        assert self._selector is not None
        for key, mask in self._selector.select(timeout):
            if key.data is None:
                self._drain_wake_pipe()
            else:
                key.data(key.fileobj, mask)

    def _drain_wake_pipe(self) -> None:
        assert self._wake_r is not None
        try:
            while self._wake_r.recv(4096):
                pass
        except BlockingIOError:
            pass

    def _run_calls(self) -> None:
        calls = self._calls
        for _ in range(len(calls)):
            calls.popleft()()

    def _run_timers(self) -> None:
        timers = self._timers
        if not timers:
            return
        now = self._clock()
        while timers and timers[0][0] <= now:
            handle = heapq.heappop(timers)[2]
            handle._waker = None  # out of the heap: a later cancel counts nothing
            if handle.cancelled:
                self._cancelled -= 1
            else:
                handle.callback()
