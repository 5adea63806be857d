"""Construction-time wiring checks shared by the chassis components.

Pipeline, Graphline and Supervisor check every component reference and box
name when they are built, so a typo fails at once with an error that names the
chassis, the component, the box and the choices, instead of surfacing later
as a confusing failure (or, as in 1.x Graphline, a silent fallback).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from Axon.Component import component

__all__ = [
    "WiringError",
    "LinkPlan",
    "box_dict",
    "box_names",
    "check_component",
    "check_box",
    "plan_links",
    "reap_children",
    "SELF",
]

#: The name that means "the chassis itself" in a linkages dict.
SELF = "self"
#: 1.x documented "" for the chassis too (OneShot, Sync and many examples
#: write it); any other unknown name is an error.
_SELF_ALIASES = frozenset({SELF, ""})


class WiringError(ValueError):
    """A chassis was given a component, box or linkage that cannot be wired."""


def box_dict(spec: Any) -> dict[str, str]:
    """Normalise an ``Inboxes``/``Outboxes`` declaration (dict or list) to a dict."""
    if isinstance(spec, Mapping):
        return {str(k): str(v) for k, v in spec.items()}
    return {str(name): "" for name in spec}


def box_names(comp: Any, kind: str) -> list[str]:
    """Names of a component instance's boxes; ``kind`` is "inbox" or "outbox"."""
    boxes = getattr(comp, kind + "es", None)
    if boxes is None:
        boxes = box_dict(getattr(comp, "Inboxes" if kind == "inbox" else "Outboxes", {}))
    return sorted(boxes)


def describe_box(comp: Any, kind: str, name: str) -> str:
    """The description a component's class declares for one of its boxes (or "")."""
    declared = getattr(comp, "Inboxes" if kind == "inbox" else "Outboxes", {})
    return box_dict(declared).get(name, "")


def check_component(owner: str, label: str, obj: Any) -> None:
    """Raise ``TypeError`` unless ``obj`` is a component instance."""
    if isinstance(obj, component):
        return
    if isinstance(obj, type) and issubclass(obj, component):
        raise TypeError(
            f"{owner}: {label} is the class {obj.__name__}, not an instance; "
            f"did you mean {obj.__name__}(...)?"
        )
    raise TypeError(f"{owner}: {label} must be an Axon component, got {obj!r}")


def check_box(owner: str, label: str, comp: Any, kind: str, box: str) -> None:
    """Raise :class:`WiringError` unless ``comp`` has a box ``box`` of ``kind``."""
    names = box_names(comp, kind)
    if box not in names:
        raise WiringError(
            f"{owner}: {label} has no {kind} {box!r}; its {kind}es are: {', '.join(names)}"
        )


@dataclass
class LinkPlan:
    """A checked linkages dict, ready to be turned into ``link()`` calls.

    ``links`` holds ``(from_name, from_box, to_name, to_box, passthrough)``
    tuples where a name is a child's key or :data:`SELF`.
    """

    links: list[tuple[str, str, str, str, int]] = field(default_factory=list)
    #: Boundary inboxes/outboxes the chassis must create (name -> description).
    extra_inboxes: dict[str, str] = field(default_factory=dict)
    extra_outboxes: dict[str, str] = field(default_factory=dict)
    #: Children whose "control" inbox is fed by some linkage.
    controlled: set[str] = field(default_factory=set)
    #: True when the user wired ("self", "control") or (..) -> ("self", "signal").
    control_wired: bool = False
    signal_wired: bool = False


def _endpoint(owner: str, which: str, key: Any, end: Any) -> tuple[str, str]:
    """Check one ``(name, box)`` end of a linkage; ``""`` comes back as :data:`SELF`."""
    if not (isinstance(end, tuple) and len(end) == 2 and all(isinstance(p, str) for p in end)):
        raise WiringError(
            f"{owner}: linkage {key!r} has a bad {which} {end!r}; "
            f'expected a ("component name", "box name") pair of strings'
        )
    name, box = end
    return (SELF if name in _SELF_ALIASES else name), box


def _check_names(
    owner: str, children: Mapping[str, Any], key: Any, value: Any, src: str, dst: str
) -> None:
    for name in (src, dst):
        if name != SELF and name not in children:
            choices = ", ".join([*sorted(children), SELF])
            raise WiringError(
                f"{owner}: linkage {key!r}: {value!r} names no component {name!r}; "
                f"the choices are: {choices}"
            )
    if src == SELF and dst == SELF:
        raise WiringError(
            f"{owner}: linkage {key!r}: {value!r} links the chassis to itself; "
            "link through a child component instead"
        )


def plan_links(owner: str, children: Mapping[str, Any], linkages: Mapping[Any, Any]) -> LinkPlan:
    """Check a Graphline-style linkages dict against ``children`` and plan it.

    Only ``"self"`` (or ``""``, as 1.x documented) means the chassis; any
    other name must be a child, and every named box must exist on that child.
    """
    reserved = sorted(_SELF_ALIASES & set(children))
    if reserved:
        raise WiringError(
            f'{owner}: "{reserved[0]}" is reserved for the chassis; rename that component'
        )
    plan = LinkPlan()
    for key, value in linkages.items():
        src, sbox = _endpoint(owner, "source", key, key)
        dst, dbox = _endpoint(owner, "destination", key, value)
        _check_names(owner, children, key, value, src, dst)
        if src == SELF:
            check_box(owner, f"component {dst!r}", children[dst], "inbox", dbox)
            plan.extra_inboxes.setdefault(sbox, describe_box(children[dst], "inbox", dbox))
            plan.control_wired |= sbox == "control"
        else:
            check_box(owner, f"component {src!r}", children[src], "outbox", sbox)
        if dst == SELF:
            plan.extra_outboxes.setdefault(dbox, describe_box(children[src], "outbox", sbox))
            plan.signal_wired |= dbox == "signal"
        else:
            if src != SELF:
                check_box(owner, f"component {dst!r}", children[dst], "inbox", dbox)
            if dbox == "control":
                plan.controlled.add(dst)
        passthrough = 1 if src == SELF else 2 if dst == SELF else 0
        plan.links.append((src, sbox, dst, dbox, passthrough))
    return plan


def reap_children(parent: Any) -> bool:
    """Remove ``parent``'s finished children; True once none are left.

    ``removeChild`` also unlinks every linkage the parent made to the child.
    """
    for child in parent.childComponents():
        if child._isStopped():
            parent.removeChild(child)
    return not parent.childComponents()


def activate_all(parent: Any, children: Iterable[Any]) -> None:
    """Activate ``children`` on the scheduler ``parent`` is running on."""
    for child in children:
        child.activate(Scheduler=parent.scheduler)
