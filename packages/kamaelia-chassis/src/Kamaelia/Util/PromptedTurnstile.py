"""PromptedTurnstile: release one buffered message per request."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown, is_stop_now
from Kamaelia.Util._waitsend import wait_send

__all__ = ["PromptedTurnstile"]


@checked_keywords
class PromptedTurnstile(component):
    """PromptedTurnstile() -> send one inbox message for each message on "next".

    Messages wait in the inbox until requested.  ``producerFinished`` stops
    it once every buffered message has been released; ``shutdownMicroprocess``
    stops it at once.  Either is passed on out of ``signal``.
    """

    Inboxes = {
        "inbox": "Messages to release",
        "next": "Each message here releases one",
        "control": "Shutdown signalling",
    }
    Outboxes = {"outbox": "Released messages", "signal": "Shutdown signalling"}

    def __init__(self) -> None:
        super().__init__()
        self.shutdownMsg: Any = None

    def _must_stop(self) -> bool:
        while self.dataReady("control"):
            msg = self.recv("control")
            if is_stop_now(msg) or (is_shutdown(msg) and self.shutdownMsg is None):
                self.shutdownMsg = msg
        return is_stop_now(self.shutdownMsg)

    def main(self) -> Generator[int, None, None]:
        """Pair each request with a message until told to stop."""
        while not self._must_stop():
            while self.dataReady("inbox") and self.dataReady("next"):
                self.recv("next")
                sent = yield from wait_send(self, self.recv("inbox"), "outbox", self._must_stop)
                if not sent:
                    break
            if self.shutdownMsg is not None and not self.dataReady("inbox"):
                break
            self.pause()
            yield 1
        self.send(self.shutdownMsg, "signal")
