"""1.x module ``Axon.Introspector``: a component that reports the system's topology.

It sends text lines (``ADD NODE``, ``ADD LINK``, ``DEL NODE``, ``DEL LINK``,
first ``DEL ALL``) describing changes, as the 1.x topology viewers expect.
Unlike 1.x it does not run every cycle: it looks every ``interval`` seconds.
"""

from __future__ import annotations

from collections.abc import Generator
from numbers import Real
from typing import Any

from ._component import component as _component
from ._ipc import producerFinished as _producerFinished
from ._ipc import shutdownMicroprocess as _shutdownMicroprocess
from .introspection import snapshot
from .options import checked_keywords

__all__ = ["Introspector"]

_BOX_TYPE = {"inbox": "i", "outbox": "o"}


def _topology(sched: Any) -> tuple[dict[Any, str], dict[tuple[Any, Any], None]]:
    """Nodes (id -> ADD NODE line tail) and links of the system, in 1.x's naming."""
    nodes: dict[Any, str] = {}
    links: dict[tuple[Any, Any], None] = {}
    snap = snapshot(sched)
    for c in snap.components:
        nodes[c.id] = f'"{c.name}" randompos component'
        for box in (*c.inboxes, *c.outboxes):
            nodes[(c.id, _BOX_TYPE[box.kind], box.name)] = f'"{box.name}" randompos {box.kind}'
    kinds = {0: ("o", "i"), 1: ("i", "i"), 2: ("o", "o")}
    for link in snap.links:
        src_kind, dst_kind = kinds[link.passthrough]
        src = (link.source[0], src_kind, link.source[1])
        dst = (link.sink[0], dst_kind, link.sink[1])
        links[(src, dst)] = None
    return nodes, links


def _diff(
    old: tuple[dict[Any, str], dict[Any, None]], new: tuple[dict[Any, str], dict[Any, None]]
) -> str:
    (old_nodes, old_links), (nodes, links) = old, new
    out = [f'DEL LINK "{s}" "{d}"\n' for (s, d) in old_links if (s, d) not in links]
    out += [f'DEL NODE "{n}"\n' for n in old_nodes if n not in nodes]
    for node, tail in nodes.items():
        if node not in old_nodes:
            out.append(f'ADD NODE "{node}" {tail}\n')
            if isinstance(node, tuple):
                out.append(f'ADD LINK "{node[0]}" "{node}"\n')
    out += [f'ADD LINK "{s}" "{d}"\n' for (s, d) in links if (s, d) not in old_links]
    return "".join(out)


@checked_keywords
class Introspector(_component):
    """Sends the system's topology, then every change to it, as 1.x topology text."""

    Inboxes = {"inbox": "not used", "control": "shutdownMicroprocess or producerFinished stops it"}
    Outboxes = {"outbox": "topology change text", "signal": "passes the shutdown message on"}

    interval: float

    def __init__(self, interval: float = 0.1, **argd: Any) -> None:
        if isinstance(interval, bool) or not isinstance(interval, Real) or not interval > 0:
            raise ValueError(f"Introspector: interval must be seconds > 0, got {interval!r}")
        super().__init__(interval=interval, **argd)

    def main(self) -> Generator[int, None, None]:
        self.send("DEL ALL\n", "outbox")
        seen: tuple[dict[Any, str], dict[Any, None]] = ({}, {})
        while True:
            while self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (_producerFinished, _shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            now = _topology(self.scheduler)
            changes = _diff(seen, now)
            if changes:
                self.send(changes, "outbox")
            seen = now
            timer = self.scheduler.call_later(self.interval, self.unpause)
            self.pause()
            yield 1
            timer.cancel()
