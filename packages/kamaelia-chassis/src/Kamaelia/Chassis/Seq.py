"""Seq: run components one after another.

Each component in turn gets the Seq's ``inbox`` and sends out of the Seq's
``outbox``; its ``signal`` is deliberately not passed on, so the component
downstream of the Seq is not stopped when one item of the sequence ends.
A string in the sequence is written to standard output (as in 1.x).  When the
sequence is done, the Seq sends ``producerFinished`` on ``signal``.

Beyond 1.x (which ignored ``control``): a ``shutdownMicroprocess`` is
passed to the running component, the rest of the sequence is skipped, and
the message is sent on ``signal`` once that component has finished.  A
``producerFinished`` (no more input) is passed to the running component and
to each later one as it starts, so components waiting for input finish while
self-contained ones run as usual; the Seq then ends with ``producerFinished``.
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Chassis._wiring import check_component, reap_children
from Kamaelia.Util._control import is_shutdown, is_stop_now

__all__ = ["Seq"]


@checked_keywords
class Seq(component):
    """Seq(*sequence) -> run the components (or print the strings) in turn."""

    Inboxes = {
        "inbox": "Forwarded to the running component's inbox",
        "control": "shutdownMicroprocess stops the sequence; producerFinished is passed on to each item",
    }
    Outboxes = {
        "outbox": "The running component's outbox",
        "signal": "producerFinished when the sequence is done",
    }

    def __init__(self, *sequence: component | str) -> None:
        super().__init__()
        for index, item in enumerate(sequence):
            if not isinstance(item, str):
                check_component("Seq", f"item {index}", item)
        self.sequence = sequence

    def main(self) -> Generator[int, None, None]:
        """Run each item; wait for it to finish before starting the next."""
        self._stop: Any = None
        self._finishing: Any = None
        for item in self.sequence:
            if isinstance(item, str):
                # User-requested output (1.x prints these), not a diagnostic.
                sys.stdout.write(item + "\n")
                sys.stdout.flush()
                continue
            self.addChildren(item)
            # removeChild (in childrenDone) undoes these links when it finishes.
            self.link((item, "outbox"), (self, "outbox"), passthrough=2)
            self.link((self, "inbox"), (item, "inbox"), passthrough=1)
            item.activate(Scheduler=self.scheduler)
            told = None
            while not self.childrenDone():
                self._read_control()
                wanted = self._stop or self._finishing
                if wanted is not None and wanted is not told:
                    told = wanted
                    item.deliver(wanted, "control")
                else:
                    self.pause()
                    yield 1
            self._read_control()
            if self._stop is not None:
                break
        self.send(self._stop if self._stop is not None else producerFinished(self), "signal")

    def _read_control(self) -> None:
        """Note a stop-now or a producerFinished from control; ignore the rest."""
        while self.dataReady("control"):
            msg = self.recv("control")
            if is_stop_now(msg):
                self._stop = msg
            elif is_shutdown(msg) and self._finishing is None:
                self._finishing = msg

    def childrenDone(self) -> bool:
        """Unplug the finished component; True once none is running."""
        return reap_children(self)
