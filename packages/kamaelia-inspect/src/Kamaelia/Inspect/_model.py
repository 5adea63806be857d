"""The sampler: every ``interval`` seconds, a JSON-ready picture of a running system.

It runs inside the scheduler's own thread (a scheduler timer), so it reads
the system while nothing moves. Each picture has the components (state,
boxes with depth and capacity, messages per second per outbox, the
container they sit in, supervisor restarts, where they wait, a crash's
message), the links with their message rates, and the components that
finished or crashed lately.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import Any

from Axon.introspection import ComponentInfo, LinkInfo, snapshot

from Kamaelia.Inspect._counting import SendCounter

__all__ = ["Sampler", "flows"]

#: How many finished or crashed components the picture remembers.
ENDED_LIMIT = 100

State = dict[str, Any]


def flows(
    links: tuple[LinkInfo, ...], sent: dict[tuple[int, str], float]
) -> dict[tuple[int, str], float]:
    """Messages per second through every box: what it sends itself plus what flows into it.

    A Pipeline's inbox carries what arrives for its first part; a child's
    outbox linked to its container's outbox makes the container's outbox
    carry it on, and so on, whatever the nesting.
    """
    feeders: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for link in links:
        feeders.setdefault(link.sink, []).append(link.source)
    found: dict[tuple[int, str], float] = {}

    # Every box feeds at most one other and Axon refuses loops of links, so
    # the boxes form trees and this recursion ends (its depth is the nesting).
    def flow(box: tuple[int, str]) -> float:
        if box not in found:
            found[box] = sent.get(box, 0.0) + sum(flow(src) for src in feeders.get(box, ()))
        return found[box]

    for box in {*sent, *feeders, *(link.source for link in links)}:
        flow(box)
    return found


class Sampler:
    """Watches ``sched``: counts sends, notes ends, and calls ``publish(state)`` now and then."""

    def __init__(self, sched: Any, publish: Callable[[State], None], interval: float = 0.5) -> None:
        self.sched = sched
        self.publish = publish
        self.interval = interval
        self.counter = SendCounter()
        self.ended: deque[State] = deque(maxlen=ENDED_LIMIT)
        self._ends: dict[int, tuple[str, str | None]] = {}  # id -> (finished|crashed, error)
        self._last: tuple[float, dict[tuple[int, str], int]] = (time.monotonic(), {})
        self._timer: Any = None
        self._attached = False

    # -- attach / detach ------------------------------------------------------------------

    def attach(self) -> None:
        """Start watching (call from the scheduler's thread, or before it runs)."""
        self._attached = True
        self._follow()  # count what already runs from now on
        self._arm()

    def detach(self) -> None:
        """Stop watching and give every component back its own ``send``."""
        if not self._attached:
            return
        self._attached = False
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.counter.forget_all()

    def _arm(self, took: float = 0.0) -> None:
        # A big system takes longer to describe: wait at least 10x as long as the
        # last picture took, so watching never takes more than ~10% of the time.
        self._timer = self.sched.call_later(max(self.interval, 10 * took), self._tick)

    def _tick(self) -> None:
        if self._attached:
            start = time.perf_counter()
            self.publish(self.sample())
            self._arm(time.perf_counter() - start)

    # -- comings and goings ---------------------------------------------------------------

    def _follow(self) -> None:
        """Count the components that started since the last picture; note those that ended.

        Polled once per picture rather than heard through the scheduler's
        instruments: an instrument is called on every step of every component,
        which would slow the whole system down while it is watched. A component
        that starts and ends between two pictures is not seen.
        """
        live = self.sched.listAllThreads()
        for mp in live:
            self.counter.watch(mp)
        still = set(map(id, live))
        for comp in self.counter.components().values():
            if id(comp) not in still:
                self._ended(comp, getattr(comp, "failure", None))
                self.counter.forget(comp)

    def _ended(self, mp: Any, error: BaseException | None) -> None:
        message = None if error is None else f"{type(error).__name__}: {error}"
        state = "finished" if error is None else "crashed"
        self._ends[mp.id] = (state, message)
        if len(self._ends) > 10 * ENDED_LIMIT:  # a long-lived server ends many components
            del self._ends[next(iter(self._ends))]
        self.ended.appendleft(
            {"id": mp.id, "name": mp.name, "state": state, "error": message, "at": time.time()}
        )

    # -- one picture ----------------------------------------------------------------------

    def sample(self) -> State:
        """The system now (scheduler thread only)."""
        self._follow()
        snap = snapshot(self.sched)
        comps = self.counter.components()
        now = time.monotonic()
        totals = self.counter.totals()
        then, before = self._last
        elapsed = max(now - then, 1e-9)
        sent = {box: (n - before.get(box, 0)) / elapsed for box, n in totals.items()}
        self._last = (now, totals)
        through = flows(snap.links, sent)
        parents = {child: c.id for c in snap.components for child in c.children}
        return {
            "time": time.time(),
            "interval": self.interval,
            "components": [
                self._component(c, comps.get(c.id), through, parents) for c in snap.components
            ],
            "links": [
                {
                    "source": list(link.source),
                    "sink": list(link.sink),
                    "passthrough": link.passthrough,
                    "rate": round(through.get(link.source, 0.0), 1),
                }
                for link in snap.links
            ],
            "ended": list(self.ended),
        }

    def _component(
        self,
        info: ComponentInfo,
        comp: Any,
        through: dict[tuple[int, str], float],
        parents: dict[int, int],
    ) -> State:
        state, error = self._state(info, comp)
        restarts = getattr(comp, "restart_count", None)
        return {
            "id": info.id,
            "name": info.name,
            "type": info.type,
            "state": state,
            "error": error,
            "parent": parents.get(info.id),
            "children": list(info.children),
            "waiting_at": info.waiting_at,
            "restarts": restarts() if callable(restarts) else None,
            "inboxes": [
                {
                    "name": b.name,
                    "queued": b.queued,
                    "size": b.size,
                    "rate": round(through.get((info.id, b.name), 0.0), 1),
                }
                for b in info.inboxes
            ],
            "outboxes": [
                {"name": b.name, "rate": round(through.get((info.id, b.name), 0.0), 1)}
                for b in info.outboxes
            ],
        }

    def _state(self, info: ComponentInfo, comp: Any) -> tuple[str, str | None]:
        """running, paused, blocked (asleep with a full box ahead), finished, crashed, not started."""
        if info.state == "runnable":
            return "running", None
        if info.state == "sleeping":
            full = comp is not None and any(box.isFull() for box in comp.outboxes.values())
            return ("blocked" if full else "paused"), None
        return self._ends.get(info.id, ("not started", None))
