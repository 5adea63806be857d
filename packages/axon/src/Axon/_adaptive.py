"""Components that add and remove boxes while they run (1.x ``Axon.AdaptiveCommsComponent``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._box import postbox
from ._component import component
from ._errors import UnknownBox
from ._ids import numId

__all__ = ["AdaptiveCommsComponent", "_AdaptiveCommsable"]


class _AdaptiveCommsable:
    """Mixin: add and delete boxes at run time, and track a resource per box."""

    inboxes: dict[str, postbox]
    outboxes: dict[str, postbox]

    def __init__(self, *args: Any, **argd: Any) -> None:
        super().__init__(*args, **argd)
        self._resourceStore: dict[Any, tuple[Sequence[str], Sequence[str], Any]] = {}
        self._resourceLookup: dict[str, Any] = {}

    def _check_boxes(self, kind: str, names: Sequence[str]) -> None:
        boxes = self.inboxes if kind == "inbox" else self.outboxes
        for name in names:
            if name not in boxes:
                raise UnknownBox(self, kind, name, boxes)

    def trackResource(self, resource: Any, inbox: str) -> None:
        """Associate ``resource`` with the inbox named ``inbox`` (which must exist)."""
        self._check_boxes("inbox", [inbox])
        self._resourceLookup[inbox] = resource

    def retrieveTrackedResource(self, inbox: str) -> Any:
        return self._resourceLookup[inbox]

    def trackResourceInformation(
        self, resource: Any, inboxes: Sequence[str], outboxes: Sequence[str], information: Any
    ) -> None:
        """Remember ``(inboxes, outboxes, information)`` for ``resource``; the boxes must exist."""
        self._check_boxes("inbox", inboxes)
        self._check_boxes("outbox", outboxes)
        self._resourceStore[resource] = (inboxes, outboxes, information)

    def ceaseTrackingResource(self, resource: Any) -> None:
        del self._resourceStore[resource]

    def retrieveTrackedResourceInformation(self, resource: Any) -> tuple[Any, Any, Any]:
        return self._resourceStore[resource]

    def addInbox(self, name: str = "inbox") -> str:
        """Add an inbox named ``name`` (made unique with a number if taken); returns its name."""
        name = self._unique(name, self.inboxes)
        self.inboxes[name] = postbox(self, name, True)
        return name

    def addOutbox(self, name: str = "outbox") -> str:
        """Add an outbox named ``name`` (made unique with a number if taken); returns its name."""
        name = self._unique(name, self.outboxes)
        self.outboxes[name] = postbox(self, name, False)
        return name

    def deleteInbox(self, name: str) -> None:
        """Remove an inbox and any messages in it; unlink it first."""
        del self.inboxes[name]

    def deleteOutbox(self, name: str) -> None:
        """Remove an outbox; unlink it first."""
        del self.outboxes[name]

    @staticmethod
    def _unique(name: str, taken: dict[str, postbox]) -> str:
        while name in taken:
            name = f"{name}{numId()}"
        return name


class AdaptiveCommsComponent(_AdaptiveCommsable, component):
    """A component that can add and delete inboxes and outboxes while it runs."""
