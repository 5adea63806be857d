"""1.x module ``Axon.util``: small helpers."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from ._errors import invalidComponentInterface

__all__ = [
    # re-exported: 1.x star imports of Axon.util gave them
    "invalidComponentInterface",
    "sys",
    "Finality",
    "axonRaise",
    "listSubset",
    "logError",
    "next",
    "production",
    "removeAll",
    "safeList",
    "testInterface",
    "vrange",
]

production = False
next = next
vrange = range


def logError(someException: BaseException, *args: Any) -> None:
    """Hook for production mode; does nothing."""


def axonRaise(someException: type[BaseException], *args: Any) -> bool:
    """Raise ``someException(*args)`` unless ``production`` is set (then return False)."""
    if production:
        logError(someException(*args), *args)
        return False
    raise someException(*args)


def removeAll(xs: list[Any], y: Any) -> None:
    """Remove every occurrence of ``y`` from the list ``xs``."""
    xs[:] = [x for x in xs if x != y]


def listSubset(requiredList: Iterable[Any], suppliedList: Iterable[Any]) -> bool:
    """True when every item of ``requiredList`` is in ``suppliedList``."""
    supplied = list(suppliedList)
    return all(item in supplied for item in requiredList)


def testInterface(theComponent: Any, interface: tuple[Iterable[str], Iterable[str]]) -> bool:
    """Check that ``theComponent`` has the (inboxes, outboxes) in ``interface``.

    Raises ``invalidComponentInterface`` with 1.x's args ``(kind, theComponent,
    interface)``, or returns False when ``production`` is set.
    """
    inboxes, outboxes = interface
    for kind, required, present in (
        ("inboxes", inboxes, theComponent.Inboxes),
        ("outboxes", outboxes, theComponent.Outboxes),
    ):
        missing = [box for box in required if box not in present]
        if missing:
            error = invalidComponentInterface(kind, theComponent, interface)
            error.message = f"{theComponent.name} has no {kind} {missing}; it has {sorted(present)}"
            if production:
                logError(error, *error.args)
                return False
            raise error
    return True


testInterface.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def safeList(arg: Any = None) -> list[Any]:
    """``list(arg)``, or ``[]`` when that fails."""
    try:
        return list(arg)
    except TypeError:
        return []


class Finality(Exception):
    """Raised to jump to a ``finally`` block (1.x's TCPClient uses it)."""
