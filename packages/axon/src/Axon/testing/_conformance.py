"""The conformance check third-party component authors run on their components."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._ipc import producerFinished, shutdownMicroprocess
from ._run import run_component

__all__ = ["check_component_conformance"]

_SHUTDOWNS = (producerFinished, shutdownMicroprocess)


def _declared(component: Any, kind: str, needed: tuple[str, ...]) -> list[str]:
    boxes = component.inboxes if kind == "inbox" else component.outboxes
    return [f"it has no {kind} {name!r}" for name in needed if name not in boxes]


def _shuts_down(factory: Callable[[], Any], message: Any, timeout: float) -> list[str]:
    label = type(message).__name__
    try:
        sent = run_component(factory(), {"control": [message]}, timeout=timeout)
    except TimeoutError:
        return [f"it did not finish within {timeout} s of receiving {label} on 'control'"]
    if not any(isinstance(m, _SHUTDOWNS) for m in sent.get("signal", [])):
        return [
            f"after {label} on 'control' it sent no shutdown message on 'signal' "
            f"(it sent {sent.get('signal', [])!r})"
        ]
    return []


def check_component_conformance(factory: Callable[[], Any], timeout: float = 5.0) -> None:
    """Check the Kamaelia conventions on components made by ``factory()``.

    A conforming component has the inboxes ``inbox`` and ``control`` and the
    outboxes ``outbox`` and ``signal``; given ``producerFinished`` or
    ``shutdownMicroprocess`` on ``control`` it finishes (within ``timeout``
    seconds) and passes a shutdown message on through ``signal``.
    Raises AssertionError listing every rule broken.
    """
    sample = factory()
    problems = _declared(sample, "inbox", ("inbox", "control"))
    problems += _declared(sample, "outbox", ("outbox", "signal"))
    if not problems:
        for message in (producerFinished(), shutdownMicroprocess()):
            problems += _shuts_down(factory, message, timeout)
    if problems:
        raise AssertionError(
            f"{type(sample).__name__} does not conform:\n" + "\n".join(f"- {p}" for p in problems)
        )
