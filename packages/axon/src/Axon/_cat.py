"""The coordinating assistant tracker (CAT): named services and tracked values.

A service is a (component, inbox name) that others find by name, e.g. the
``"selector"`` of kamaelia-net or the ``"pygamedisplay"`` of kamaelia-ui.
One CAT per process is shared (``getcat()``); a lock makes it safe to use
from threaded components.
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

from ._errors import (
    AccessToUndeclaredTrackedVariable,
    BadComponent,
    BadInbox,
    BadParentTracker,
    MultipleServiceDeletion,
    NamespaceClash,
    ServiceAlreadyExists,
    UnknownService,
)

__all__ = ["coordinatingassistanttracker"]


def _name(thecomponent: Any) -> str:
    return str(getattr(thecomponent, "name", thecomponent))


class coordinatingassistanttracker:
    """Tracks services (component, inbox) and values under names."""

    basecat: ClassVar[coordinatingassistanttracker | None] = None

    def __init__(self, parent: coordinatingassistanttracker | None = None) -> None:
        if parent is not None and not isinstance(parent, coordinatingassistanttracker):
            raise BadParentTracker(parent)
        if coordinatingassistanttracker.basecat is None:
            coordinatingassistanttracker.basecat = self
        self._parent = parent
        self._lock = threading.RLock()
        self._informationLogged: dict[str, Any] = {}
        self._servicesRegistered: dict[str, tuple[Any, str]] = {}

    @classmethod
    def getcat(cls) -> coordinatingassistanttracker:
        """The process-wide CAT (made on first use)."""
        if coordinatingassistanttracker.basecat is None:
            cls()
        assert coordinatingassistanttracker.basecat is not None
        return coordinatingassistanttracker.basecat

    def zap(self) -> None:
        """Forget every service and value."""
        with self._lock:
            self._informationLogged.clear()
            self._servicesRegistered.clear()

    # -- services --------------------------------------------------------------

    def registerService(self, service: str, thecomponent: Any, inbox: str) -> None:
        """Offer ``thecomponent``'s inbox ``inbox`` as the service named ``service``."""
        boxes = getattr(thecomponent, "inboxes", None)
        if boxes is None:
            raise BadComponent(thecomponent)
        with self._lock:
            if inbox not in boxes:
                bad = BadInbox(thecomponent, inbox)
                bad.message = (
                    f"service {service!r}: {_name(thecomponent)} has no inbox {inbox!r}; "
                    f"its inboxes are: {', '.join(sorted(boxes))} "
                    f"(registered services: {self._registered()})"
                )
                raise bad
            if service in self._servicesRegistered:
                holder, held = self._servicesRegistered[service]
                clash = ServiceAlreadyExists(service)
                clash.message = (
                    f"service {service!r} is registered already, to inbox {held!r} of "
                    f"{_name(holder)}; registered services: {self._registered()}"
                )
                raise clash
            self._servicesRegistered[service] = (thecomponent, inbox)

    def deRegisterService(self, service: str) -> None:
        with self._lock:
            if self._servicesRegistered.pop(service, None) is None:
                raise MultipleServiceDeletion(service)

    def retrieveService(self, name: str) -> tuple[Any, str]:
        """The (component, inbox) of service ``name``; KeyError when there is none."""
        try:
            return self._servicesRegistered[name]
        except KeyError:
            raise UnknownService(name, self._registered()) from None

    def _registered(self) -> str:
        return ", ".join(sorted(self._servicesRegistered)) or "none"

    def servicesRegistered(self) -> list[str]:
        return list(self._servicesRegistered)

    # -- tracked values ------------------------------------------------------

    def trackValue(self, name: str, value: Any) -> None:
        with self._lock:
            if name in self._informationLogged:
                raise NamespaceClash(name)
            self._informationLogged[name] = value

    def updateValue(self, name: str, value: Any) -> None:
        with self._lock:
            if name not in self._informationLogged:
                raise AccessToUndeclaredTrackedVariable(name, value)
            self._informationLogged[name] = value

    def retrieveValue(self, name: str) -> Any:
        try:
            return self._informationLogged[name]
        except KeyError:
            raise AccessToUndeclaredTrackedVariable(name) from None

    def informationItemsLogged(self) -> list[str]:
        return list(self._informationLogged)
