"""The exception hierarchy of Axon.

The 1.x exception classes keep their names and their ``args`` (code written
for Kamaelia 1.x catches them and reads ``args``); Kamaelia 2 adds a readable
message to each and a few new classes for misuse that 1.x did not catch.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AccessToUndeclaredTrackedVariable",
    "AlreadyActivated",
    "ArgumentsClash",
    "AxonException",
    "BadComponent",
    "BadInbox",
    "BadParentTracker",
    "BoxAlreadyLinkedToDestination",
    "ComponentError",
    "MultipleServiceDeletion",
    "NamespaceClash",
    "ServiceAlreadyExists",
    "UnknownBox",
    "UnknownService",
    "YieldedValueError",
    "invalidComponentInterface",
    "noSpaceInBox",
    "normalShutdown",
]


class AxonException(Exception):
    """Base class of every Axon exception; positional arguments are kept in ``args``."""

    message: str | None = None

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.args = args

    def __str__(self) -> str:
        if self.message is not None:
            return self.message
        return super().__str__()


class normalShutdown(AxonException):
    """Kept for 1.x compatibility; nothing raises it."""


class invalidComponentInterface(AxonException):
    """A component lacks the inboxes or outboxes an interface requires."""


class noSpaceInBox(AxonException):
    """A size-limited inbox is full: ``args`` is ``(current_length, size)``."""

    def __init__(self, current_length: int, size: int | None, box: str | None = None) -> None:
        super().__init__(current_length, size)
        where = f"inbox {box}" if box else "destination inbox"
        self.message = (
            f"{where} is full ({current_length} of {size} messages); "
            "wait until the receiver takes some (you are woken when it does) and send again"
        )


class BadParentTracker(AxonException):
    """A coordinating assistant tracker was given a parent that is not one."""


class ServiceAlreadyExists(AxonException):
    """A service of that name is registered already."""


class BadComponent(AxonException):
    """A service was registered on something that is not a component."""


class BadInbox(AxonException):
    """A service was registered on an inbox the component does not have."""


class MultipleServiceDeletion(AxonException):
    """A service was deregistered that is not registered."""


class NamespaceClash(AxonException):
    """A tracked value of that name exists already."""


class AccessToUndeclaredTrackedVariable(AxonException):
    """A tracked value was read or updated before being declared with trackValue."""


class ArgumentsClash(AxonException):
    """Arguments given together contradict each other."""


class BoxAlreadyLinkedToDestination(AxonException):
    """A box can feed one destination only: ``args`` is ``(sink, current_target, new_source)``."""


class UnknownBox(AxonException, KeyError):
    """A box name that the component does not have (also a KeyError, as in 1.x)."""

    def __init__(self, component: object, kind: str, box: str, choices: Any) -> None:
        super().__init__(box)
        names = ", ".join(sorted(str(c) for c in choices)) or "none"
        self.component = component
        self.box = box
        self.message = (
            f"{describe_component(component)} has no {kind} {box!r}; its {kind}es are: {names}"
        )


class UnknownService(AxonException, KeyError):
    """No service of that name is registered (also a KeyError, as 1.x raised)."""

    def __init__(self, service: str, registered: str) -> None:
        super().__init__(service)
        self.message = f"no service {service!r}; registered services: {registered}"


class AlreadyActivated(AxonException):
    """A microprocess was activated while it is already running."""


class ComponentError(AxonException):
    """Axon found a component at fault (it yielded a coroutine, say).

    A component's own exception is never wrapped in it: that leaves
    ``runThreads()`` as itself, the component named in a note.
    """


class YieldedValueError(ComponentError, TypeError):
    """A microprocess yielded something that is surely a mistake (a coroutine, say)."""


def describe_component(component: object) -> str:
    """Name a component the way every error message does: class and id."""
    name = getattr(component, "name", None)
    if name is None:
        return f"{type(component).__name__} object"
    return f"component {type(component).__name__} (id {getattr(component, 'id', '?')}, {name})"


# Tracebacks name the public module users import these from.
for _name in __all__:
    globals()[_name].__module__ = "Axon.AxonExceptions"
