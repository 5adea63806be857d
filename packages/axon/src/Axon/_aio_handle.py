"""``AsyncHandle``: asyncio code puts messages into a component and gets what it sends."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Generator
from typing import Any

from ._adaptive import AdaptiveCommsComponent
from ._errors import noSpaceInBox
from ._ipc import newComponent
from ._loopwaker import loop_waker

__all__ = ["AsyncHandle"]


class AsyncHandle(AdaptiveCommsComponent):
    """Drive ``someComponent`` from coroutines on the loop it runs in.

    ``async with AsyncHandle(comp) as h:`` runs it (``Axon.aio.run`` in a
    task) until the block ends; then ``await h.put(data, "inbox")``,
    ``await h.get("outbox")`` and ``async for message in h``. ``put`` waits
    while a size-limited inbox is full; ``get`` raises EOFError once the
    component has finished and nothing is left.
    """

    Inboxes: dict[str, str] = {
        "control": "passed on to the component's control (cancelling the run sends shutdownMicroprocess)"
    }
    Outboxes: dict[str, str] = {}

    def __init__(self, someComponent: Any) -> None:
        super().__init__()
        self.child = someComponent
        self._to_child = {name: self.addOutbox("to " + name) for name in someComponent.inboxes}
        self._from_child = {name: self.addInbox("from " + name) for name in someComponent.outboxes}
        self._waiters: list[asyncio.Future[None]] = []  # puts and gets waiting for a change
        self._finished = False
        self._task: asyncio.Task[None] | None = None
        self.addChildren(someComponent)  # its close-down wakes this handle
        for name, outbox in self._to_child.items():
            self.link((self, outbox), (someComponent, name))
        for name, inbox in self._from_child.items():
            self.link((someComponent, name), (self, inbox))

    async def __aenter__(self) -> AsyncHandle:
        from .aio import run

        self._task = asyncio.ensure_future(run(self))
        await asyncio.sleep(0)  # let the scheduler start, so the handle is running
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        task = self._task
        assert task is not None
        task.cancel()
        await asyncio.wait([task])  # its outcome is read below; our own cancellation propagates
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]

    async def put(self, data: Any, boxname: str = "inbox") -> None:
        """Send ``data`` to the component's inbox ``boxname``; waits while it is full."""
        outbox = self.outboxes[self._to_child[boxname]]
        while True:
            if self._finished or self._next is None:
                self._not_running()
            try:
                outbox.append(data)
                break
            except noSpaceInBox:
                await self._change()  # taking a message wakes its feeders: this handle
        self._kick()

    async def get(self, boxname: str = "outbox") -> Any:
        """The oldest message the component sent on ``boxname``, waiting for one if need be."""
        inbox = self.inboxes[self._from_child[boxname]]
        queue = inbox._queue  # unlimited, and only ever fed by the component
        while not queue:
            if self._finished:
                raise EOFError(f"{self.child.name} has finished; nothing more came on {boxname!r}")
            if self._next is None:
                self._not_running()
            await self._change()
        message = inbox.take()
        self._kick()  # taking wakes the component if it waited for room: let it run
        return message

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._messages()

    async def _messages(self) -> AsyncIterator[Any]:
        """Every message on "outbox", until the component has finished."""
        while True:
            try:
                yield await self.get()
            except EOFError:
                return

    def _not_running(self) -> None:
        if self._finished:
            raise RuntimeError(f"{self.child.name} has finished: it takes no more messages")
        if self._next is None:
            raise RuntimeError(
                "this AsyncHandle is not running: use 'async with AsyncHandle(component) as h'"
            )

    async def _change(self) -> None:
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        await waiter

    def _kick(self) -> None:
        """Until it runs, a handle has no loop to wake; main() replaces this with the waker's kick."""

    def _wake_waiters(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def main(self) -> Generator[Any, None, None]:
        child = self.child
        self._kick = loop_waker(self).kick  # type: ignore[method-assign]
        yield newComponent(child)
        try:
            while not child._isStopped():
                while self.dataReady("control"):
                    message = self.recv("control")
                    if "control" in self._to_child:
                        self.send(message, self._to_child["control"])
                self._wake_waiters()  # a message arrived, or room in a full inbox
                self.pause()
                yield 1
        finally:
            self._finished = True
            self._wake_waiters()
