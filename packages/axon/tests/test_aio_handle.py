"""AsyncHandle: coroutines put messages into a component and get what it sends."""

from __future__ import annotations

import asyncio

import pytest
from Axon import aio
from Axon.Component import component
from Axon.Ipc import producerFinished


class Doubler(component):
    """Sends twice each number it gets; stops (and says so) on producerFinished."""

    def main(self):
        while True:
            while self.dataReady("inbox"):
                self.send(2 * self.recv("inbox"))
            if self.dataReady("control"):
                self.send(self.recv("control"), "signal")
                return
            self.pause()
            yield 1


def test_put_and_get(arun):
    """What is put into "inbox" comes back from get("outbox"), in order."""

    async def main():
        async with aio.AsyncHandle(Doubler()) as handle:
            for number in range(5):
                await handle.put(number)
            return [await handle.get() for _ in range(5)]

    assert arun(main()) == [0, 2, 4, 6, 8]


def test_async_for_ends_when_the_component_finishes(arun):
    """``async for`` yields every message on "outbox" and ends once the component has finished."""

    async def main():
        async with aio.AsyncHandle(Doubler()) as handle:
            for number in range(3):
                await handle.put(number)
            await handle.put(producerFinished(), "control")
            got = [message async for message in handle]
            with pytest.raises(EOFError, match="finished"):
                await handle.get()
            with pytest.raises(RuntimeError, match="finished"):
                await handle.put(1)
            return got

    assert arun(main()) == [0, 2, 4]


def test_put_waits_while_a_bounded_inbox_is_full(arun):
    """With "inbox" limited to 2, put() waits until the component has taken a message."""
    events = []

    class Slow(component):
        """Takes one message from "inbox" per message on "control"."""

        def main(self):
            while True:
                while self.dataReady("control"):
                    self.recv("control")
                    events.append(("took", self.recv("inbox")))
                self.pause()
                yield 1

    async def main():
        slow = Slow()
        slow.setInboxSize("inbox", 2)
        async with aio.AsyncHandle(slow) as handle:
            await handle.put("a")
            await handle.put("b")
            third = asyncio.ensure_future(handle.put("c"))
            await asyncio.sleep(0.01)
            events.append(("third done", third.done()))
            await handle.put("take one", "control")
            await asyncio.wait_for(third, 1)
            events.append(("queued", [slow.recv("inbox"), slow.recv("inbox")]))

    arun(main())
    assert events == [("third done", False), ("took", "a"), ("queued", ["b", "c"])]


def test_crash_comes_out_of_the_block(arun):
    """A crash in the component ends a waiting get() and is raised by the ``async with``."""

    class Crasher(component):
        def main(self):
            while not self.dataReady("inbox"):
                self.pause()
                yield 1
            raise LookupError(self.recv("inbox"))

    async def main():
        async with aio.AsyncHandle(Crasher()) as handle:
            await handle.put("bad key")
            with pytest.raises(EOFError):
                await handle.get()

    with pytest.raises(LookupError, match="bad key"):
        arun(main())


def test_put_before_running_is_a_clear_error(arun):
    """Using a handle outside ``async with`` says how to start it."""

    async def main():
        await aio.AsyncHandle(Doubler()).put(1)

    with pytest.raises(RuntimeError, match="async with AsyncHandle"):
        arun(main())


def test_leaving_the_block_sends_the_component_shutdown(arun):
    """Leaving ``async with`` while the component runs gives it shutdownMicroprocess first."""
    seen = []

    class Polite(component):
        def main(self):
            while not self.dataReady("control"):
                self.pause()
                yield 1
            seen.append(type(self.recv("control")).__name__)

    async def main():
        async with aio.AsyncHandle(Polite()):
            await asyncio.sleep(0)

    arun(main())
    assert seen == ["shutdownMicroprocess"]
