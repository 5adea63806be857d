"""Carousel: run one child at a time, made on request by a factory.

A message on ``next`` calls ``componentFactory(message)``; the new child's
``inbox`` is fed from the Carousel's ``inbox`` and its ``outbox`` comes out of
the Carousel's ``outbox`` (its ``signal`` is ignored).  A ``next`` message
that arrives while a child runs first asks that child to stop (with
``shutdownMicroprocess``) and builds the new one once the old has gone.  When
a child finishes by itself, the Carousel asks for another by sending
``"NEXT"`` on ``requestNext``.

Shutdown: ``producerFinished`` on ``control`` lets the queued ``next``
requests run first, then passes the message to the child, waits for it and
sends it on ``signal``.  ``shutdownMicroprocess`` discards queued requests,
passes the message to the current child at once, waits, and sends it on.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Chassis._wiring import check_component, reap_children

__all__ = ["Carousel"]


@checked_keywords
class Carousel(component):
    """Carousel(componentFactory, make1stRequest=False) -> one child at a time.

    Keyword arguments:

    - componentFactory -- called with each "next" message; returns a component
    - make1stRequest   -- send "NEXT" on requestNext when starting (default False)
    """

    Inboxes = {
        "inbox": "Forwarded to the current child's inbox",
        "next": "Requests to replace the child; the message is the factory's argument",
        "control": "producerFinished / shutdownMicroprocess",
    }
    Outboxes = {
        "outbox": "The current child's outbox",
        "signal": "Shutdown signalling",
        "_signal": "Internal: shutdown messages to the child",
        "requestNext": 'Sends "NEXT" when the child has finished by itself',
    }

    def __init__(self, componentFactory: Callable[[Any], component], make1stRequest: bool = False):
        super().__init__()
        if not callable(componentFactory):
            raise TypeError(
                f"Carousel: componentFactory must be callable, got {componentFactory!r}"
            )
        self.factory = componentFactory
        self.make1stRequest = make1stRequest
        self.mustStop: Any = None
        self.pleaseStop: Any = None

    def main(self) -> Generator[int, None, None]:
        """Alternate between waiting for a request and running a child."""
        if self.make1stRequest:
            self.requestNext()
        while True:
            # Idle: no child.  Build one on request, or stop if asked to.
            while not self.childComponents():
                mustStop, pleaseStop = self.checkControl()
                if mustStop:
                    self.send(mustStop, "signal")
                    return
                if self.dataReady("next"):
                    self.instantiateNewChild(self.recv("next"))
                elif pleaseStop:
                    self.send(pleaseStop, "signal")
                    return
                else:
                    self.pause()
                    yield 1
            yield 1
            # Running: wait for the child to end, asking it to stop if needed.
            stopping = False
            while not self.handleChildTerminations():
                mustStop, pleaseStop = self.checkControl()
                if not stopping and mustStop:
                    self.shutdownChild(mustStop)
                    stopping = True
                elif not stopping and self.dataReady("next"):
                    self.shutdownChild(shutdownMicroprocess())
                    stopping = True
                elif not stopping and pleaseStop and not self.dataReady("next"):
                    self.shutdownChild(pleaseStop)
                    stopping = True
                else:
                    self.pause()
                    yield 1
            if not (self.dataReady("next") or self.pleaseStop or self.mustStop):
                self.requestNext()

    def handleChildTerminations(self) -> bool:
        """Unplug a finished child; True when there is no child any more."""
        return reap_children(self)

    def checkControl(self) -> tuple[Any, Any]:
        """Read control; return the (stop now, stop when done) messages seen so far."""
        while self.dataReady("control"):
            msg = self.recv("control")
            if isinstance(msg, producerFinished):
                self.pleaseStop = msg
            elif isinstance(msg, shutdownMicroprocess) or msg is shutdownMicroprocess:
                self.mustStop = msg
        return self.mustStop, self.pleaseStop

    def requestNext(self) -> None:
        """Ask for the next child's argument."""
        self.send("NEXT", "requestNext")

    def instantiateNewChild(self, args: Any) -> None:
        """Build, wire in and start a child from ``args``."""
        child = self.factory(args)
        check_component("Carousel", f"componentFactory({args!r})", child)
        self.addChildren(child)
        self.link((self, "inbox"), (child, "inbox"), passthrough=1)
        self.link((self, "_signal"), (child, "control"))
        self.link((child, "outbox"), (self, "outbox"), passthrough=2)
        child.activate(Scheduler=self.scheduler)

    def shutdownChild(self, shutdownMsg: Any) -> None:
        """Pass a shutdown message to the current child."""
        self.send(shutdownMsg, "_signal")
