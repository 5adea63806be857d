"""Microprocesses: generators that a scheduler runs (1.x ``Axon.Microprocess``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Coroutine, Generator, Iterator
from typing import Any, ClassVar

from ._errors import AlreadyActivated
from ._ids import tupleId

__all__ = ["microprocess"]


class _NullScheduler:
    """The scheduler of a microprocess that is not running: waking or pausing it does nothing."""

    _thread_ident = None

    def _wake(self, mp: object) -> None:
        pass

    def wakeThread(self, mp: object, canActivate: bool = False) -> None:
        pass

    def pauseThread(self, mp: object) -> None:
        pass

    def isThreadPaused(self, mp: object) -> bool:
        return False

    @property
    def time(self) -> float:
        return time.time()


_nullscheduler = _NullScheduler()


def _finished_step() -> Any:
    raise StopIteration


class microprocess:
    """A generator the scheduler runs, one step (one ``yield``) at a time.

    ``microprocess(thread=None, closeDownValue=0, tag="")``: ``thread`` is a
    generator to run instead of ``main()``; ``closeDownValue`` is what
    ``_closeDownMicroprocess`` returns (a ``reactivate`` or
    ``shutdownMicroprocess`` message the scheduler acts on when it ends).
    """

    schedulerClass: ClassVar[Any] = None
    trackerClass: ClassVar[Any] = None

    # Defaults live on the class so a microprocess that never changes them
    # carries no per-instance entry: 100 000 idle components stay small.
    init = 1
    closeDownValue: Any = 0
    scheduler: Any = _nullscheduler
    _stopped = False
    _sleeping = False  # True only while it waits, off the run queue, for a wake
    _pause_requested = False  # set by pause() during a step, acted on after it
    _next: Callable[[], Any] | None = None  # one step; None when not running
    _outer: list[Callable[[], Any]] | None = None  # steps suspended by WaitComplete
    _thread: Iterator[Any] | None = None
    _failure_handler: Callable[[Any, BaseException], object] | None = None
    _failure_handler_adopts = False  # also given to the components this one adopts
    failure: BaseException | None = None

    def __init__(
        self, thread: Iterator[Any] | None = None, closeDownValue: Any = 0, tag: str = ""
    ) -> None:
        self.id, self.name = tupleId(self)
        # The scheduler reads and writes these on every step: made here, in the
        # same order for every instance, CPython keeps them in a fast shared-key layout.
        self._sleeping = False
        self._pause_requested = False
        self._next = None
        if tag:
            self.name += tag
        if thread is not None:
            self._thread = thread
        if closeDownValue != 0:
            self.closeDownValue = closeDownValue

    @classmethod
    def setSchedulerClass(cls, newSchedulerClass: Any) -> None:
        cls.schedulerClass = newSchedulerClass

    @classmethod
    def setTrackerClass(cls, newTrackerClass: Any) -> None:
        cls.trackerClass = newTrackerClass

    @property
    def tracker(self) -> Any:
        """The coordinating assistant tracker (the process-wide one unless set)."""
        tracker = self.__dict__.get("_tracker")
        if tracker is None:
            from ._cat import coordinatingassistanttracker

            tracker = coordinatingassistanttracker.getcat()
        return tracker

    @tracker.setter
    def tracker(self, value: Any) -> None:
        self.__dict__["_tracker"] = value

    def __str__(self) -> str:
        return f"{self.name} :{self.id} :{self.init} :{int(self._stopped)} :"

    # -- running ------------------------------------------------------------

    def main(self) -> Generator[Any, Any, Any]:
        """The body of the microprocess; override it with a generator."""
        yield 1

    def activate(
        self, Scheduler: Any = None, Tracker: Any = None, mainmethod: str = "main"
    ) -> microprocess:
        """Hand this microprocess to a scheduler (the default one unless given); returns self."""
        if self._next is not None:
            raise AlreadyActivated(f"{self.name} (id {self.id}) is already activated and running")
        body = self._thread if self._thread is not None else getattr(self, mainmethod)()
        if isinstance(body, Coroutine):
            body.close()  # never started: closing it spares the "never awaited" warning
            raise TypeError(
                f"{type(self).__name__}.{mainmethod}() is an 'async def' coroutine function: "
                "Axon runs generators, not coroutines. Write main() as a generator "
                "('yield 1' ends a timeslice); to wait for a coroutine inside it, "
                "'result = yield Axon.aio.Await(coroutine)'"
            )
        if not hasattr(body, "__next__"):
            raise TypeError(
                f"{type(self).__name__}.{mainmethod}() returned {body!r}, not a generator: "
                "a component's main() must contain at least one 'yield'"
            )
        if Tracker is not None:
            self.tracker = Tracker
        self._stopped = False
        self._next = body.__next__
        if Scheduler is None:
            # The scheduler running here, else the class's default (a stand-in class may
            # offer only ``run``, as in 1.x).
            target = getattr(self.schedulerClass, "_activation_target", None)
            Scheduler = target() if target is not None else self.schedulerClass.run
        self.scheduler = Scheduler
        self.scheduler._addThread(self)
        return self

    def next(self) -> Any:
        """Run one step by hand; raises StopIteration when the body has finished."""
        if self._next is None:
            raise StopIteration
        return self._next()

    __next__ = next

    def __iter__(self) -> microprocess:
        return self

    def run(self) -> None:
        """Activate on the default scheduler and run it until every microprocess has finished."""
        self.activate()
        self.schedulerClass.run.runThreads()

    # -- stopping, pausing, waking ---------------------------------------

    def _isStopped(self) -> bool:
        return bool(self._stopped)

    def _isRunnable(self) -> bool:
        return not self.scheduler.isThreadPaused(self)

    def stop(self) -> None:
        """Stop: the body is not run again (the scheduler finishes it off at once)."""
        self._stopped = True
        if self._next is not None:
            self._next = _finished_step
            self._outer = None
            self.scheduler.wakeThread(self)

    def pause(self) -> None:
        """Sleep after the current step until something wakes this microprocess."""
        self._pause_requested = True

    def unpause(self) -> None:
        """Wake this microprocess (safe to call from any thread)."""
        self.scheduler.wakeThread(self)

    def _unpause(self) -> None:
        """Deprecated 1.x name of ``unpause``."""
        self.unpause()

    def set_failure_handler(
        self,
        handler: Callable[[Any, BaseException], object] | None,
        *,
        children: bool = False,
    ) -> None:
        """On a crash, call ``handler(self, error)`` instead of ending the scheduler's run.

        The microprocess is then finished as if it had ended (its closedown
        runs, so parents are woken) and ``self.failure`` holds the error.
        Supervisors use this. With ``children=True`` the handler also covers
        every component this one adopts with ``addChildren`` (and they, in
        turn, theirs) unless it has a handler of its own; the handler is then
        called with the component that crashed.
        """
        self._failure_handler = handler
        self._failure_handler_adopts = children

    def _closeDownMicroprocess(self) -> Any:
        """Called by the scheduler once the body has ended; returns closeDownValue."""
        return self.closeDownValue
