"""Supervisor: restart crashed children, Erlang/OTP style.

::

    Supervisor(
        children={"reader": lambda: Reader(port), "worker": Worker},
        linkages={("reader", "outbox"): ("worker", "inbox"),
                  ("worker", "outbox"): ("self", "outbox")},
        strategy="one_for_one",
        max_restarts=3,
        max_seconds=5.0,
    )

Each child is given as a *factory*: something called with no arguments that
returns a new component, so a restarted child is a fresh instance.  The first
instances are built with the Supervisor, so the linkages are checked at once.  The
``linkages`` dict is written as for :class:`~Kamaelia.Chassis.Graphline.Graphline`
and links to and from a restarted child are made again.

When a child crashes (its ``main`` raises), the Supervisor restarts:

- ``one_for_one``  -- only that child;
- ``one_for_all``  -- every running child (the others are stopped first);
- ``rest_for_one`` -- that child and every child listed after it.

Children that are stopped for a restart get ``shutdownMicroprocess`` and
``shutdown_timeout`` seconds to finish before they are stopped by force.
A child that finishes *without* crashing is not restarted (OTP's
"transient" children).  If more than ``max_restarts`` restarts happen within
``max_seconds``, the Supervisor stops every child and fails itself, raising
:class:`SupervisorError` naming the child and chaining its error -- so a
Supervisor inside another Supervisor is restarted in turn.

Every restart is logged (logger ``Kamaelia.Chassis.Supervisor``) and
recorded: see :meth:`Supervisor.restart_log` and :meth:`Supervisor.restart_count`.

Shutdown works as for Graphline: control messages are copied to the children
(unless ``("self", "control")`` is linked), no child is restarted once a
``producerFinished`` or ``shutdownMicroprocess`` has arrived, and when every
child has finished the Supervisor sends the ``shutdownMicroprocess`` it got,
or ``producerFinished``, on ``signal`` (unless ``("self", "signal")`` is linked).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Chassis._wiring import SELF, WiringError, box_dict, check_component, plan_links
from Kamaelia.Util._control import is_shutdown, is_stop_now
from Kamaelia.Util._timer import Timer

__all__ = ["Supervisor", "SupervisorError", "RestartRecord", "STRATEGIES"]

log = logging.getLogger(__name__)

STRATEGIES = ("one_for_one", "one_for_all", "rest_for_one")


class SupervisorError(RuntimeError):
    """A Supervisor gave up: its children crashed more often than allowed."""


@dataclass(frozen=True)
class RestartRecord:
    """One restart: which child crashed, why, when, and which children were restarted."""

    child: str
    error: BaseException
    when: float
    restarted: tuple[str, ...]
    number: int


@checked_keywords
class Supervisor(component):
    """Supervisor(children, linkages=None, strategy="one_for_one", max_restarts=3,
    max_seconds=5.0, shutdown_timeout=5.0) -> run children, restart them on crash.

    Keyword arguments:

    - children         -- dict name -> factory; each call returns a new component
    - linkages         -- Graphline-style links between children and "self"
    - strategy         -- "one_for_one", "one_for_all" or "rest_for_one"
    - max_restarts     -- at most this many restarts ...
    - max_seconds      -- ... within this many seconds, or the Supervisor fails
    - shutdown_timeout -- seconds a child stopped for a restart gets to finish
    """

    Inboxes = {"inbox": "Forwarded if the linkages say so", "control": "Shutdown signalling"}
    Outboxes = {
        "outbox": "Fed by a child if the linkages say so",
        "signal": "Shutdown signalling once every child has finished",
    }

    def __init__(
        self,
        children: Mapping[str, Callable[[], component]],
        linkages: Mapping[Any, Any] | None = None,
        strategy: str = "one_for_one",
        max_restarts: int = 3,
        max_seconds: float = 5.0,
        shutdown_timeout: float = 5.0,
    ) -> None:
        owner = type(self).__name__
        self._check_settings(owner, children, strategy, max_restarts, max_seconds)
        self.factories = dict(children)
        self.order = list(self.factories)
        self.current: dict[str, component] = {n: self._build(n) for n in self.order}
        self._plan = plan_links(owner, self.current, dict(linkages or {}))
        inboxes, outboxes = box_dict(type(self).Inboxes), box_dict(type(self).Outboxes)
        for name, text in self._plan.extra_inboxes.items():
            inboxes.setdefault(name, text)
        for name, text in self._plan.extra_outboxes.items():
            outboxes.setdefault(name, text)
        # Per instance, never the class (axon types these ClassVar).
        self.Inboxes, self.Outboxes = inboxes, outboxes
        super().__init__()
        self.strategy = strategy
        self.max_restarts = max_restarts
        self.max_seconds = max_seconds
        self.shutdown_timeout = shutdown_timeout
        self.restarts: list[RestartRecord] = []
        self._recent: list[float] = []
        self._stopping: Any = None
        self._link_names(set(self.order))

    @staticmethod
    def _check_settings(
        owner: str, children: Any, strategy: str, max_restarts: int, max_seconds: float
    ) -> None:
        if not isinstance(children, Mapping) or not children:
            raise TypeError(f"{owner}: children must be a non-empty dict of name -> factory")
        for name, factory in children.items():
            if not callable(factory):
                raise TypeError(
                    f"{owner}: child {name!r} needs a factory (callable), got {factory!r}"
                )
        if strategy not in STRATEGIES:
            raise ValueError(
                f"{owner}: unknown strategy {strategy!r}; the choices are: {', '.join(STRATEGIES)}"
            )
        if not isinstance(max_restarts, int) or max_restarts < 0:
            raise ValueError(f"{owner}: max_restarts must be an int >= 0, got {max_restarts!r}")
        if not max_seconds > 0:
            raise ValueError(f"{owner}: max_seconds must be > 0, got {max_seconds!r}")

    # -- introspection -------------------------------------------------------

    def restart_log(self) -> list[RestartRecord]:
        """Every restart so far, oldest first."""
        return list(self.restarts)

    def restart_count(self, child: str | None = None) -> int:
        """How many times ``child`` (or any child) crashed and was restarted."""
        return sum(1 for r in self.restarts if child is None or r.child == child)

    # -- building and wiring children ----------------------------------------

    def _build(self, name: str) -> component:
        child = self.factories[name]()
        check_component(type(self).__name__, f"factory for child {name!r} returned", child)
        built = self.__dict__.setdefault("_built", {})
        if child is built.get(name):
            raise WiringError(
                f"{type(self).__name__}: the factory for child {name!r} returned the crashed "
                "instance again; it must build a new component each time"
            )
        built[name] = child
        # A crash becomes our business, not the end of the scheduler's run.
        child.set_failure_handler(self._child_failed)
        return child

    def _child_failed(self, child: component, error: BaseException) -> None:
        self.unpause()  # the child's closedown has woken us too; this is belt and braces

    def _link_names(self, names: set[str]) -> None:
        """Make every planned link that touches one of ``names``."""

        def resolve(name: str) -> Any:
            return self if name == SELF else self.current[name]

        for src, sbox, dst, dbox, passthrough in self._plan.links:
            touches = src in names or dst in names
            # A link to a child that has finished for good is not made again.
            present = all(n == SELF or n in self.current for n in (src, dst))
            if touches and present:
                self.link((resolve(src), sbox), (resolve(dst), dbox), passthrough=passthrough)

    def _start(self, names: list[str]) -> None:
        children = [self.current[n] for n in names]
        self.addChildren(*children)
        for child in children:
            child.activate(Scheduler=self.scheduler)

    # -- main loop -----------------------------------------------------------

    def main(self) -> Generator[int, None, None]:
        """Run the children; restart crashed ones; finish when all have finished."""
        self._start(list(self.order))
        while self.current:
            self._handle_control()
            for name, error in self._collect_ended():
                if name in self.current:
                    continue  # already restarted along with an earlier crash's group
                if error is not None and self._stopping is None:
                    yield from self._restart(name, error)
                elif error is not None:
                    log.warning(
                        "%s: child %r crashed while shutting down: %r", self.name, name, error
                    )
            if self.current:
                # See Graphline: unlinked inboxes must not keep us awake.
                if self._plan.control_wired or not self.dataReady("control"):
                    self.pause()
                yield 1
        if not self._plan.signal_wired:
            message = self._stopping if is_stop_now(self._stopping) else producerFinished(self)
            self.send(message, "signal")

    def _handle_control(self) -> None:
        if self._plan.control_wired:
            return
        while self.dataReady("control"):
            msg = self.recv("control")
            for name, child in self.current.items():
                if name not in self._plan.controlled:
                    self._tell(child, msg)
            if is_shutdown(msg) and not is_stop_now(self._stopping):
                self._stopping = msg

    def _tell(self, child: component, msg: Any) -> None:
        child.deliver(msg, "control")  # see Graphline._disseminate

    def _collect_ended(self) -> list[tuple[str, BaseException | None]]:
        """Unplug finished children, in child order, with their errors (None: clean exit)."""
        ended = []
        for name in self.order:
            child = self.current.get(name)
            if child is not None and child._isStopped():
                self.removeChild(child)
                del self.current[name]
                ended.append((name, child.failure))
        return ended

    # -- restarting ----------------------------------------------------------

    def _restart(self, name: str, error: BaseException) -> Generator[int, None, None]:
        self._check_intensity(name, error)
        group = self._group(name)
        yield from self._stop_children([n for n in group if n in self.current])
        for member in group:
            self.current[member] = self._build(member)
        # Keep the child order so rest_for_one has a meaning after restarts.
        self.current = {n: self.current[n] for n in self.order if n in self.current}
        self._link_names(set(group))
        self._start(group)
        record = RestartRecord(name, error, time.time(), tuple(group), len(self.restarts) + 1)
        self.restarts.append(record)
        log.warning(
            "%s: child %r crashed (%r); restarted %s under %s (restart %d)",
            self.name,
            name,
            error,
            ", ".join(group),
            self.strategy,
            record.number,
            exc_info=error,
        )

    def _check_intensity(self, name: str, error: BaseException) -> None:
        moment = time.monotonic()
        self._recent = [t for t in self._recent if moment - t < self.max_seconds]
        if len(self._recent) >= self.max_restarts:
            for child in list(self.current.values()):
                self.removeChild(child)
                child.stop()
            self.current.clear()
            raise SupervisorError(
                f"{self.name}: child {name!r} crashed with {error!r}; that is more than "
                f"max_restarts={self.max_restarts} restarts within max_seconds="
                f"{self.max_seconds}, so the supervisor gives up"
            ) from error
        self._recent.append(moment)

    def _group(self, name: str) -> list[str]:
        """The children to restart, in child order, for the crash of ``name``."""
        if self.strategy == "one_for_one":
            return [name]
        alive = set(self.current) | {name}
        if self.strategy == "one_for_all":
            return [n for n in self.order if n in alive]
        position = self.order.index(name)
        return [n for n in self.order[position:] if n in alive]

    def _stop_children(self, names: list[str]) -> Generator[int, None, None]:
        """Ask children to stop; stop them by force after ``shutdown_timeout``."""
        if not names:
            return
        for member in names:
            self._tell(self.current[member], shutdownMicroprocess(self))
        timer = Timer(self)
        timer.start(self.shutdown_timeout)
        try:
            while any(not self.current[m]._isStopped() for m in names) and not timer.fired:
                self.pause()
                yield 1
        finally:
            timer.cancel()
        for member in names:
            child = self.current.pop(member)
            self.removeChild(child)
            if not child._isStopped():
                log.warning(
                    "%s: child %r ignored shutdownMicroprocess for %ss; stopping it",
                    self.name,
                    member,
                    self.shutdown_timeout,
                )
                child.stop()
