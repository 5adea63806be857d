"""Fixtures shared by the axon tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import pytest
from Axon import aio
from Axon.Scheduler import scheduler
from Axon.testing import _run


@pytest.fixture(params=["asyncio", "uvloop"])
def arun(request: pytest.FixtureRequest) -> Callable[[Coroutine[Any, Any, Any]], Any]:
    """Run a coroutine to completion on a fresh loop: the standard one, or uvloop where it installs."""
    if request.param == "uvloop":
        new_loop = pytest.importorskip("uvloop").new_event_loop
    else:
        new_loop = asyncio.new_event_loop

    def run(coro: Coroutine[Any, Any, Any]) -> Any:
        loop = new_loop()
        try:
            return loop.run_until_complete(coro)
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    return run


@pytest.fixture(params=["standalone", "asyncio"])
def axon_scheduler(request: pytest.FixtureRequest, axon_scheduler: Any) -> Iterator[Any]:
    """Every test written against the default scheduler runs twice: standalone and in asyncio.

    In asyncio mode the default scheduler waits in a LoopWaker, and its
    ``runThreads()`` is ``await Axon.aio.run()`` on that loop: a system must
    behave the same either way.
    """
    if request.param == "standalone":
        yield axon_scheduler
        return
    loop = asyncio.new_event_loop()
    inside = scheduler(waker=aio.LoopWaker(loop))
    scheduler.run = inside  # the plugin's fixture puts the previous one back afterwards
    inside.runThreads = lambda slowmo=0: loop.run_until_complete(aio.run(scheduler=inside))
    try:
        yield inside
    finally:
        loop.close()


@pytest.fixture(params=["standalone", "asyncio"])
def testing_waits(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Axon.testing's run_system and run_component, standalone and again inside asyncio.

    For the tests that build their systems with those helpers (threaded
    components, conformance) what ``axon_scheduler`` does for the rest.
    """
    if request.param == "standalone":
        yield
        return
    loops: list[asyncio.AbstractEventLoop] = []

    def inside_asyncio() -> scheduler:
        loop = asyncio.new_event_loop()
        loops.append(loop)
        sched = scheduler(waker=aio.LoopWaker(loop))
        sched.runThreads = lambda slowmo=0: loop.run_until_complete(aio.run(scheduler=sched))
        return sched

    monkeypatch.setattr(_run, "scheduler", inside_asyncio)
    try:
        yield
    finally:
        for loop in loops:
            loop.close()
