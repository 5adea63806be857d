"""A ``Waker`` on a running asyncio event loop, and the coroutine that drives a scheduler on it.

The scheduler runs in the loop's thread, a batch of rounds per turn: timers
become ``loop.call_at``, watched files ``loop.add_reader``/``add_writer``,
calls from other threads ``loop.call_soon_threadsafe``. When nothing is
runnable the driver awaits a future that any of those resolves: no extra
thread and no polling.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import selectors
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator
from typing import Any

from ._ipc import shutdownMicroprocess
from ._scheduler import scheduler

__all__ = ["LoopWaker", "drive", "loop_waker", "wake"]

log = logging.getLogger("Axon.aio")

#: How long the scheduler runs rounds before it gives the loop a turn (seconds).
#: Longer than two of CPython's GIL switch intervals (5 ms): each turn of the loop
#: releases the GIL for a moment (its select), and a thread waiting for the GIL is
#: only given it by force once a whole interval passes with no release at all; with
#: shorter turns a busy system could starve every other thread (one waited 10 s).
TURN = 2.5 * sys.getswitchinterval()
#: Cycles a system gets to act on shutdownMicroprocess when its task is cancelled.
GRACE_CYCLES = 100


class LoopWaker:
    """The ``Waker`` of a scheduler that runs inside the asyncio loop ``loop``."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._thread: int | None = None  # the loop's thread, known once a run starts in it
        self._calls: deque[Callable[[], object]] = deque()
        self._watched: dict[Any, int] = {}
        self._waiter: asyncio.Future[None] | None = None
        self._wants_wait = False
        self._turn_ends = 0.0
        self._error: BaseException | None = None

    # -- the Waker protocol --------------------------------------------------

    def call_later(self, delay: float, callback: Callable[[], object]) -> asyncio.TimerHandle:
        loop = self._loop
        return loop.call_at(loop.time() + max(0.0, delay), self._run, callback)

    def call_soon_threadsafe(self, callback: Callable[[], object]) -> None:
        self._calls.append(callback)
        if threading.get_ident() == self._thread:
            self._loop.call_soon(self._run_calls)
            return
        # A loop that has closed has nobody left to wake.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._run_calls)

    def watch_io(self, fileobj: Any, events: int, callback: Callable[[Any, int], object]) -> None:
        self.unwatch_io(fileobj)
        loop = self._loop
        if events & selectors.EVENT_READ:
            loop.add_reader(fileobj, self._run, callback, fileobj, selectors.EVENT_READ)
        if events & selectors.EVENT_WRITE:
            loop.add_writer(fileobj, self._run, callback, fileobj, selectors.EVENT_WRITE)
        self._watched[fileobj] = events

    def unwatch_io(self, fileobj: Any) -> None:
        events = self._watched.pop(fileobj, 0)
        if events & selectors.EVENT_READ:
            self._loop.remove_reader(fileobj)
        if events & selectors.EVENT_WRITE:
            self._loop.remove_writer(fileobj)

    def has_work(self) -> bool:
        # The loop runs timers, I/O and calls itself; the scheduler only has to
        # stop its rounds when its turn is over, so that the loop's tasks run too.
        return time.monotonic() >= self._turn_ends

    def pending(self) -> bool:
        return bool(self._calls)

    def run_due(self, block: bool) -> None:
        # Nothing may block the loop's thread: the driver awaits instead.
        if block:
            self._wants_wait = True

    def close(self) -> None:
        for fileobj in list(self._watched):
            self.unwatch_io(fileobj)

    # -- for the driver and the asyncio adapters --------------------------------

    def kick(self) -> None:
        """Something may have become runnable: end the driver's wait, if it waits."""
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _run(self, callback: Callable[..., object], *args: Any) -> None:
        try:
            callback(*args)
        except BaseException as error:  # raised from the driver, as runThreads would
            self._error = self._error or error
        self.kick()

    def _run_calls(self) -> None:
        calls = self._calls
        for _ in range(len(calls)):
            self._run(calls.popleft())

    async def _turn(self) -> None:
        """Give the loop a turn: wait for a wake-up if the scheduler asked to, else yield once.

        Raises what a callback run by the loop meanwhile raised.
        """
        if self._wants_wait and not self._calls:
            self._waiter = self._loop.create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        else:
            await asyncio.sleep(0)
        self._wants_wait = False
        self._turn_ends = time.monotonic() + TURN
        if self._error is not None:
            error, self._error = self._error, None
            raise error


def loop_waker(mp: Any) -> LoopWaker:
    """The LoopWaker of the scheduler running ``mp``; a clear error if it runs standalone."""
    waker = getattr(mp.scheduler, "_waker", None)
    if not isinstance(waker, LoopWaker):
        raise RuntimeError(
            f"{mp.name} uses asyncio, so it must run inside an asyncio loop: "
            "await Axon.aio.run(system) instead of system.run()"
        )
    return waker


def wake(mp: Any) -> None:
    """Wake ``mp`` from asyncio code running in the loop (a done-callback, a task)."""
    waker = getattr(mp.scheduler, "_waker", None)  # none once mp has finished
    mp.unpause()
    if isinstance(waker, LoopWaker):
        waker.kick()


def _cycle(cycles: Generator[int, None, None]) -> bool:
    """Run one cycle of the scheduler; False once it has nothing left to run."""
    return next(cycles, None) is not None


async def drive(sched: scheduler, waker: LoopWaker, systems: tuple[Any, ...]) -> None:
    """Run ``sched`` on the current loop until it has nothing left; cancelling stops it."""
    waker._thread = threading.get_ident()
    cycles = sched.main(canblock=True)
    try:
        waker._turn_ends = time.monotonic() + TURN
        while _cycle(cycles):
            await waker._turn()
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt):
            sched._warn_interrupted()
        _shut_down(sched, cycles, systems)
        raise
    finally:
        cycles.close()
        waker.close()


def _shut_down(
    sched: scheduler, cycles: Generator[int, None, None], systems: tuple[Any, ...]
) -> None:
    """Send the systems shutdownMicroprocess, let them act on it briefly, then stop the rest.

    The error that ended the run is on its way out: one raised here is logged, not lost.
    """
    try:
        if sched._thread_ident is not None:  # the cycles can still run
            for system in systems:
                if "control" in getattr(system, "inboxes", ()):
                    system.deliver(shutdownMicroprocess(), "control")
            for _ in range(GRACE_CYCLES):
                if not sched._runqueue or not _cycle(cycles):
                    break
    except Exception:
        log.exception("a component failed while shutting down")
    sched.stop()  # at the next cycle, or at once if the cycles have ended
    try:
        for _ in cycles:
            pass
    except Exception:
        log.exception("a component failed while being stopped")
