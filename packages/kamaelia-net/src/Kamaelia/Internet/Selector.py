"""Selector: the 1.x I/O readiness service, kept for code that talks to it directly.

Kamaelia 2's own networking components ask the scheduler to watch their
sockets (``scheduler.watch_io``) and never use this. It exists so that 1.x
code that sends ``newReader``/``newWriter`` requests to the "selector" CAT
service keeps working, now without polling: it registers with the scheduler
and sleeps until a socket is ready.

Requests are one-shot, as in 1.x: ``newReader(caller, ((component, inbox),
fileobj))`` sends ``fileobj`` to ``(component, inbox)`` once it is readable,
then forgets it; ask again for the next event. ``removeReader(caller,
fileobj)`` withdraws a request. ``newExceptional`` is accepted but never fires
(the ``selectors`` module has no exceptional set). The service ends after
``idleExit`` seconds with nothing registered, or on ``Axon.Ipc.shutdown()``
once nothing is registered.
"""

from __future__ import annotations

import contextlib
import selectors
from collections.abc import Generator
from typing import Any

from Axon.AdaptiveCommsComponent import AdaptiveCommsComponent
from Axon.AxonExceptions import MultipleServiceDeletion
from Axon.CoordinatingAssistantTracker import coordinatingassistanttracker
from Axon.Ipc import shutdown, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.IPC import (
    newExceptional,
    newReader,
    newWriter,
    removeExceptional,
    removeReader,
    removeWriter,
)

__all__ = ["Selector"]

READERS, WRITERS, EXCEPTIONALS = 0, 1, 2
_EVENTS = {READERS: selectors.EVENT_READ, WRITERS: selectors.EVENT_WRITE, EXCEPTIONALS: 0}
_BOXBASE = {READERS: "readerNotify", WRITERS: "writerNotify", EXCEPTIONALS: "exceptionalNotify"}
_ADD = ((newReader, READERS), (newWriter, WRITERS), (newExceptional, EXCEPTIONALS))
_REMOVE = ((removeReader, READERS), (removeWriter, WRITERS), (removeExceptional, EXCEPTIONALS))


@checked_keywords
class Selector(AdaptiveCommsComponent):
    """Sends a file object to the requested inbox when it becomes readable or writable.

    Keyword arguments:

    - idleExit  -- the service ends after this many seconds with nothing registered (3.5)
    """

    Inboxes = {
        "control": "Axon.Ipc.shutdown(): end once nothing is registered",
        "inbox": "unused",
        "notify": "newReader/newWriter/newExceptional and remove* requests",
    }
    Outboxes = {"outbox": "unused", "signal": "unused"}
    idleExit: float = 3.5

    def __init__(self, **argd: Any) -> None:
        super().__init__(**argd)
        self.trackedby: Any = None
        # kind -> {fileobj: (outboxname, linkage)}
        self._requests: tuple[dict[Any, Any], ...] = ({}, {}, {})
        self._ready: list[tuple[Any, int]] = []
        self._masks: dict[Any, int] = {}
        self._idleTimer: Any = None
        self._idleExpired = False
        self._shuttingDown = False

    def trackedBy(self, tracker: Any) -> None:
        """Remember the tracker whose services we must withdraw when we end."""
        self.trackedby = tracker

    def _onIO(self, fileobj: Any, mask: int) -> None:
        self._ready.append((fileobj, mask))
        self.unpause()

    def _onIdle(self) -> None:
        self._idleTimer = None
        self._idleExpired = True
        self.unpause()

    def _registered(self) -> int:
        return sum(len(r) for r in self._requests)

    def main(self) -> Generator[int, None, None]:
        """Serve requests until idle for ``idleExit`` s, or shut down and idle."""
        while True:
            self._handleControl()
            self.handleNotify()
            self._fireReady()
            if not self._registered():
                if self._shuttingDown or self._idleExpired:
                    break
                if self._idleTimer is None:
                    self._idleTimer = self.scheduler.call_later(self.idleExit, self._onIdle)
            elif self._idleTimer is not None:
                self._idleTimer.cancel()
                self._idleTimer = None
                self._idleExpired = False
            if not self.anyReady() and not self._ready:
                self.pause()
            yield 1
        self._withdrawServices()

    def _handleControl(self) -> None:
        while self.dataReady("control"):
            message = self.recv("control")
            if isinstance(message, (shutdown, shutdownMicroprocess)):
                self._shuttingDown = True
                self._withdrawServices()

    def handleNotify(self) -> None:
        """Apply the requests waiting on "notify"."""
        while self.dataReady("notify"):
            message = self.recv("notify")
            for removal, kind in _REMOVE:
                if isinstance(message, removal):
                    self._remove(kind, message.object)
            for addition, kind in _ADD:
                if isinstance(message, addition):
                    replyService, fileobj = message.object
                    self._add(kind, replyService, fileobj)

    def _add(self, kind: int, replyService: tuple[Any, str], fileobj: Any) -> None:
        requests = self._requests[kind]
        if fileobj in requests:
            return  # duplicate requests are ignored, as in 1.x
        outbox = self.addOutbox(_BOXBASE[kind])
        requests[fileobj] = (outbox, self.link((self, outbox), replyService))
        self._rewatch(fileobj)

    def _remove(self, kind: int, fileobj: Any) -> None:
        entry = self._requests[kind].pop(fileobj, None)
        if entry is None:
            return
        outbox, linkage = entry
        self.unlink(thelinkage=linkage)
        self.deleteOutbox(outbox)
        self._rewatch(fileobj)

    def _rewatch(self, fileobj: Any) -> None:
        mask = 0
        for kind in (READERS, WRITERS):
            if fileobj in self._requests[kind]:
                mask |= _EVENTS[kind]
        if mask == self._masks.get(fileobj, 0):
            return
        if mask:
            self._masks[fileobj] = mask
            self.scheduler.watch_io(fileobj, mask, self._onIO)
        else:
            del self._masks[fileobj]
            self.scheduler.unwatch_io(fileobj)

    def _fireReady(self) -> None:
        ready, self._ready = self._ready, []
        for fileobj, mask in ready:
            for kind in (READERS, WRITERS):
                if mask & _EVENTS[kind] and fileobj in self._requests[kind]:
                    outbox, _linkage = self._requests[kind][fileobj]
                    self.send(fileobj, outbox)
                    self._remove(kind, fileobj)

    def _withdrawServices(self) -> None:
        if self.trackedby is None:
            return
        for name in ("selector", "selectorshutdown"):
            with contextlib.suppress(MultipleServiceDeletion, KeyError):
                self.trackedby.deRegisterService(name)
        self.trackedby = None

    def stop(self) -> None:
        """Withdraw every watch and the CAT services, then stop."""
        for fileobj in list(self._masks):
            self.scheduler.unwatch_io(fileobj)
        self._masks.clear()
        if self._idleTimer is not None:
            self._idleTimer.cancel()
            self._idleTimer = None
        self._withdrawServices()
        super().stop()

    @staticmethod
    def setSelectorServices(selector: Selector, tracker: Any = None) -> None:
        """Register ``selector`` as the "selector" / "selectorshutdown" services."""
        if not tracker:
            tracker = coordinatingassistanttracker.getcat()
        tracker.registerService("selector", selector, "notify")
        tracker.registerService("selectorshutdown", selector, "control")
        selector.trackedBy(tracker)

    @staticmethod
    def getSelectorServices(tracker: Any = None) -> tuple[Any, Any, Selector | None]:
        """Return (service, shutdownservice, newSelectorOrNone); activate a new one yourself."""
        if tracker is None:
            tracker = coordinatingassistanttracker.getcat()
        try:
            return (
                tracker.retrieveService("selector"),
                tracker.retrieveService("selectorshutdown"),
                None,
            )
        except KeyError:
            selector = Selector()
            Selector.setSelectorServices(selector, tracker)
            return (selector, "notify"), (selector, "control"), selector
