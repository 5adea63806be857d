"""The driver side of a cut: a local component standing in for parts placed in Ray actors.

A stand-in has the boxes of the part it places, so it is linked like the part
itself. What arrives in its inboxes goes to the actor(s) in ordered batches;
what the part sends comes back by long-polling ``pull`` and leaves through the
stand-in's outboxes. Ray's futures wake the stand-in through
``call_soon_threadsafe``: it never blocks the scheduler.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import ray
from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from ray import cloudpickle
from ray.exceptions import GetTimeoutError

from Kamaelia.Ray._cluster import connect
from Kamaelia.Ray._host import Item, PartHost
from Kamaelia.Ray._wire import CutError, portable, unpicklable

__all__ = ["CutError", "RayPart", "RayWorkers", "POLICIES"]

log = logging.getLogger(__name__)

POLICIES = ("round_robin", "least_loaded")
_START_TIMEOUT = 120.0  # seconds for the actors to start and build the part
_PULL_WAIT = 1.0  # seconds an idle pull waits in the actor before returning empty
DISPATCHED = "inbox"  # the inbox RayWorkers share out; every other inbox goes to all copies
MERGED = "outbox"  # the outbox RayWorkers merge; others pass on once every copy has sent
_labels = itertools.count(1)


def _note(error: BaseException, text: str) -> BaseException:
    if hasattr(error, "add_note"):  # Python >= 3.11
        error.add_note(text)
    return error


class _Actor:
    """The stand-in's view of one actor: its batch being filled and what is in flight."""

    def __init__(self, handle: Any, label: str) -> None:
        self.handle = handle
        self.label = label
        self.batch: list[Item] = []
        self.deadline = 0.0
        self.next_seq = 0
        self.delivered = 0  # batches the part has been handed: from push replies and pulls
        self.pulling = False
        self.finished = False
        self.received: deque[Any] = deque()  # MERGED messages waiting for their turn (ordered)

    @property
    def in_flight(self) -> int:
        return self.next_seq - self.delivered


class _Cut(component):
    def __init__(
        self,
        factory: Callable[..., component] | str,
        copies: int,
        *,
        args: dict[str, Any] | None,
        policy: str,
        ordered: bool,
        batch_size: int,
        max_latency: float,
        max_in_flight: int,
        box_size: int | None,
        actor_options: dict[str, Any] | None,
        label: str | None,
    ) -> None:
        owner = type(self).__name__
        factory = _factory(owner, factory, args)
        _check(owner, copies, policy, batch_size, max_latency, max_in_flight, box_size)
        self.label = label or f"{owner}-{next(_labels)}"
        self.batch_size, self.max_latency, self.max_in_flight = (
            batch_size,
            max_latency,
            max_in_flight,
        )
        self.policy, self.ordered = policy, ordered and copies > 1
        connect()
        options = {"max_concurrency": max_in_flight + 2, **(actor_options or {})}
        remote_class = ray.remote(PartHost).options(**options)
        labels = [f"{self.label}[{i}]" if copies > 1 else self.label for i in range(copies)]
        self.actors = [
            _Actor(
                remote_class.remote(factory, batch_size, batch_size * max_in_flight, label),
                label,
            )
            for label in labels
        ]
        try:
            boxes = ray.get([a.handle.boxes.remote() for a in self.actors], timeout=_START_TIMEOUT)
        except GetTimeoutError:
            self._kill_actors()
            raise CutError(
                f"{owner} {self.label!r}: {copies} actor(s) did not start within "
                f"{_START_TIMEOUT:.0f} s; does the cluster have the resources they ask for "
                f"({options})?"
            ) from None
        except Exception as error:
            self._kill_actors()
            raise CutError(f"{owner} {self.label!r}: the part could not be built") from error
        inboxes, outboxes = boxes[0]
        super().__init__(Inboxes=inboxes, Outboxes=outboxes)
        if box_size is not None:
            for name in inboxes:
                self.setInboxSize(name, box_size)
        # Data boxes before control, so a shutdown never overtakes data sent before it.
        self.in_order = [n for n in inboxes if n != "control"] + [
            n for n in inboxes if n == "control"
        ]
        self.rr = 0
        self.order: deque[list[Any]] = deque()  # [actor, count] in dispatch order (ordered)
        self.out: deque[Item] = deque()
        self.seen: dict[str, int] = {}
        self.done: deque[tuple[Callable[[Future[Any]], None], Future[Any]]] = deque()
        self.timer_armed = False

    # -- the loop ------------------------------------------------------------

    def main(self) -> Any:
        try:
            for actor in self.actors:
                self._pull(actor)
            while True:
                self._take_inputs()
                self._flush()
                while self.done:
                    handler, future = self.done.popleft()
                    handler(future)
                if self._emit():
                    for actor in self.actors:
                        if not actor.pulling and not actor.finished:
                            self._pull(actor)
                    if all(a.finished for a in self.actors):
                        return
                self.pause()
                yield 1
        finally:
            self._kill_actors()

    def _kill_actors(self) -> None:
        if not ray.is_initialized():  # Ray was shut down first: the actors went with it
            return
        for actor in self.actors:
            ray.kill(actor.handle)

    # -- inputs --------------------------------------------------------------

    def _take_inputs(self) -> None:
        for name in self.in_order:
            while self.dataReady(name):
                if name == DISPATCHED and len(self.actors) > 1:
                    actor = self._target()
                    if actor is None:
                        return
                    actor.batch.append((name, portable(self.recv(name))))
                    if self.ordered:
                        self._record(actor)
                else:
                    if not all(self._room(a) for a in self.actors):
                        return
                    message = portable(self.recv(name))
                    for actor in self.actors:
                        actor.batch.append((name, message))
                for actor in self.actors:
                    if actor.batch and len(actor.batch) == 1:
                        actor.deadline = self.scheduler.time + self.max_latency

    def _room(self, actor: _Actor) -> bool:
        """True if ``actor``'s batch can take one more message (pushing a full one if allowed)."""
        if len(actor.batch) < self.batch_size:
            return True
        if actor.in_flight < self.max_in_flight:
            self._push(actor)
            return True
        return False

    def _target(self) -> _Actor | None:
        if self.policy == "round_robin":
            actor = self.actors[self.rr]
            return actor if self._room(actor) else None
        ready = [a for a in self.actors if self._room(a)]
        return min(ready, key=lambda a: a.in_flight * self.batch_size + len(a.batch), default=None)

    def _record(self, actor: _Actor) -> None:
        if self.order and self.order[-1][0] is actor:
            self.order[-1][1] += 1
        else:
            self.order.append([actor, 1])

    def _flush(self) -> None:
        """Push a batch that is full, late, or has nothing ahead of it in flight."""
        now = self.scheduler.time
        wait = None
        for actor in self.actors:
            if not actor.batch or actor.in_flight >= self.max_in_flight:
                continue
            if actor.in_flight == 0 or len(actor.batch) >= self.batch_size or now >= actor.deadline:
                self._push(actor)
            else:
                wait = min(wait or actor.deadline - now, actor.deadline - now)
        if wait is not None and not self.timer_armed:
            self.timer_armed = True
            self.scheduler.call_later(wait, self._timer)

    def _timer(self) -> None:
        self.timer_armed = False
        self.unpause()

    def _push(self, actor: _Actor) -> None:
        items, actor.batch = actor.batch, []
        try:
            ref = actor.handle.push.remote(actor.next_seq, items)
        except Exception as error:
            raise self._unpicklable(actor, items, error) from error
        seq = actor.next_seq
        actor.next_seq += 1
        if actor is self.actors[self.rr]:
            self.rr = (self.rr + 1) % len(self.actors)
        self._watch(ref, lambda future: self._pushed(actor, seq, future))

    def _unpicklable(self, actor: _Actor, items: list[Item], error: Exception) -> BaseException:
        where = f"for inbox {{box!r}} of {actor.label} cannot cross to its Ray actor"
        found = unpicklable(items, f"({type(self).__name__} {self.name}) " + where)
        return found or _note(error, f"{self.name}: sending a batch to {actor.label} failed")

    def _pushed(self, actor: _Actor, seq: int, future: Future[Any]) -> None:
        self._result(actor, future)
        actor.delivered = max(actor.delivered, seq + 1)

    # -- outputs -------------------------------------------------------------

    def _pull(self, actor: _Actor) -> None:
        actor.pulling = True
        ref = actor.handle.pull.remote(_PULL_WAIT)
        self._watch(ref, lambda future: self._pulled(actor, future))

    def _pulled(self, actor: _Actor, future: Future[Any]) -> None:
        actor.pulling = False
        payload, actor.finished, delivered = self._result(actor, future)
        items = cloudpickle.loads(payload)
        actor.delivered = max(actor.delivered, delivered)
        n = len(self.actors)
        for box, message in items:
            if box == MERGED and self.ordered:
                actor.received.append(message)
            elif box == MERGED or n == 1:
                self.out.append((box, message))
            else:
                # One message per copy (a producerFinished each): pass on the last of them.
                self.seen[box] = self.seen.get(box, 0) + 1
                if self.seen[box] % n == 0:
                    self.out.append((box, message))
        while self.order and len(self.order[0][0].received) >= self.order[0][1]:
            turn, count = self.order.popleft()
            self.out.extend((MERGED, turn.received.popleft()) for _ in range(count))

    def _emit(self) -> bool:
        """Send what came back; False while a full local inbox holds some of it up."""
        out = self.out
        while out:
            box, message = out[0]
            try:
                self.send(message, box)
            except noSpaceInBox:
                return False  # the receiver's next recv wakes us
            out.popleft()
        return True

    # -- Ray futures -----------------------------------------------------------

    def _watch(self, ref: Any, handler: Callable[[Future[Any]], None]) -> None:
        def done(future: Future[Any]) -> None:  # runs in a Ray thread
            self.done.append((handler, future))
            self.scheduler.call_soon_threadsafe(self.unpause)

        ref.future().add_done_callback(done)

    def _result(self, actor: _Actor, future: Future[Any]) -> Any:
        try:
            return future.result()
        except Exception as error:
            raise _note(error, f"{type(self).__name__} {self.name}: {actor.label} failed") from None


def _factory(
    owner: str, factory: Callable[..., component] | str, args: dict[str, Any] | None
) -> Callable[[], component]:
    """A no-argument factory; a string names a registered component (as in graph files)."""
    if isinstance(factory, str):
        from Kamaelia.Chassis.Registry import load_registry

        made: Callable[..., component] = load_registry().component(factory).spec.factory
    elif callable(factory):
        made = factory
    else:
        raise TypeError(
            f"{owner}: needs a factory (a callable returning a component, or a registered "
            f"component's name), got {factory!r}"
        )
    if args is None:
        return made
    if not isinstance(args, dict):
        raise TypeError(f"{owner}: args must be a dict of keyword arguments, got {args!r}")
    return functools.partial(made, **args)


def _check(
    owner: str,
    copies: int,
    policy: str,
    batch_size: int,
    max_latency: float,
    max_in_flight: int,
    box_size: int | None,
) -> None:
    for name, value in (
        ("copies", copies),
        ("batch_size", batch_size),
        ("max_in_flight", max_in_flight),
    ):
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"{owner}: {name} must be an int >= 1, got {value!r}")
    if box_size is not None and (not isinstance(box_size, int) or box_size < 1):
        raise ValueError(f"{owner}: box_size must be None or an int >= 1, got {box_size!r}")
    if not max_latency >= 0:
        raise ValueError(f"{owner}: max_latency must be >= 0 seconds, got {max_latency!r}")
    if policy not in POLICIES:
        raise ValueError(
            f"{owner}: unknown policy {policy!r}; the choices are: {', '.join(POLICIES)}"
        )


class RayPart(_Cut):
    """RayPart(factory, args=None, ...) -> the part factory(**args) builds, run in a Ray actor.

    Keywords: ``batch_size=1000, max_latency=0.005, max_in_flight=4,
    box_size=None, actor_options=None, label=None``.

    ``factory`` is called once, in the actor (so it and what it uses must pickle:
    a lambda or a class will do); a string names a registered component
    (``"DataSource"``, ``"kamaelia-chassis:DataSource"``), as a graph file does. The stand-in has the part's boxes; link it
    like the part. Messages cross in batches of at most ``batch_size``, waiting
    at most ``max_latency`` seconds while an earlier batch is in flight; at most
    ``max_in_flight`` batches are in flight. ``box_size`` bounds the stand-in's
    inboxes (producers then see ``noSpaceInBox``, as with any bounded inbox).
    ``actor_options`` go to Ray's ``.options()`` (``num_cpus``, ``resources``...).
    """

    def __init__(
        self,
        factory: Callable[..., component] | str,
        *,
        args: dict[str, Any] | None = None,
        batch_size: int = 1000,
        max_latency: float = 0.005,
        max_in_flight: int = 4,
        box_size: int | None = None,
        actor_options: dict[str, Any] | None = None,
        label: str | None = None,
    ) -> None:
        super().__init__(
            factory,
            1,
            args=args,
            policy="round_robin",
            ordered=True,
            batch_size=batch_size,
            max_latency=max_latency,
            max_in_flight=max_in_flight,
            box_size=box_size,
            actor_options=actor_options,
            label=label,
        )


class RayWorkers(_Cut):
    """RayWorkers(factory, copies=2, policy="round_robin", ordered=True, ...) -> copies of a worker.

    Each of ``copies`` actors runs one ``factory()``. Messages on ``inbox``
    are shared out (``policy``: ``"round_robin"`` or ``"least_loaded"``);
    every other inbox (``control``) reaches every copy. What the copies send on
    ``outbox`` is merged: in input order when ``ordered`` (the worker must then
    send exactly one message per message it takes), else as it arrives. Other
    outboxes (``signal``) pass on a message once every copy has sent one.
    The other keywords are RayPart's.
    """

    def __init__(
        self,
        factory: Callable[..., component] | str,
        copies: int = 2,
        *,
        args: dict[str, Any] | None = None,
        policy: str = "round_robin",
        ordered: bool = True,
        batch_size: int = 1000,
        max_latency: float = 0.005,
        max_in_flight: int = 4,
        box_size: int | None = None,
        actor_options: dict[str, Any] | None = None,
        label: str | None = None,
    ) -> None:
        super().__init__(
            factory,
            copies,
            args=args,
            policy=policy,
            ordered=ordered,
            batch_size=batch_size,
            max_latency=max_latency,
            max_in_flight=max_in_flight,
            box_size=box_size,
            actor_options=actor_options,
            label=label,
        )
