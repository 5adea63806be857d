"""One file reader at a time, replaced on request: what 1.x built with a Carousel.

kamaelia-console does not depend on kamaelia-chassis, so the reusable
readers cannot use ``Kamaelia.Chassis.Carousel``; this is the part of its
behaviour they need, kept the same:

- a message on ``next`` calls ``makeReader(message)``; the reader's ``inbox``
  is fed from ours and its ``outbox`` comes out of ours (its ``signal`` is
  not passed on);
- a ``next`` while a reader runs stops that reader (``shutdownMicroprocess``)
  and starts the new one once it has gone;
- a reader that finishes by itself (end of file) makes us send ``"NEXT"``
  on ``requestNext``;
- ``producerFinished`` on ``control`` lets queued ``next`` requests run
  first; then, if ``tell_reader_producer_finished``, it is passed to the
  reader (a prompted reader then serves the prompts it has and stops),
  otherwise the reader reads on to the end of its file (1.x's Carousel
  stopped a rate-controlled reader there and then); it is sent on
  ``signal`` once the reader has gone. ``shutdownMicroprocess`` drops queued
  requests, is passed to the reader at once, waited for and sent on.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import shutdownMicroprocess

from Kamaelia.Util._console_flow import ControlWatch

__all__ = ["ReaderCarousel"]


class ReaderCarousel(component):
    """Base of the reusable readers: subclasses define ``makeReader(arg)``."""

    Inboxes = {
        "inbox": "Passed to the current reader's inbox",
        "next": "What to read next: starts a new reader (stopping the current one)",
        "control": "producerFinished / shutdownMicroprocess",
    }
    Outboxes = {
        "outbox": "The current reader's data",
        "signal": "Shutdown signalling",
        "requestNext": '"NEXT" when a reader has reached the end of its file',
        "_reader_control": "Shutdown messages to the current reader",
    }

    #: Inboxes whose messages say what to read next.
    next_boxes: tuple[str, ...] = ("next",)
    #: Pass producerFinished to the reader (True) or let it reach its end (False).
    tell_reader_producer_finished = True

    def makeReader(self, arg: Any) -> component:
        """The reader for one ``next`` message."""
        raise NotImplementedError

    def _next_ready(self) -> bool:
        return any(self.dataReady(box) for box in self.next_boxes)

    def _take_next(self) -> Any:
        return self.recv(next(box for box in self.next_boxes if self.dataReady(box)))

    def _start(self, arg: Any) -> component:
        reader = self.makeReader(arg)
        self.addChildren(reader)
        if "inbox" not in self.next_boxes:
            self.link((self, "inbox"), (reader, "inbox"), passthrough=1)
        self.link((self, "_reader_control"), (reader, "control"))
        self.link((reader, "outbox"), (self, "outbox"), passthrough=2)
        reader.activate(Scheduler=self.scheduler)
        return reader

    def _run(self, reader: component, control: ControlWatch) -> Generator[int, None, bool]:
        """Wait for ``reader`` to end, stopping it if asked; True if it ended by itself."""
        told: object | None = None
        while not reader._isStopped():
            stop = control.poll()
            if told is None and isinstance(stop, shutdownMicroprocess):
                told = stop
            elif told is None and self._next_ready():
                told = shutdownMicroprocess(self)
            elif told is None and stop is not None and self.tell_reader_producer_finished:
                told = stop
            else:
                self.pause()
                yield 1
                continue
            self.send(told, "_reader_control")
        self.removeChild(reader)
        return told is None

    def main(self) -> Generator[int, None, None]:
        """Run one reader at a time, as asked, until told to stop."""
        control = ControlWatch(self)
        while True:
            stop = control.poll()
            if isinstance(stop, shutdownMicroprocess) or (stop and not self._next_ready()):
                self.send(stop, "signal")
                return
            if not self._next_ready():
                self.pause()
                yield 1
                continue
            ended = yield from self._run(self._start(self._take_next()), control)
            if ended and not self._next_ready() and control.poll() is None:
                self.send("NEXT", "requestNext")
