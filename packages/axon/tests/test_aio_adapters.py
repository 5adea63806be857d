"""Components made from async code: AsyncSource, AsyncTransformer (bounded, ordered), AsyncSink."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from Axon import aio
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.Scheduler import scheduler


class Collector(component):
    """Collects "inbox" until a message on "control", which it keeps too."""

    def __init__(self):
        super().__init__()
        self.got, self.ended_by = [], None

    def main(self):
        while not self.dataReady("control"):
            while self.dataReady("inbox"):
                self.got.append(self.recv("inbox"))
            self.pause()
            yield 1
        while self.dataReady("inbox"):
            self.got.append(self.recv("inbox"))
        self.ended_by = self.recv("control")


class Feeder(component):
    """Sends ``items``, then producerFinished."""

    def __init__(self, items):
        super().__init__()
        self.items = items

    def main(self):
        for item in self.items:
            self.send(item)
            yield 1
        self.send(producerFinished(), "signal")


def chain(*components):
    for left, right in itertools.pairwise(components):
        left.link((left, "outbox"), (right, "inbox"))
        left.link((left, "signal"), (right, "control"))
    return components


async def numbers(n):
    for number in range(n):
        await asyncio.sleep(0)
        yield number


def test_async_source_sends_every_item_then_producer_finished(arun):
    """An async generator's items come out of "outbox" in order, then producerFinished."""
    collector = Collector()
    arun(aio.run(*chain(aio.AsyncSource(numbers(5)), collector)))
    assert collector.got == [0, 1, 2, 3, 4]
    assert isinstance(collector.ended_by, producerFinished)


def test_async_source_stops_on_shutdown(arun):
    """shutdownMicroprocess on "control" closes an endless source's generator and is passed on."""

    closed = []

    async def forever():
        n = 0
        try:
            while True:
                await asyncio.sleep(0)
                yield n
                n += 1
        finally:
            closed.append(True)

    source, collector = chain(aio.AsyncSource(forever()), Collector())

    class Stopper(component):
        def main(self):
            for _ in range(5):
                yield 1
            self.send(shutdownMicroprocess(), "signal")

    stopper = Stopper()
    stopper.link((stopper, "signal"), (source, "control"))

    async def main():
        await aio.run(source, collector, stopper)
        return list(closed)  # before the loop's own clean-up could close the generator

    assert arun(main()) == [True]
    assert isinstance(collector.ended_by, shutdownMicroprocess)


def test_async_source_stops_on_shutdown_while_its_iterable_is_blocked(arun):
    """A shutdown reaches a source whose next item never comes: it ends, its finally runs."""
    closed = []

    async def stuck():
        try:
            yield "first"
            await asyncio.Event().wait()  # never set
            yield "never"
        finally:
            closed.append(True)

    source, collector = chain(aio.AsyncSource(stuck()), Collector())

    class Stopper(component):
        def main(self):
            while not collector.got:  # the source is now waiting for its second item
                yield 1
            self.send(shutdownMicroprocess(), "signal")

    stopper = Stopper()
    stopper.link((stopper, "signal"), (source, "control"))

    async def main():
        await asyncio.wait_for(aio.run(source, collector, stopper), 5)
        return list(closed)

    assert arun(main()) == [True]
    assert collector.got == ["first"]
    assert isinstance(collector.ended_by, shutdownMicroprocess)


def test_transformer_keeps_order_and_bounds_concurrency(arun):
    """Results leave in arrival order even when later calls finish first; at most N run at once."""
    running, most = [0], [0]

    async def slow_square(x):
        running[0] += 1
        most[0] = max(most[0], running[0])
        await asyncio.sleep(0.001 * (10 - x))  # later ones finish sooner
        running[0] -= 1
        return x * x

    collector = Collector()
    arun(aio.run(*chain(Feeder(range(10)), aio.AsyncTransformer(slow_square, 3), collector)))
    assert collector.got == [x * x for x in range(10)]
    assert most[0] == 3
    assert isinstance(collector.ended_by, producerFinished)


def test_transformer_crash_is_the_calls_exception(arun):
    """A call that raises crashes the transformer, and the run, with that exception."""

    async def fails(x):
        raise ArithmeticError(f"bad {x}")

    with pytest.raises(ArithmeticError, match="bad 0"):
        arun(aio.run(*chain(Feeder([0]), aio.AsyncTransformer(fails), Collector())))


def test_transformer_rejects_zero_concurrency():
    """concurrency below 1 is refused at construction, with the value."""

    async def echo(x):
        return x

    with pytest.raises(ValueError, match="concurrency >= 1, got 0"):
        aio.AsyncTransformer(echo, concurrency=0)


def test_async_sink_awaits_each_message_in_order(arun):
    """The sink awaits one call per message, in order, then passes producerFinished on."""
    written = []

    async def write(message):
        await asyncio.sleep(0)
        written.append(message)

    sink, collector = aio.AsyncSink(write), Collector()
    sink.link((sink, "signal"), (collector, "control"))
    arun(aio.run(*chain(Feeder("abc"), sink), collector))
    assert written == ["a", "b", "c"]
    assert isinstance(collector.ended_by, producerFinished)


def test_async_sink_stops_on_shutdown_during_a_call(arun):
    """shutdownMicroprocess cancels the call in progress and is passed on at once."""
    started, cancelled = [], []

    async def hang(message):
        started.append(message)
        try:
            await asyncio.Event().wait()  # never set
        except asyncio.CancelledError:
            cancelled.append(message)
            raise

    sink, collector = aio.AsyncSink(hang), Collector()
    sink.link((sink, "signal"), (collector, "control"))

    class Stopper(component):
        def main(self):
            while not started:
                yield 1
            self.send(shutdownMicroprocess(), "signal")

    stopper = Stopper()
    stopper.link((stopper, "signal"), (sink, "control"))
    arun(asyncio.wait_for(aio.run(*chain(Feeder("ab"), sink), collector, stopper), 5))
    assert started == cancelled == ["a"]
    assert isinstance(collector.ended_by, shutdownMicroprocess)


def test_a_failing_sink_call_crashes_the_sink(arun):
    """An exception from the awaited call comes out of the run as itself."""

    async def refuse(message):
        raise ValueError(f"no {message}")

    with pytest.raises(ValueError, match="no a"):
        arun(aio.run(*chain(Feeder("a"), aio.AsyncSink(refuse))))


def test_adapters_outside_asyncio_fail_clearly():
    """Run standalone, an adapter's first step says it needs Axon.aio.run."""

    async def echo(x):
        return x

    standalone = scheduler()
    aio.AsyncTransformer(echo).activate(Scheduler=standalone)
    with pytest.raises(RuntimeError, match=r"Axon\.aio\.run"):
        standalone.runThreads()
