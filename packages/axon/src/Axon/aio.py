"""Kamaelia and asyncio in one program (new in Kamaelia 2).

``await Axon.aio.run(system)`` runs components inside the running asyncio
loop, on its thread: their timers, watched files and wake-ups become the
loop's. Components wait for coroutines with ``result = yield Await(coro)``;
``AsyncSource``, ``AsyncTransformer`` and ``AsyncSink`` make components from
async code; ``AsyncHandle`` lets coroutines put messages into a component
and get what it sends. ``component.run()`` is unchanged: this mode is opt-in.
"""

from __future__ import annotations

import asyncio
from typing import Any

from . import _scheduler
from ._aio_adapters import AsyncSink, AsyncSource, AsyncTransformer
from ._aio_handle import AsyncHandle
from ._await import Await
from ._loopwaker import LoopWaker
from ._loopwaker import drive as _drive

__all__ = [
    "AsyncHandle",
    "AsyncSink",
    "AsyncSource",
    "AsyncTransformer",
    "Await",
    "LoopWaker",
    "run",
]


async def run(*systems: Any, scheduler: _scheduler.scheduler | None = None) -> None:
    """Run ``systems`` on the running loop, in its thread, until everything has finished.

    The systems (components, activated here) get a scheduler of their own,
    and what they start runs in it too. With no systems, run ``scheduler``
    (default: ``scheduler.run``, where plain ``activate()`` puts components),
    as ``runThreads()`` would. Cancelling the task sends each system
    shutdownMicroprocess on "control", lets them act on it briefly, then stops
    every component (``finally`` blocks run). A component's exception comes
    out of the ``await``.
    """
    loop = asyncio.get_running_loop()
    if systems:
        sched = scheduler or _scheduler.scheduler(waker=LoopWaker(loop))
        for system in systems:
            system.activate(Scheduler=sched)
    else:
        sched = scheduler or _scheduler.scheduler.run
    previous = sched._waker
    if isinstance(previous, LoopWaker) and previous._loop is loop:
        waker = previous  # made for this loop: its timers and files are the loop's already
    else:
        waker = LoopWaker(loop)
        previous.run_due(block=False)  # activations queued from outside a run, say
        if previous.has_work():
            raise RuntimeError(
                "this scheduler already has timers or watched files in its standalone waker; "
                "they would never fire: run it with runThreads(), or make it with "
                "scheduler(waker=Axon.aio.LoopWaker(loop)) before setting them up"
            )
    sched._waker = waker
    try:
        await _drive(sched, waker, systems)
    finally:
        sched._waker = previous
