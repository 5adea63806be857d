"""The scheduler: a run queue of runnable microprocesses, and a wait when there are none.

Only runnable microprocesses are in the run queue; a paused one costs
nothing until a delivery (or ``unpause``) puts it back, in O(1). When
nothing is runnable the scheduler blocks in its ``Waker`` until a timer, a
watched file or another thread wakes it.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import types
import warnings
from collections import deque
from collections.abc import Callable, Generator
from typing import Any, ClassVar

from . import _microprocess
from ._errors import YieldedValueError, describe_component
from ._instrument import Instrument
from ._ipc import WaitComplete, newComponent, reactivate, shutdownMicroprocess
from ._microprocess import _nullscheduler, microprocess
from ._waker import Cancellable, SelectorWaker, Waker

__all__ = ["running_scheduler", "scheduler"]

log = logging.getLogger("Axon.scheduler")
_running = threading.local()  # the scheduler whose loop runs in this thread, if any


def running_scheduler() -> scheduler | None:
    """The scheduler running in the calling thread (None outside any run)."""
    return getattr(_running, "scheduler", None)


# -- what a microprocess may yield: one handler per kind of value ----------
# Any value not in this table (1, None, True, ...) just ends the timeslice.


def _on_new_component(sched: scheduler, mp: microprocess, value: newComponent) -> None:
    for component in value.components():
        if not isinstance(component, microprocess):
            raise YieldedValueError(
                f"{mp.name} yielded newComponent({component!r}): it needs component instances"
                + (
                    " (a class: did you forget the brackets?)"
                    if isinstance(component, type)
                    else ""
                )
            )
        component.activate(Scheduler=sched)


def _on_wait_complete(sched: scheduler, mp: microprocess, value: WaitComplete) -> None:
    body = value.generator
    if not hasattr(body, "__next__"):
        raise YieldedValueError(
            f"{mp.name} yielded WaitComplete({body!r}): it needs a generator object "
            "(call the generator function: WaitComplete(self.step()))"
        )
    assert mp._next is not None  # it is running: this is its step's yield
    if mp._outer is None:
        mp._outer = []
    mp._outer.append(mp._next)
    mp._next = body.__next__
    mp._pause_requested = False  # the waited-for generator starts at once, as in 1.x


def _on_mistake(sched: scheduler, mp: microprocess, value: Any) -> None:
    raise YieldedValueError(
        f"{mp.name} yielded {value!r}; Axon runs generators, not coroutines: "
        "use 'yield 1' to end a timeslice, or 'yield WaitComplete(generator)' to run a sub-step"
    )


_YIELD_HANDLERS: dict[type, Callable[[scheduler, microprocess, Any], None]] = {
    newComponent: _on_new_component,
    WaitComplete: _on_wait_complete,
    types.CoroutineType: _on_mistake,
    types.AsyncGeneratorType: _on_mistake,
}


class _Foreign(microprocess):
    """Runs an object that is not a microprocess but has ``next()``.

    The 1.x scheduler ran any such object (its own tests use stand-ins); the
    run queue holds this wrapper, so it only ever holds microprocesses.
    """

    def __init__(self, foreign: Any) -> None:
        super().__init__()
        self.foreign = foreign
        self._next = getattr(foreign, "__next__", None) or foreign.next
        self.name = str(getattr(foreign, "name", self.name))

    def stop(self) -> None:
        super().stop()
        stop = getattr(self.foreign, "stop", None)
        if stop is not None:
            stop()

    def _closeDownMicroprocess(self) -> Any:
        closedown = getattr(self.foreign, "_closeDownMicroprocess", None)
        return closedown() if closedown is not None else None


def _crash_line(mp: Any, error: BaseException) -> str:
    return f"{describe_component(mp)} failed: {type(error).__name__}: {error}"


def _close_generator(mp: Any, generator: Any) -> None:
    close = getattr(generator, "close", None)
    if close is None:
        return
    try:
        close()
    except Exception:
        log.exception("closing %s's generator while stopping raised", mp.name)


class scheduler(microprocess):
    """Runs microprocesses (1.x ``Axon.Scheduler.scheduler``).

    ``scheduler.run`` is the process-wide default: the first scheduler made.
    ``runThreads()`` runs until no microprocess is left, awake or asleep.
    ``waker`` (new in Kamaelia 2) is what it waits in when idle: a standalone
    ``SelectorWaker`` unless given (``Axon.aio`` passes one on an asyncio loop).
    """

    # 1.x names the default scheduler "run", hiding microprocess.run(); kept for compatibility.
    run: ClassVar[scheduler]  # type: ignore[assignment]
    wait_for_one = False
    _immortal = False

    def __init__(self, waker: Waker | None = None, **argd: Any) -> None:
        super().__init__()
        if getattr(scheduler, "run", None) is None:
            scheduler.run = self
        self.__dict__.update(argd)
        self._runqueue: deque[microprocess] = deque()
        self._all: dict[microprocess, None] = {}  # every activated microprocess not yet finished
        self._foreign: dict[Any, _Foreign] = {}  # the wrapper of each foreign one in _all
        self._waker: Waker = waker if waker is not None else SelectorWaker()
        self._thread_ident: int | None = None
        self._stop_requested = False
        self._instruments: list[Instrument] = []
        self._crashes: list[tuple[microprocess, Exception]] = []  # raised at the end of the round
        self._requests: deque[tuple[Any, bool]] = deque()  # wakes from outside the loop

    # -- the 1.x scheduler API -------------------------------------------

    def _addThread(self, mp: Any) -> None:
        self.wakeThread(mp, canActivate=True)

    def wakeThread(self, mp: Any, canActivate: bool = False) -> None:
        """Make ``mp`` runnable; ``canActivate`` admits one not yet known. Thread-safe."""
        if self._thread_ident != threading.get_ident():
            # Not from inside this scheduler's run (another thread, or before it runs):
            # queue it, as 1.x did; the loop picks it up on its next cycle.
            requests = self._requests
            requests.append((mp, canActivate))
            if len(requests) == 1:  # the first of a batch asks for one drain
                self._waker.call_soon_threadsafe(self._drain_requests)
        else:
            self._wake_here(mp, canActivate)

    def _own(self, mp: Any) -> Any:
        """The microprocess this scheduler runs for ``mp`` (its wrapper, if foreign)."""
        return mp if isinstance(mp, microprocess) else self._foreign.get(mp, mp)

    def _wake_here(self, mp: Any, canActivate: bool) -> None:
        mp = self._own(mp)
        if mp in self._all:
            if mp._sleeping:
                self._wake(mp)
            else:
                mp._pause_requested = False  # a wake during a step beats a pause
        elif canActivate:
            self._admit(mp)

    def _drain_requests(self) -> None:
        requests = self._requests
        while requests:  # runs in the loop: no need to ask which thread this is
            self._wake_here(*requests.popleft())

    def pauseThread(self, mp: Any) -> None:
        mp = self._own(mp)
        if mp in self._all:
            mp._pause_requested = True

    def isThreadPaused(self, mp: Any) -> bool:
        """True when ``mp`` sleeps, or is not known to this scheduler."""
        mp = self._own(mp)
        return mp not in self._all or mp._sleeping

    def listAllThreads(self) -> list[Any]:
        return [mp.foreign if isinstance(mp, _Foreign) else mp for mp in self._all]

    def waitForOne(self) -> None:
        """Keep running, with nothing to run, until the first microprocess is activated."""
        self.wait_for_one = True

    @classmethod
    def immortalise(cls) -> None:
        """Policy: a crashing microprocess is logged and removed; the rest run on."""
        cls._immortal = True

    @classmethod
    def mortalise(cls) -> None:
        """Policy (the default): a crashing microprocess ends ``runThreads`` with its exception."""
        cls._immortal = False

    def stop(self) -> None:
        """Stop every microprocess at the end of the current cycle; ``runThreads`` then returns.

        Unlike 1.x, the scheduler can run again afterwards. Safe from any thread;
        when the scheduler is not running, everything is stopped at once.
        """
        if self._thread_ident is None:
            self._stop_all()
            return
        self._stop_requested = True
        self._waker.call_soon_threadsafe(lambda: None)

    def runThreads(self, slowmo: float = 0) -> None:
        """Run until no microprocess is left; ``slowmo`` sleeps that long before every pass."""
        _warn_if_blocking_asyncio()
        outer = getattr(_running, "scheduler", None)
        _running.scheduler = self  # for the whole run, so a signal handler always finds it
        try:
            for _ in self.main(slowmo, canblock=True):
                pass
        except KeyboardInterrupt:
            self._warn_interrupted()
            raise
        finally:
            _running.scheduler = outer

    def _warn_interrupted(self) -> None:
        """Log what Ctrl-C cut short, for the one reading the traceback."""
        alive = self.listAllThreads()
        if alive:
            log.warning(
                "interrupted (Ctrl-C) with %d still running: %s",
                len(alive),
                ", ".join(f"{type(mp).__name__} (id {mp.id})" for mp in alive),
            )

    @property
    def time(self) -> float:
        """Wall-clock time now (1.x components read ``self.scheduler.time``)."""
        return time.time()

    @staticmethod
    def _activation_target() -> scheduler:
        """Where ``activate()`` with no scheduler goes: the one running here, else the default."""
        return running_scheduler() or scheduler.run

    # -- services for components (new in Kamaelia 2) ---------------------

    def call_later(self, delay: float, callback: Callable[[], object]) -> Cancellable:
        """Run ``callback()`` in the scheduler thread after ``delay`` seconds."""
        return self._waker.call_later(delay, callback)

    def call_soon_threadsafe(self, callback: Callable[[], object]) -> None:
        """Run ``callback()`` in the scheduler thread soon; callable from any thread."""
        self._waker.call_soon_threadsafe(callback)

    def watch_io(self, fileobj: Any, events: int, callback: Callable[[Any, int], object]) -> None:
        """Call ``callback(fileobj, mask)`` in the scheduler thread when ``fileobj`` is ready."""
        self._waker.watch_io(fileobj, events, callback)

    def unwatch_io(self, fileobj: Any) -> None:
        """Stop watching ``fileobj`` (no error if it was not watched)."""
        self._waker.unwatch_io(fileobj)

    def add_instrument(self, instrument: Instrument) -> None:
        """Call ``instrument``'s hooks (see ``Axon.introspection.Instrument``) as microprocesses run."""
        self._instruments.append(instrument)

    def remove_instrument(self, instrument: Instrument) -> None:
        self._instruments.remove(instrument)

    # -- the loop ----------------------------------------------------------

    def main(self, slowmo: float = 0, canblock: bool = False) -> Generator[int, None, None]:
        outer = getattr(_running, "scheduler", None)
        self._thread_ident = threading.get_ident()
        waker = self._waker
        try:
            while True:
                _running.scheduler = self  # set per cycle: a nested scheduler may run between
                if slowmo:
                    time.sleep(slowmo)  # before the cycle, as in 1.x
                if self._stop_requested:
                    self._stop_all()
                    return
                if self._runqueue:
                    self._rounds(keep_going=canblock and not slowmo)  # slowmo: a nap per pass
                if waker.has_work():
                    waker.run_due(block=False)
                if not self._runqueue and not self._stop_requested:
                    if not self._all and not self.wait_for_one and not waker.pending():
                        return
                    if canblock:
                        waker.run_due(block=True)
                _running.scheduler = outer
                yield 1
        finally:
            self._thread_ident = None
            _running.scheduler = outer

    def _rounds(self, keep_going: bool) -> None:
        """Run a round: one step for each microprocess runnable when it starts.

        With ``keep_going`` (runThreads), start the next round at once while
        nothing but components (no thread's call, timer, I/O or stop) needs a look.
        """
        runqueue = self._runqueue
        popleft, requeue = runqueue.popleft, runqueue.append
        handlers = _YIELD_HANDLERS
        instruments = self._instruments
        crashes = self._crashes
        has_work = self._waker.has_work
        while True:
            # Popping one at a time leaves the rest queued if a KeyboardInterrupt
            # escapes mid-round; wakes during the round queue up for the next one.
            left = len(runqueue)
            while left:  # cheaper than a range per round when rounds are one step long
                left -= 1
                mp = popleft()
                try:
                    value = mp._next()  # type: ignore[misc]  # None only once finished
                except StopIteration:
                    self._body_ended(mp)
                    continue
                except BaseException as error:
                    self._crashed(mp, error)
                    continue
                if value.__class__ in handlers:
                    try:
                        handlers[value.__class__](self, mp, value)
                    except Exception as error:
                        self._crashed(mp, error)
                        continue
                if instruments:
                    self._notify("stepped", mp, value)
                if mp._pause_requested:
                    mp._pause_requested = False
                    mp._sleeping = True
                    if instruments:
                        self._notify("paused", mp)
                else:
                    requeue(mp)
            if crashes:
                self._raise_first_crash()
            if not (keep_going and runqueue) or self._stop_requested or has_work():
                return

    def _wake(self, mp: microprocess) -> None:
        """Put a sleeping ``mp`` back on the run queue (scheduler thread only)."""
        mp._sleeping = False
        self._runqueue.append(mp)

    def _admit(self, mp: Any) -> None:
        if not isinstance(mp, microprocess):
            wrapper = self._foreign[mp] = _Foreign(mp)  # keyed by the object 1.x code holds
            mp = wrapper
        self._all[mp] = None
        self.wait_for_one = False
        mp._sleeping = False
        self._runqueue.append(mp)
        if self._instruments:
            self._notify("activated", mp)

    def _body_ended(self, mp: microprocess) -> None:
        if mp._outer:  # a WaitComplete generator ended: resume what waited for it
            mp._next = mp._outer.pop()
            self._runqueue.append(mp)
        else:
            self._finish(mp)

    def _crashed(self, mp: microprocess, error: BaseException) -> None:
        mp.failure = error
        self._finish(mp, error)
        if not isinstance(error, Exception):
            raise error  # KeyboardInterrupt, SystemExit: not a component's failure
        if mp._failure_handler is not None:
            mp._failure_handler(mp, error)
        elif self._immortal:
            log.error("%s; it was removed", _crash_line(mp, error), exc_info=error)
        else:
            self._crashes.append((mp, error))

    def _raise_first_crash(self) -> None:
        """End the run with the first crash of the round: the component's own exception.

        1.x code catches it by type around ``runThreads()``, so it is not
        wrapped. The component is named in a note on it (3.11+: tracebacks
        show it) and in a log line: at ERROR on 3.10, where the note cannot
        show, at DEBUG otherwise (1.x programs that catch it stay quiet).
        """
        (mp, error), *others = self._crashes
        self._crashes.clear()
        for other, other_error in others:
            log.error("%s as well", _crash_line(other, other_error), exc_info=other_error)
        note = f"raised in {describe_component(mp)}"
        level = logging.ERROR
        if hasattr(error, "add_note"):
            level = logging.DEBUG
            if note not in getattr(error, "__notes__", ()):
                error.add_note(note)
        log.log(level, "%s; it ends the run", _crash_line(mp, error))
        raise error

    def _finish(self, mp: microprocess, error: BaseException | None = None) -> None:
        """Retire a microprocess whose body has ended: stop it, run its closedown, act on it."""
        self._all.pop(mp, None)
        if isinstance(mp, _Foreign):
            self._foreign.pop(mp.foreign, None)
        mp._next = None
        mp._outer = None
        mp._sleeping = False
        mp.stop()  # components override stop() to release what they hold
        knockon = mp._closeDownMicroprocess()
        mp.scheduler = _nullscheduler
        if self._instruments:
            self._notify("finished", mp, error)
        if isinstance(knockon, reactivate):
            self.wakeThread(knockon.original, canActivate=True)
        elif isinstance(knockon, shutdownMicroprocess):
            for other in knockon.microprocesses():
                other.stop()

    def _stop_all(self) -> None:
        self._stop_requested = False
        everything = list(self._all)
        self._all.clear()
        self._foreign.clear()
        self._runqueue.clear()
        for mp in everything:
            steps = [*(mp._outer or ()), mp._next]
            mp._next = None
            mp._outer = None
            mp._sleeping = False
            for step in reversed(steps):  # innermost first, so `finally` blocks run
                _close_generator(mp, getattr(step, "__self__", None))
            mp.stop()
            mp.scheduler = _nullscheduler

    def _notify(self, hook: str, *args: Any) -> None:
        for instrument in self._instruments:
            method = getattr(instrument, hook, None)
            if method is not None:
                method(*args)


def _warn_if_blocking_asyncio() -> None:
    """``runThreads()`` inside a running asyncio loop stops that loop until it returns: say so.

    Only a warning: a notebook's cell runs inside a loop, and blocking it there is
    what the user asked for.
    """
    asyncio = sys.modules.get("asyncio")  # not imported: no loop can be running
    if asyncio is None:
        return
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    warnings.warn(
        "runThreads() is blocking the asyncio event loop running in this thread: its "
        "tasks and callbacks wait until every component has finished. To run the "
        "components beside them, 'await Axon.aio.run(system)' instead",
        RuntimeWarning,
        stacklevel=3,
    )


_microprocess.microprocess.setSchedulerClass(scheduler)
scheduler.run = None  # type: ignore[assignment]
scheduler()  # the process-wide default, scheduler.run
