"""Components made from asyncio code: a source, an ordered transformer, a sink."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterable, Awaitable, Callable, Generator
from typing import Any

from ._await import Await
from ._component import component
from ._ipc import producerFinished, shutdownMicroprocess
from ._loopwaker import loop_waker, wake

__all__ = ["AsyncSink", "AsyncSource", "AsyncTransformer"]


def _finishing(mp: component) -> Any:
    """The last producerFinished or shutdownMicroprocess waiting on "control", else None."""
    seen = None
    while mp.dataReady("control"):
        message = mp.recv("control")
        if isinstance(message, (producerFinished, shutdownMicroprocess)):
            seen = message
    return seen


class AsyncSource(component):
    """Sends each item of an async iterable on "outbox", then producerFinished on "signal".

    "control" is watched while the next item is awaited: shutdownMicroprocess
    stops it at once, even if the iterable is blocked, cancelling the pending
    step and closing an async generator so that its ``finally`` blocks run, and
    is passed on.
    """

    def __init__(self, iterable: AsyncIterable[Any]) -> None:
        super().__init__()
        self.iterable = iterable

    def main(self) -> Generator[Any, Any, None]:
        loop_waker(self)  # fail at once, with the reason, outside asyncio
        iterator = aiter(self.iterable)
        woken = lambda _task: wake(self)  # noqa: E731 - one callback for every step
        step: asyncio.Future[Any] | None = None
        try:
            while True:
                stop = _finishing(self)
                if isinstance(stop, shutdownMicroprocess):
                    pending, step = step, None
                    yield Await(_abandon(iterator, pending))
                    self.send(stop, "signal")
                    return
                if step is None:
                    step = asyncio.ensure_future(anext(iterator))
                    step.add_done_callback(woken)
                elif step.done():
                    done, step = step, None
                    try:
                        item = done.result()
                    except StopAsyncIteration:
                        break
                    self.send(item, "outbox")
                    continue
                self.pause()
                yield 1
        finally:
            if step is not None:
                step.cancel()
        self.send(producerFinished(self), "signal")


async def _abandon(iterator: Any, pending: asyncio.Future[Any] | None) -> None:
    """Cancel a pending step of ``iterator`` and wait for it, then close ``iterator``."""
    if pending is not None:
        pending.cancel()
        await asyncio.gather(pending, return_exceptions=True)
    aclose = getattr(iterator, "aclose", None)
    if aclose is not None:
        await aclose()


class AsyncTransformer(component):
    """Sends ``await function(message)`` for each message, in arrival order.

    Up to ``concurrency`` calls run at once. producerFinished on "control"
    lets the running calls finish, then is passed on; shutdownMicroprocess
    cancels them and is passed on at once. A call that raises crashes the
    component with that exception.
    """

    def __init__(self, function: Callable[[Any], Awaitable[Any]], concurrency: int = 8) -> None:
        if concurrency < 1:
            raise ValueError(f"AsyncTransformer needs concurrency >= 1, got {concurrency}")
        super().__init__()
        self.function = function
        self.concurrency = concurrency

    def main(self) -> Generator[Any, None, None]:
        loop_waker(self)  # fail at once, with the reason, outside asyncio
        running: deque[asyncio.Future[Any]] = deque()
        woken = lambda _task: wake(self)  # noqa: E731 - one callback for every call
        finishing = None
        try:
            while True:
                finishing = _finishing(self) or finishing
                if isinstance(finishing, shutdownMicroprocess):
                    break
                while running and running[0].done():
                    self.send(running.popleft().result(), "outbox")
                while len(running) < self.concurrency and self.dataReady("inbox"):
                    task = asyncio.ensure_future(self.function(self.recv("inbox")))
                    task.add_done_callback(woken)
                    running.append(task)
                if finishing is not None and not running and not self.dataReady("inbox"):
                    break
                self.pause()
                yield 1
            self.send(finishing, "signal")
        finally:
            for call in running:
                call.cancel()


class AsyncSink(component):
    """Awaits ``function(message)`` for each message, one at a time, in order.

    producerFinished on "control" is passed on to "signal" once the messages
    before it are done; shutdownMicroprocess at once, cancelling the call
    in progress. A call that raises crashes the component with that exception.
    """

    def __init__(self, function: Callable[[Any], Awaitable[Any]]) -> None:
        super().__init__()
        self.function = function

    def main(self) -> Generator[Any, Any, None]:
        loop_waker(self)  # fail at once, with the reason, outside asyncio
        woken = lambda _task: wake(self)  # noqa: E731 - one callback for every call
        call: asyncio.Future[Any] | None = None
        finishing = None
        try:
            while True:
                finishing = _finishing(self) or finishing
                if isinstance(finishing, shutdownMicroprocess):
                    break
                if call is not None and call.done():
                    done, call = call, None
                    done.result()
                if call is None and self.dataReady("inbox"):
                    call = asyncio.ensure_future(self.function(self.recv("inbox")))
                    call.add_done_callback(woken)
                if call is None and finishing is not None:
                    break
                self.pause()
                yield 1
            self.send(finishing, "signal")
        finally:
            if call is not None:
                call.cancel()
