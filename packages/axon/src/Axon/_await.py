"""``Await``: a component waits for an asyncio awaitable without blocking the others.

``result = yield Await(coro, timeout=5)`` pauses the component until the
awaitable, run as a task on the loop, is done; the result is what ``yield``
returns, an exception is raised at the ``yield``. Stopping the system
cancels the task.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from . import _scheduler
from ._errors import YieldedValueError
from ._loopwaker import LoopWaker

__all__ = ["Await"]


class Await:
    """Yield this to wait for ``awaitable`` (``timeout`` seconds at most: asyncio.TimeoutError)."""

    __slots__ = ("awaitable", "timeout")

    def __init__(self, awaitable: Awaitable[Any], timeout: float | None = None) -> None:
        self.awaitable = awaitable
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"Await({self.awaitable!r}, timeout={self.timeout!r})"


class _Waiting:
    """Stands in for a component's generator while its Await is outstanding.

    The scheduler calls ``__next__`` if the component is woken early (a
    message arrived): it goes back to sleep. When the task is done, ``resume``
    hands its outcome to the generator. ``close`` (called when the scheduler
    stops everything, or when the component closes down after ``stop()``)
    cancels the task.
    """

    __slots__ = ("closedown", "generator", "mp", "step", "task", "waker")

    def __init__(
        self, mp: Any, step: Callable[[], Any], task: asyncio.Future[Any], waker: LoopWaker
    ):
        self.mp, self.step, self.task, self.waker = mp, step, task, waker
        self.generator = step.__self__  # type: ignore[attr-defined]
        # A component runs these callbacks when it closes down (a microprocess has none).
        self.closedown: list[Callable[[], object]] | None = getattr(mp, "_callOnCloseDown", None)
        if self.closedown is not None:
            self.closedown.append(self.close)

    def __next__(self) -> None:
        self.mp._pause_requested = True

    def done(self, task: asyncio.Future[Any]) -> None:
        mp = self.mp
        if self.closedown is not None and self.close in self.closedown:
            self.closedown.remove(self.close)
        if getattr(mp._next, "__self__", None) is not self:
            # The component was stopped while it waited: nothing will resume it.
            self.generator.close()
            return
        mp._next = self.resume
        mp.unpause()
        self.waker.kick()

    def resume(self) -> Any:
        self.mp._next = self.step
        try:
            result = self.task.result()
        except BaseException as error:
            return self.generator.throw(error)
        return self.generator.send(result)

    def close(self) -> None:
        self.task.cancel()
        self.generator.close()


def _on_await(sched: Any, mp: Any, value: Await) -> None:
    waker = sched._waker
    if not isinstance(waker, LoopWaker):
        raise YieldedValueError(
            f"{mp.name} yielded {value!r}, which needs the system to run inside asyncio: "
            "use 'await Axon.aio.run(system)' instead of system.run()"
        )
    step = mp._next
    if not hasattr(getattr(step, "__self__", None), "send"):
        raise YieldedValueError(
            f"{mp.name} yielded {value!r} from something that is not a generator"
        )
    awaitable = value.awaitable
    if value.timeout is not None:
        awaitable = asyncio.wait_for(awaitable, value.timeout)
    task = asyncio.ensure_future(awaitable)
    waiting = _Waiting(mp, step, task, waker)
    mp._next = waiting.__next__
    mp._pause_requested = True
    task.add_done_callback(waiting.done)


_scheduler._YIELD_HANDLERS[Await] = _on_await
