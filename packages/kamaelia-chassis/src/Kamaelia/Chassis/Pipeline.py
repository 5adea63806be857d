"""Pipeline: wire components into a chain, each one's output feeding the next.

``Pipeline(a, b, c)`` links ``a.outbox -> b.inbox`` and ``a.signal -> b.control``
(and so on down the chain).  The Pipeline's own ``inbox``/``control`` feed the
first component and the last component's ``outbox``/``signal`` come out of the
Pipeline's ``outbox``/``signal``.  With ``circular=True`` the last component
feeds the first instead.  The Pipeline finishes once every child has finished.

Shutdown needs nothing from the Pipeline itself: a message sent to its
``control`` reaches the first child and cascades down the signal -> control
chain, and the last child's ``signal`` is the Pipeline's ``signal``.

Unlike 1.x, the wiring is made and checked when the Pipeline is built, so a
component without the expected boxes fails at once with a clear error.
"""

from __future__ import annotations

import warnings
from collections.abc import Generator
from itertools import pairwise
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Chassis._wiring import (
    WiringError,
    activate_all,
    check_box,
    check_component,
    reap_children,
)

__all__ = ["Pipeline", "pipeline", "WiringError"]

_STANDARD_BOXES = (
    ("inbox", "inbox"),
    ("inbox", "control"),
    ("outbox", "outbox"),
    ("outbox", "signal"),
)


@checked_keywords
class Pipeline(component):
    """Pipeline(*components, circular=False) -> chain the components in order.

    Keyword arguments (any others become attributes, as for every component):

    - circular -- link the last component back to the first (default False)
    """

    Inboxes = {
        "inbox": "Forwarded to the first component's inbox",
        "control": "Forwarded to the first component's control",
    }
    Outboxes = {
        "outbox": "The last component's outbox",
        "signal": "The last component's signal",
    }
    circular: bool = False

    def __init__(self, *components: component, **argd: Any) -> None:
        super().__init__(**argd)
        self.components = list(components)
        self._check_components()
        self._wire()

    def _label(self, index: int) -> str:
        child = self.components[index]
        return f"component {index} ({type(child).__name__})"

    def _check_components(self) -> None:
        owner = type(self).__name__
        if not self.components:
            raise WiringError(f"{owner} needs at least one component")
        seen: dict[int, int] = {}
        for index, child in enumerate(self.components):
            check_component(owner, f"component {index}", child)
            if id(child) in seen:
                raise WiringError(
                    f"{owner}: {self._label(index)} is the same object as component "
                    f"{seen[id(child)]}; a component can sit in a chain only once"
                )
            seen[id(child)] = index
        # Every position uses all four standard boxes: the ends are linked to
        # the Pipeline's own boxes (or to each other when circular).
        for index, child in enumerate(self.components):
            label = self._label(index)
            for kind, box in _STANDARD_BOXES:
                check_box(owner, label, child, kind, box)

    def _wire(self) -> None:
        chain = self.components
        for source, dest in pairwise(chain):
            self.link((source, "outbox"), (dest, "inbox"))
            self.link((source, "signal"), (dest, "control"))
        first, last = chain[0], chain[-1]
        self.link((self, "inbox"), (first, "inbox"), passthrough=1)
        self.link((self, "control"), (first, "control"), passthrough=1)
        if self.circular:
            self.link((last, "outbox"), (first, "inbox"))
            self.link((last, "signal"), (first, "control"))
        else:
            self.link((last, "outbox"), (self, "outbox"), passthrough=2)
            self.link((last, "signal"), (self, "signal"), passthrough=2)

    def main(self) -> Generator[int, None, None]:
        """Activate the children, then sleep until every one has finished."""
        self.addChildren(*self.components)
        activate_all(self, self.components)
        # A finishing child wakes its parent, so there is nothing to poll.
        while not self.childrenDone():
            self.pause()
            yield 1

    def childrenDone(self) -> bool:
        """Unplug finished children; True once none are left running."""
        return reap_children(self)


@checked_keywords
class pipeline(Pipeline):
    """Deprecated 1.x spelling of :class:`Pipeline`."""

    def __init__(self, *components: component, **argd: Any) -> None:
        warnings.warn(
            "Kamaelia.Chassis.Pipeline.pipeline is deprecated; use Pipeline instead",
            DeprecationWarning,
            stacklevel=2,
        )
        super().__init__(*components, **argd)
