"""nullSinkComponent: receive and discard everything."""

from __future__ import annotations

from collections.abc import Generator

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["nullSinkComponent"]


@checked_keywords
class nullSinkComponent(component):
    """nullSinkComponent() -> discard whatever arrives on inbox.

    Link an outbox you want to ignore to it.  ``producerFinished`` or
    ``shutdownMicroprocess`` on ``control`` stops it and is sent on ``signal``.
    """

    Inboxes = {"inbox": "Discarded", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Unused", "signal": "Shutdown signalling"}

    def main(self) -> Generator[int, None, None]:
        """Drop messages until told to stop."""
        while True:
            while self.dataReady("inbox"):
                self.recv("inbox")
            while self.dataReady("control"):
                msg = self.recv("control")
                if is_shutdown(msg):
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1
