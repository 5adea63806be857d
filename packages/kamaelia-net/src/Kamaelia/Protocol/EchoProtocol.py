"""EchoProtocol: sends back whatever it receives (the classic first server)."""

from __future__ import annotations

from collections.abc import Generator

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

__all__ = ["EchoProtocol"]


@checked_keywords
class EchoProtocol(component):
    """Copies "inbox" to "outbox"; a "control" message stops it and is passed on.

    Unlike 1.x, on producerFinished (a ``socketShutdown`` included) it first
    echoes everything already received (so a client that half-closes gets all
    its bytes back); other messages stop it at once, and when "outbox" is
    full it waits instead of failing, which carries backpressure upstream.
    """

    def main(self) -> Generator[int, None, None]:
        """Echo until told to stop, then pass the stop message on "signal"."""
        held = None
        stopMessage = None
        while True:
            if held is not None:
                try:
                    self.send(held, "outbox")
                    held = None
                except noSpaceInBox:
                    pass
            while held is None and self.dataReady("inbox"):
                message = self.recv("inbox")
                try:
                    self.send(message, "outbox")
                except noSpaceInBox:
                    held = message  # woken again when the receiver takes some
            if stopMessage is None and self.dataReady("control"):
                stopMessage = self.recv("control")
            if stopMessage is not None and not isinstance(stopMessage, producerFinished):
                break  # shutdownMicroprocess and the like: stop now
            if stopMessage is not None and held is None and not self.dataReady("inbox"):
                break  # producerFinished: everything received has been echoed
            if held is not None or not self.dataReady("inbox"):
                self.pause()
            yield 1
        self.send(stopMessage, "signal")
