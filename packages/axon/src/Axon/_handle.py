"""Using components from ordinary blocking code: ``background`` and ``Handle``.

``background`` runs the default scheduler in a daemon thread; ``Handle``
wraps a component so that the calling thread can ``put`` messages into its
inboxes and ``get`` what it sends out, without polling.
"""

from __future__ import annotations

import queue
import threading
import warnings
from collections.abc import Generator
from typing import Any

from ._adaptive import AdaptiveCommsComponent
from ._cat import coordinatingassistanttracker
from ._ipc import newComponent
from ._scheduler import scheduler

__all__ = ["Handle", "background"]

_FINISHED = object()  # queued after the last message once the wrapped component has finished


class background(threading.Thread):
    """A daemon thread running the default scheduler; components activated later run in it.

    ``background(slowmo=0, zap=False).start()``. Only one may run at a time.
    ``zap=True`` starts from a fresh default scheduler and an empty CAT. The
    thread ends once every component has finished.
    """

    lock = threading.Lock()

    def __init__(self, slowmo: float = 0, zap: bool = False) -> None:
        if not background.lock.acquire(False):
            raise RuntimeError("only one background scheduler can run at a time")
        super().__init__(name="Axon background scheduler", daemon=True)
        self.slowmo = slowmo
        self.zap = zap

    def run(self) -> None:
        try:
            if self.zap:
                scheduler.run = scheduler()
                coordinatingassistanttracker.getcat().zap()
            scheduler.run.waitForOne()
            scheduler.run.runThreads(slowmo=self.slowmo)
        finally:
            background.lock.release()


def _public(boxnames: Any) -> list[str]:
    return [name for name in boxnames if not name.startswith("_")]


class Handle(AdaptiveCommsComponent):
    """Drive ``someComponent`` from another thread with ``put`` and ``get``.

    ``Handle(comp).activate()`` (with a ``background`` scheduler running),
    then ``handle.put(data, "inbox")`` and ``handle.get("outbox", timeout=5)``,
    which returns the oldest message sent there or raises ``queue.Empty``.
    """

    Inboxes: dict[str, str] = {}
    Outboxes: dict[str, str] = {}

    def __init__(self, someComponent: Any) -> None:
        super().__init__()
        self.child = someComponent
        self._received: dict[str, queue.Queue[Any]] = {}
        self._warned_finished = False
        self._to_child: dict[str, str] = {}
        self._from_child: dict[str, str] = {}
        # Private ("_") boxes are the component's own wiring, as in 1.x: left alone.
        for boxname in _public(someComponent.inboxes):
            self._to_child[boxname] = self.addOutbox("to " + boxname)
        for boxname in _public(someComponent.outboxes):
            self._from_child[self.addInbox("from " + boxname)] = boxname
            self._received[boxname] = queue.Queue()
        # Linked now, not when it first runs: put() straight after activate() must not be lost.
        self.addChildren(someComponent)
        for boxname, outbox in self._to_child.items():
            self.link((self, outbox), (someComponent, boxname))
        for inbox, boxname in self._from_child.items():
            self.link((someComponent, boxname), (self, inbox))

    def put(self, data: Any, boxname: str = "inbox") -> None:
        """Send ``data`` to the wrapped component's inbox ``boxname`` (any thread).

        Once the wrapped component has finished, ``data`` is dropped, as in 1.x;
        the first such drop warns (``RuntimeWarning``).
        """
        outbox = self._to_child[boxname]
        child = self.child
        if child._isStopped():
            if not self._warned_finished:
                self._warned_finished = True
                warnings.warn(
                    f"{type(child).__name__} (id {child.id}) has finished, so Handle.put() "
                    f"dropped {data!r} on {boxname!r}; later puts are dropped without a warning",
                    RuntimeWarning,
                    stacklevel=2,
                )
            return
        if self._next is None:
            raise RuntimeError(
                "this Handle is not running: activate it (with a scheduler running) before put(), "
                "and put nothing after its component has finished"
            )
        self.scheduler.call_soon_threadsafe(lambda: self.send(data, outbox))

    def get(self, boxname: str = "outbox", timeout: float | None = 0) -> Any:
        """The oldest message the wrapped component sent on ``boxname``.

        ``timeout`` is how many seconds to wait for one: 0 (the default, as in 1.x)
        does not wait, ``None`` waits until a message comes or the component has
        finished. ``queue.Empty`` if none came.
        """
        received = self._received[boxname]
        message = received.get_nowait() if timeout == 0 else received.get(timeout=timeout)
        if message is _FINISHED:
            received.put(_FINISHED)  # the next get() learns it too
            raise queue.Empty(f"{type(self.child).__name__} has finished; nothing on {boxname!r}")
        return message

    def main(self) -> Generator[Any, None, None]:
        child = self.child
        yield newComponent(child)
        while True:
            for inbox, boxname in self._from_child.items():
                while self.dataReady(inbox):
                    self._received[boxname].put(self.recv(inbox))
            if child._isStopped() and not self.anyReady():
                for received in self._received.values():
                    received.put(_FINISHED)  # wakes get(timeout=None)
                return
            self.pause()
            yield 1
