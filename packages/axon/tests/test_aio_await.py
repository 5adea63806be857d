"""``result = yield Await(awaitable)``: a component waits for asyncio code without blocking others."""

from __future__ import annotations

import asyncio

import pytest
from Axon import aio
from Axon.AxonExceptions import YieldedValueError
from Axon.Component import component
from Axon.Ipc import WaitComplete
from Axon.Scheduler import scheduler


class Awaiter(component):
    """Awaits each of ``awaitables`` in turn, recording outcomes."""

    def __init__(self, *awaitables, timeout=None):
        super().__init__()
        self.awaitables, self.timeout, self.outcomes = awaitables, timeout, []

    def main(self):
        for awaitable in self.awaitables:
            try:
                self.outcomes.append((yield aio.Await(awaitable, timeout=self.timeout)))
            except Exception as error:
                self.outcomes.append(error)


def test_result_is_what_yield_returns(arun):
    """The awaitable's result comes back from the yield; others keep running meanwhile."""
    ticks = []

    class Ticker(component):
        def main(self):
            for n in range(3):
                ticks.append(n)
                yield 1

    awaiter = Awaiter(asyncio.sleep(0.01, result="late"), asyncio.sleep(0, result="soon"))
    arun(aio.run(awaiter, Ticker()))
    assert awaiter.outcomes == ["late", "soon"]
    assert ticks == [0, 1, 2]


def test_exception_is_raised_at_the_yield(arun):
    """An exception from the awaitable is raised inside the component, where it yielded."""

    async def fails():
        raise KeyError("missing")

    awaiter = Awaiter(fails())
    arun(aio.run(awaiter))
    assert isinstance(awaiter.outcomes[0], KeyError)


def test_timeout_raises_timeout_error(arun):
    """With a timeout, an awaitable that takes longer raises asyncio.TimeoutError at the yield."""
    awaiter = Awaiter(asyncio.sleep(10), timeout=0.01)
    arun(aio.run(awaiter))
    assert isinstance(awaiter.outcomes[0], asyncio.TimeoutError)


def test_message_arriving_meanwhile_does_not_resume_it(arun):
    """A message delivered while the component awaits waits for it; the yield still gets the result."""
    got = []

    class Receiver(component):
        def main(self):
            result = yield aio.Await(asyncio.sleep(0.02, result="done"))
            got.append(result)
            got.append(self.recv("inbox"))

    class Sender(component):
        def main(self):
            yield 1
            self.send("hello")

    receiver, sender = Receiver(), Sender()
    sender.link((sender, "outbox"), (receiver, "inbox"))
    arun(aio.run(receiver, sender))
    assert got == ["done", "hello"]


def test_await_inside_wait_complete(arun):
    """Await works from a WaitComplete sub-generator; the outer body resumes afterwards."""
    events = []

    class Nested(component):
        def step(self):
            events.append((yield aio.Await(asyncio.sleep(0, result="inner"))))

        def main(self):
            yield WaitComplete(self.step())
            events.append("outer")

    arun(aio.run(Nested()))
    assert events == ["inner", "outer"]


def test_stopping_the_system_cancels_the_awaited_task(arun):
    """Cancelling the system cancels what its components await, and their finally blocks run."""
    events = []

    async def long_job():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            events.append("job cancelled")
            raise

    class Waiter(component):
        def main(self):
            try:
                yield aio.Await(long_job())
            finally:
                events.append("finally")

    async def main():
        task = asyncio.ensure_future(aio.run(Waiter()))
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0)  # the job's cancellation is delivered on the next turn

    arun(main())
    assert sorted(events) == ["finally", "job cancelled"]


def test_await_outside_asyncio_is_a_clear_error():
    """Yielding Await in a standalone run fails naming the component and what to do instead."""

    async def job():
        return 1

    coro = job()
    standalone = scheduler()
    Awaiter(coro).activate(Scheduler=standalone)
    with pytest.raises(YieldedValueError, match=r"needs the system to run inside asyncio"):
        standalone.runThreads()
    coro.close()


def test_stopping_the_component_cancels_what_it_awaits(arun):
    """component.stop() while it awaits cancels the awaited task and runs its finally blocks."""
    events = []

    async def long_job():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            events.append("job cancelled")
            raise

    class Waiter(component):
        def main(self):
            try:
                yield aio.Await(long_job())
            finally:
                events.append("finally")

    waiter = Waiter()

    class Stopper(component):
        def main(self):
            yield aio.Await(asyncio.sleep(0.01))  # the job has started by then
            waiter.stop()

    async def main():
        await aio.run(waiter, Stopper())
        await asyncio.sleep(0)  # the job's cancellation is delivered on the next turn

    arun(main())
    assert sorted(events) == ["finally", "job cancelled"]
