"""Running components under test, with timeouts instead of hangs."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Mapping
from typing import Any

from .._adaptive import AdaptiveCommsComponent
from .._instrument import Instrument
from .._scheduler import scheduler

__all__ = ["StepScheduler", "run_component", "run_system"]


class _Collector(AdaptiveCommsComponent):
    """Never runs: its inboxes just keep what a component under test sends."""

    Inboxes: dict[str, str] = {}
    Outboxes: dict[str, str] = {}


class _StopWhenFinished(Instrument):
    """Instrument: stop the scheduler once every watched microprocess has finished."""

    def __init__(self, sched: scheduler, watched: Iterable[Any]) -> None:
        self.sched = sched
        self.waiting = set(watched)

    def finished(self, mp: Any, error: BaseException | None) -> None:
        self.waiting.discard(mp)
        if not self.waiting:
            self.sched.stop()


def _describe(components: Iterable[Any]) -> str:
    return ", ".join(f"{type(c).__name__} (id {c.id})" for c in components)


def _run_until_finished(sched: scheduler, components: list[Any], timeout: float) -> None:
    watcher = _StopWhenFinished(sched, components)
    sched.add_instrument(watcher)
    timed_out: list[bool] = []

    def give_up() -> None:
        timed_out.append(True)
        sched.stop()

    timer = sched.call_later(timeout, give_up)
    try:
        for component in components:
            component.activate(Scheduler=sched)
        sched.runThreads()
    finally:
        timer.cancel()
        sched.remove_instrument(watcher)
    if timed_out:
        raise TimeoutError(
            f"still running after {timeout} s: {_describe(watcher.waiting)} "
            "(does it handle producerFinished/shutdownMicroprocess on 'control', and pause when idle?)"
        )


def run_component(
    component: Any, inputs: Mapping[str, Iterable[Any]] | None = None, timeout: float = 5.0
) -> dict[str, list[Any]]:
    """Feed ``inputs`` (inbox name -> messages) to ``component``, run it to its end on a
    fresh scheduler, and return what it sent, by outbox name (private "_" outboxes are skipped).

    Raises TimeoutError (naming the component) if it has not finished after
    ``timeout`` seconds; a crash of the component leaves as its own exception.
    """
    for boxname, messages in (inputs or {}).items():
        for message in messages:
            component.deliver(message, boxname)
    collector = _Collector()
    for boxname in component.outboxes:
        if boxname.startswith("_"):
            continue  # private: the component links these itself
        collector.link((component, boxname), (collector, collector.addInbox(boxname)))
    _run_until_finished(scheduler(), [component], timeout)
    return {name: list(box._queue or ()) for name, box in collector.inboxes.items()}


def run_system(*components: Any, timeout: float = 5.0) -> None:
    """Activate ``components`` on a fresh scheduler and run until all have finished.

    Anything they started that is still running then is stopped. Raises
    TimeoutError naming the ones still running after ``timeout`` seconds.
    """
    _run_until_finished(scheduler(), list(components), timeout)


class StepScheduler(scheduler):
    """A scheduler you run by hand, one cycle at a time, never blocking."""

    def __init__(self) -> None:
        super().__init__()
        self._cycles: Generator[int, None, None] | None = None

    def step(self, cycles: int = 1) -> bool:
        """Run ``cycles`` cycles; False once nothing is left to run."""
        if self._cycles is None:
            self._cycles = self.main(canblock=False)
        for _ in range(cycles):
            if next(self._cycles, None) is None:
                self._cycles = None
                return False
        return True

    def run_until_idle(self, max_cycles: int = 10_000) -> int:
        """Step until nothing is runnable (all asleep or finished); returns the cycles run.

        Raises RuntimeError if still busy after ``max_cycles``.
        """
        for cycle in range(1, max_cycles + 1):
            if not self.step() or not (self._runqueue or self._waker.pending()):
                return cycle
        raise RuntimeError(f"still busy after {max_cycles} cycles: {_describe(self._runqueue)}")
