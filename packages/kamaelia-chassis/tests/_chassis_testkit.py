"""Small helpers shared by the chassis and Util component tests.

Each test runs its system on a fresh scheduler, with a deadline: a system
that hangs fails with TimeoutError instead of hanging the test run.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.Scheduler import scheduler

STOPS = (producerFinished, shutdownMicroprocess)


def run(*components: Any, timeout: float = 5.0) -> scheduler:
    """Run ``components`` on a fresh scheduler until all finish (TimeoutError after ``timeout``)."""
    sched = scheduler()
    timed_out: list[bool] = []

    def expire() -> None:
        timed_out.append(True)
        sched.stop()

    for comp in components:
        comp.activate(Scheduler=sched)
    handle = sched.call_later(timeout, expire)
    try:
        sched.runThreads()
    finally:
        handle.cancel()
    if timed_out:
        names = ", ".join(type(c).__name__ for c in components)
        raise TimeoutError(f"system ({names}) still running after {timeout}s")
    return sched


class Feeder(component):
    """Sends ``items`` — (box, message) pairs — one per scheduler slice, then idles.

    With ``finish=True`` it ends after the last item; otherwise it waits
    for anything on its control inbox (so it does not end the run early).
    """

    def __init__(self, items: list[tuple[str, Any]], finish: bool = True, delay: int = 0) -> None:
        super().__init__()
        self.items = list(items)
        self.finish = finish
        self.delay = delay

    def main(self):
        for _ in range(self.delay):
            yield 1
        for box, msg in self.items:
            self.send(msg, box)
            yield 1
        while not self.finish and not self.dataReady("control"):
            self.pause()
            yield 1


class Collector(component):
    """Records (box, message) for everything arriving on inbox and control.

    It ends once a producerFinished/shutdownMicroprocess arrives on control
    (or after ``stop_after`` inbox messages, if given).
    """

    def __init__(self, stop_after: int | None = None, until: Any = None) -> None:
        super().__init__()
        self.events: list[tuple[str, Any]] = []
        self.stop_after = stop_after
        self.until = until  # an inbox message that ends it; shutdowns are then just recorded

    @property
    def data(self) -> list[Any]:
        return [m for box, m in self.events if box == "inbox"]

    @property
    def signals(self) -> list[Any]:
        return [m for box, m in self.events if box == "control"]

    def main(self):
        while True:
            while self.dataReady("inbox"):
                self.events.append(("inbox", self.recv("inbox")))
                if self.until is not None and self.events[-1][1] == self.until:
                    return
                if self.stop_after is not None and len(self.data) >= self.stop_after:
                    return
            while self.dataReady("control"):
                msg = self.recv("control")
                self.events.append(("control", msg))
                if self.until is None and (isinstance(msg, STOPS) or msg is shutdownMicroprocess):
                    while self.dataReady("inbox"):
                        self.events.append(("inbox", self.recv("inbox")))
                    return
            self.pause()
            yield 1


def drive(
    comp: Any,
    inbox: list[Any] = (),
    control: list[Any] = (),
    *,
    boxes=("outbox", "signal"),
    timeout: float = 5.0,
    extra: tuple[Any, ...] = (),
) -> Collector:
    """Feed ``comp``'s inbox then control, collect its outbox and signal; run to the end."""
    items = [("outbox", m) for m in inbox] + [("signal", m) for m in control]
    feeder = Feeder(items)
    sink = Collector()
    feeder.link((feeder, "outbox"), (comp, "inbox"))
    feeder.link((feeder, "signal"), (comp, "control"))
    sink.link((comp, boxes[0]), (sink, "inbox"))
    sink.link((comp, boxes[1]), (sink, "control"))
    run(feeder, comp, sink, *extra, timeout=timeout)
    return sink


@contextlib.contextmanager
def crash(exc_type: type[BaseException], match: str) -> Iterator[None]:
    """Expect a component's ``exc_type`` (matching ``match``) to end the run, as itself."""
    with pytest.raises(exc_type, match=match):
        yield
