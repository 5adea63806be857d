"""Graphline: wire named components together with an explicit linkages dict.

::

    Graphline(
        SOURCE=DataSource([1, 2, 3]),
        DOUBLE=PureTransformer(lambda x: 2 * x),
        linkages={
            ("SOURCE", "outbox"): ("DOUBLE", "inbox"),
            ("SOURCE", "signal"): ("DOUBLE", "control"),
            ("DOUBLE", "outbox"): ("self", "outbox"),
        },
    )

The name ``"self"`` (or ``""``, as 1.x documented and 1.x code often
writes) means the Graphline: ``("self", "x")`` as a source makes
an inbox ``x`` on the Graphline that forwards inward, and as a destination an
outbox ``x`` that a child's outbox surfaces on.  These boundary boxes belong
to that Graphline instance only.

Shutdown, as in 1.x: unless the user links ``("self", "control")``, every
message arriving on the Graphline's ``control`` is copied to each child whose
``control`` no linkage feeds.  The Graphline finishes once every child has;
then, unless the user linked something to ``("self", "signal")``, it sends the
``shutdownMicroprocess`` it received (if any) or a ``producerFinished``.

Differences from 1.x: a linkage naming an unknown component (other than
"self" or "") or box raises :class:`WiringError` when the Graphline is built
(1.x silently treated any unknown name as "self"); ``linkages`` may be omitted; boundary boxes are never
added to the class; linking "self" to "self" is an error.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished

from Kamaelia.Chassis._wiring import (
    SELF,
    WiringError,
    activate_all,
    box_dict,
    check_component,
    plan_links,
    reap_children,
)
from Kamaelia.Util._control import is_stop_now

__all__ = ["Graphline", "WiringError"]


class Graphline(component):
    """Graphline(linkages=None, **components) -> wire named components together.

    Keyword arguments:

    - linkages   -- dict mapping ("name", "outbox") to ("name", "inbox");
      "self" or "" names the Graphline (default: no links)
    - components -- the child components, by name
    """

    Inboxes = {
        "inbox": "Forwarded to a child if the linkages say so",
        "control": "Shutdown signalling, copied to children (see the module docs)",
    }
    Outboxes = {
        "outbox": "Fed by a child if the linkages say so",
        "signal": "Shutdown signalling once every child has finished",
        "_cs": "Unused (kept for 1.x compatibility)",
    }

    def __init__(self, linkages: Mapping[Any, Any] | None = None, **components: component) -> None:
        owner = type(self).__name__
        for name, child in components.items():
            check_component(owner, f"component {name!r}", child)
        self.layout = dict(linkages or {})
        self.components = dict(components)
        self._plan = plan_links(owner, self.components, self.layout)
        # Boundary boxes are declared on the instance before the base class
        # builds the boxes, so no other Graphline (and not the class) sees them.
        inboxes = box_dict(type(self).Inboxes)
        outboxes = box_dict(type(self).Outboxes)
        for name, text in self._plan.extra_inboxes.items():
            inboxes.setdefault(name, text)
        for name, text in self._plan.extra_outboxes.items():
            outboxes.setdefault(name, text)
        self.Inboxes = inboxes
        self.Outboxes = outboxes
        super().__init__()
        self._make_links()

    def _make_links(self) -> None:
        def resolve(name: str) -> Any:
            return self if name == SELF else self.components[name]

        for src, sbox, dst, dbox, passthrough in self._plan.links:
            self.link((resolve(src), sbox), (resolve(dst), dbox), passthrough=passthrough)

    def _control_recipients(self) -> list[component]:
        """Children whose control no linkage feeds: they get copies of our control."""
        return [c for name, c in self.components.items() if name not in self._plan.controlled]

    def _disseminate(self, msg: Any, recipients: list[component]) -> None:
        # Delivered straight into each child's control (following any
        # passthrough it has), as 1.x's short-lived "_cs" links did, but
        # without link churn and leaving "_cs" free for whoever links it.
        for child in recipients:
            child.deliver(msg, "control")

    def main(self) -> Generator[int, None, None]:
        """Run the children, pass control messages on, report when all are done."""
        children = list(self.components.values())
        self.addChildren(*children)
        activate_all(self, children)
        recipients = self._control_recipients()
        handle_control = not self._plan.control_wired
        shutdown_message = None
        while not self.childrenDone():
            while handle_control and self.dataReady("control"):
                msg = self.recv("control")
                self._disseminate(msg, [c for c in recipients if not c._isStopped()])
                if is_stop_now(msg):
                    shutdown_message = msg
            # Only control matters here: a message left on an unlinked inbox
            # must not keep us awake (1.x's anyReady() check spun on it).
            if not (handle_control and self.dataReady("control")):
                self.pause()
            yield 1
        if not self._plan.signal_wired:
            self.send(shutdown_message if shutdown_message else producerFinished(), "signal")

    def childrenDone(self) -> bool:
        """Unplug finished children; True once none are left running."""
        return reap_children(self)
