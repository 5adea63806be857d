"""The actor side of a cut: one Ray actor running a placed part under its own scheduler.

The actor builds the part from its factory, mirrors the part's boxes on a small
``_Host`` component, and runs a private Axon scheduler in a thread. Ray calls
``push`` and ``pull`` from its own threads; they meet the scheduler thread only
through a lock, ``call_soon_threadsafe`` and two events.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from typing import Any

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import newComponent
from Axon.Scheduler import scheduler
from ray import cloudpickle

from Kamaelia.Ray._wire import portable, unpicklable

__all__ = ["PartHost"]

Item = tuple[str, Any]  # (box name, message): what a batch carries, in order

_RETRY = 0.002  # seconds between looks at a consumer that is still above its high-water mark


class _Host(component):
    """Feeds the part's inboxes from pushed batches and collects what it sends out.

    Its outboxes are named after the part's inboxes and its inboxes after the
    part's outboxes; a box of the part is linked to the host's box of the same name.
    """

    def __init__(self, part: component, runner: scheduler, high_water: int, out_limit: int) -> None:
        super().__init__(Inboxes=list(part.outboxes), Outboxes=list(part.inboxes))
        # Ray's threads wake us through this even once we have finished (self.scheduler
        # is then a placeholder without call_soon_threadsafe).
        self.runner = runner
        self.part = part
        self.high_water = high_water
        self.out_limit = out_limit
        self.lock = threading.Lock()
        self.pending: dict[int, tuple[list[Item], threading.Event]] = {}
        self.next_seq = 0
        self.position = 0  # items of batch `next_seq` already delivered
        self.out: list[Item] = []
        self.out_ready = threading.Event()
        self.finished = False
        self.retry_armed = False
        self.held_back = False
        self.addChildren(part)
        for name in part.inboxes:
            self.link((self, name), (part, name))
        for name in part.outboxes:
            self.link((part, name), (self, name))

    # -- called from Ray's threads ---------------------------------------------

    def accept(self, seq: int, items: list[Item]) -> threading.Event:
        done = threading.Event()
        with self.lock:
            self.pending[seq] = (items, done)
        self.runner.call_soon_threadsafe(self.unpause)
        return done

    def take_output(self) -> tuple[list[Item], bool, int]:
        with self.lock:
            out, self.out = self.out, []
            finished = self.finished
            delivered = self.next_seq
            if not finished:  # once finished, every later pull returns at once
                self.out_ready.clear()
        self.runner.call_soon_threadsafe(self.unpause)  # room again for the part's output
        return out, finished and not out, delivered

    # -- the scheduler thread ---------------------------------------------------

    def main(self) -> Generator[Any, None, None]:
        yield newComponent(self.part)
        while True:
            progressed = self._feed_part()
            self._collect()
            if self.part._isStopped() and not self.anyReady():
                with self.lock:
                    self.finished = True
                    self.out_ready.set()
                for _items, done in self.pending.values():
                    done.set()  # nobody will read them: let the pushes return
                return
            if self.held_back:
                if progressed:
                    yield 1  # give the consumer a turn, then deliver more
                    continue
                self._retry_later()
            self.pause()
            yield 1

    def _feed_part(self) -> bool:
        """Batches in sequence order (Ray may run pushes out of order), to the high-water mark.

        Returns whether anything was delivered; ``held_back`` says a consumer is full.
        """
        progressed = self.held_back = False
        while True:
            with self.lock:
                entry = self.pending.get(self.next_seq)
            if entry is None:
                return progressed
            items, done = entry
            while self.position < len(items):
                box, message = items[self.position]
                # Hold back while the part's consumer is full, or while what the part
                # produced waits to be pulled: the way back is bounded too.
                if len(self.outboxes[box]) >= self.high_water or self._backlog() >= self.out_limit:
                    self.held_back = True
                    return progressed
                try:
                    self.send(message, box)
                except noSpaceInBox:
                    return progressed  # a bounded inbox of the part: its next recv wakes us
                self.position += 1
                progressed = True
            with self.lock:
                del self.pending[self.next_seq]
                self.next_seq += 1
            self.position = 0
            done.set()

    def _backlog(self) -> int:
        """Messages the part sent that the driver has not pulled yet."""
        return len(self.out) + sum(len(box) for box in self.inboxes.values())

    def _retry_later(self) -> None:
        # An unbounded inbox does not wake its feeders when read: look again shortly.
        if not self.retry_armed:
            self.retry_armed = True
            self.scheduler.call_later(_RETRY, self._retry)

    def _retry(self) -> None:
        self.retry_armed = False
        self.held_back = False
        self.unpause()

    def _collect(self) -> None:
        with self.lock:
            out = self.out
            for name in self.inboxes:
                while len(out) < self.out_limit and self.dataReady(name):
                    out.append((name, portable(self.recv(name))))
            if out:
                self.out_ready.set()


class PartHost:
    """The Ray actor class (made remote by the caller, with its options)."""

    def __init__(
        self, factory: Callable[[], component], high_water: int, out_limit: int, label: str
    ) -> None:
        self.label = label
        part = factory()
        if not isinstance(part, component):
            raise TypeError(f"the factory {factory!r} returned {part!r}, not a component")
        self.scheduler = scheduler()
        self.host = _Host(part, self.scheduler, high_water, out_limit)
        self.host.activate(Scheduler=self.scheduler)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kamaelia-ray part", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.scheduler.runThreads()
        except BaseException as error:  # handed to the driver by the next push or pull
            self.error = error
        with self.host.lock:
            self.host.finished = True
        self.host.out_ready.set()

    def boxes(self) -> tuple[list[str], list[str]]:
        """The part's inbox and outbox names."""
        return list(self.host.outboxes), list(self.host.inboxes)

    def push(self, seq: int, items: list[Item]) -> None:
        """Queue a batch; return once it is in the part's inboxes (that is the back-pressure)."""
        done = self.host.accept(seq, items)
        while not done.wait(0.5):
            self._raise_if_failed()
        self._raise_if_failed()

    def pull(self, wait: float) -> tuple[bytes, bool, int]:
        """What the part sent since the last pull (waiting up to ``wait`` s), whether it
        ended, and how many batches it has been handed (news that may beat a push's reply)."""
        self.host.out_ready.wait(wait)
        self._raise_if_failed()
        items, finished, delivered = self.host.take_output()
        try:  # pickled here, not by Ray, so that a message that cannot cross is named
            payload = cloudpickle.dumps(items)
        except Exception as error:
            where = f"from outbox {{box!r}} of {self.label} cannot leave its actor"
            raise (unpicklable(items, where) or error) from None
        return payload, finished, delivered

    def _raise_if_failed(self) -> None:
        if self.error is not None:
            raise self.error
