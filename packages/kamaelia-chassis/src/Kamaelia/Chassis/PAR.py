"""PAR: run components side by side, their outputs merged (after Occam's PAR).

Every child's ``outbox`` and ``signal`` come out of the PAR's ``outbox`` and
``signal``, so downstream sees each child's shutdown message as well as the
PAR's own.  Every message on the PAR's ``control`` is copied to every child.
Messages on the PAR's ``inbox`` are discarded (as in 1.x).

The PAR finishes when all its children have, and then sends
``producerFinished``.  On ``shutdownMicroprocess`` it finishes at once (after
copying the message to the children, which then stop by themselves) and
sends that message on ``signal``.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Chassis._wiring import activate_all, check_box, check_component, reap_children
from Kamaelia.Util._control import is_stop_now

__all__ = ["PAR"]


@checked_keywords
class PAR(component):
    """PAR(*components, policy=None) -> run the components in parallel, outputs merged.

    Keyword arguments:

    - policy  -- a 1.x hook kept for compatibility; unused (None)
    """

    Inboxes = {
        "inbox": "Discarded",
        "control": "Copied to every child; shutdownMicroprocess stops the PAR",
    }
    Outboxes = {
        "outbox": "Every child's outbox",
        "signal": "Every child's signal, then the PAR's own shutdown message",
        "_co": "Unused (kept for 1.x compatibility)",
        "_cs": "Unused (kept for 1.x compatibility)",
    }
    policy: Any = None

    def __init__(self, *components: component, **argd: Any) -> None:
        super().__init__(**argd)
        for index, child in enumerate(components):
            label = f"component {index} ({type(child).__name__})"
            check_component("PAR", f"component {index}", child)
            for kind, box in (("outbox", "outbox"), ("outbox", "signal"), ("inbox", "control")):
                check_box("PAR", label, child, kind, box)
        self.components = list(components)
        for child in self.components:
            for box in ("outbox", "signal"):
                self.link((child, box), (self, box), passthrough=2)

    def main(self) -> Generator[int, None, None]:
        """Run the children; copy control to them; finish with them."""
        self.addChildren(*self.components)
        activate_all(self, self.components)
        yield 1
        shutdown_message = None
        while shutdown_message is None and not self.childrenDone():
            while self.dataReady("inbox"):
                self.recv("inbox")
            while self.dataReady("control"):
                msg = self.recv("control")
                self._copy_to_children(msg)
                if is_stop_now(msg):
                    shutdown_message = msg
                    break
            if shutdown_message is None:
                if not self.anyReady():
                    self.pause()
                yield 1
        self.send(
            shutdown_message if shutdown_message is not None else producerFinished(), "signal"
        )
        # Detach the children still stopping, so their late signals do not
        # come out of a PAR that has already finished.
        for child in self.childComponents():
            self.removeChild(child)

    def _copy_to_children(self, msg: Any) -> None:
        for child in self.childComponents():
            child.deliver(msg, "control")  # see Graphline._disseminate

    def childrenDone(self) -> bool:
        """Unplug finished children; True once none are left running."""
        return reap_children(self)
