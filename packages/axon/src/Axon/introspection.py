"""A cheap snapshot of a running system, and the instrument hooks of the scheduler.

``snapshot()`` lists the components a scheduler knows (and those linked to
them), their boxes with queue lengths, and the links between boxes. It is
built only when asked for, so it costs nothing otherwise. ``to_dot()``
draws it for Graphviz.

An *instrument* is any object with some of the methods of ``Instrument``
(subclass it to be typed as one); ``scheduler.add_instrument(obj)`` makes
the scheduler call them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._component import component as _component
from ._instrument import Instrument
from ._scheduler import scheduler as _scheduler

__all__ = [
    "BoxInfo",
    "ComponentInfo",
    "Instrument",
    "LinkInfo",
    "Snapshot",
    "snapshot",
    "waiting_at",
]


@dataclass(frozen=True)
class BoxInfo:
    """One box: its name, kind (``"inbox"`` or ``"outbox"``), queued messages and size limit."""

    name: str
    kind: str
    queued: int
    size: int | None


@dataclass(frozen=True)
class ComponentInfo:
    """One component: id, name, class, state (``runnable``/``sleeping``/``not running``), boxes.

    ``children`` are the ids of the components it contains (a Pipeline's
    parts); ``waiting_at`` is where its ``main()`` last yielded, as
    ``file:line in function`` (None when it is not running).
    """

    id: int
    name: str
    type: str
    state: str
    inboxes: tuple[BoxInfo, ...]
    outboxes: tuple[BoxInfo, ...]
    children: tuple[int, ...] = ()
    waiting_at: str | None = None


@dataclass(frozen=True)
class LinkInfo:
    """A link from box ``source`` to box ``sink``, each as (component id, box name)."""

    source: tuple[int, str]
    sink: tuple[int, str]
    passthrough: int


@dataclass(frozen=True)
class Snapshot:
    """Components and links of a system at one instant."""

    components: tuple[ComponentInfo, ...]
    links: tuple[LinkInfo, ...]

    def to_dot(self) -> str:
        """The system as a Graphviz DOT digraph (components as nodes, links as edges)."""
        lines = ["digraph kamaelia {", "  rankdir=LR;", "  node [shape=box];"]
        for c in self.components:
            label = c.name.rsplit(".", 1)[-1]
            lines.append(f'  c{c.id} [label="{label}"];')
        for link in self.links:
            lines.append(
                f"  c{link.source[0]} -> c{link.sink[0]} "
                f'[label="{link.source[1]} → {link.sink[1]}"];'
            )
        lines.append("}")
        return "\n".join(lines) + "\n"


def _state(sched: _scheduler, comp: Any) -> str:
    if comp not in sched._all:
        return "not running"
    return "sleeping" if comp._sleeping else "runnable"


def _boxes(comp: Any, kind: str) -> tuple[BoxInfo, ...]:
    boxes = comp.inboxes if kind == "inbox" else comp.outboxes
    return tuple(BoxInfo(name, kind, box.local_len(), box.getSize()) for name, box in boxes.items())


def waiting_at(comp: Any) -> str | None:
    """Where ``comp``'s ``main()`` is suspended, as ``file:line in function`` (None if it is not).

    Follows ``yield from`` to the innermost generator.
    """
    generator = getattr(getattr(comp, "_next", None), "__self__", None)
    while getattr(generator, "gi_yieldfrom", None) is not None:
        generator = generator.gi_yieldfrom  # type: ignore[union-attr]
    frame = getattr(generator, "gi_frame", None)
    if frame is None:
        return None
    return f"{frame.f_code.co_filename}:{frame.f_lineno} in {frame.f_code.co_name}"


def snapshot(sched: _scheduler | None = None) -> Snapshot:
    """Describe every component ``sched`` (default: ``scheduler.run``) runs, and their links."""
    sched = sched if sched is not None else _scheduler.run
    found: dict[Any, None] = {
        mp: None for mp in sched.listAllThreads() if isinstance(mp, _component)
    }
    links: list[LinkInfo] = []
    pending = list(found)
    while pending:
        comp = pending.pop()
        for link in comp.postoffice.linkages:
            links.append(
                LinkInfo(
                    (link.source.id, link.sourcebox), (link.sink.id, link.sinkbox), link.passthrough
                )
            )
            for other in (link.source, link.sink):
                if other not in found:
                    found[other] = None
                    pending.append(other)
    components = tuple(
        ComponentInfo(
            c.id,
            c.name,
            f"{type(c).__module__}.{type(c).__qualname__}",
            _state(sched, c),
            _boxes(c, "inbox"),
            _boxes(c, "outbox"),
            tuple(child.id for child in getattr(c, "children", ())),
            waiting_at(c),
        )
        for c in sorted(found, key=lambda c: c.id)
    )
    return Snapshot(components, tuple(links))
