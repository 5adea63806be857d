"""Chargen: a stream of "Hello World" strings, for trying systems out.

::

    Pipeline(Chargen(), ConsoleEchoer()).run()

Chargen sends the string ``"Hello World"`` out of ``outbox``, one per
scheduler slice, for as long as it runs.  It is not rate limited; when
``outbox`` feeds a size-limited inbox it waits for room instead of failing.

Shutdown: ``producerFinished`` or ``shutdownMicroprocess`` on ``control``
stops it and is passed on out of ``signal`` (1.x ignored ``control`` and
never finished).
"""

from __future__ import annotations

from collections.abc import Generator

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import latch_shutdown
from Kamaelia.Util._waitsend import wait_send

__all__ = ["Chargen"]


@checked_keywords
class Chargen(component):
    """Chargen() -> send "Hello World" out of outbox, over and over."""

    Inboxes = {"inbox": "Unused", "control": "producerFinished or shutdownMicroprocess stops it"}
    Outboxes = {
        "outbox": 'The string "Hello World", over and over',
        "signal": "Shutdown signalling",
    }

    #: What is sent, every slice.
    message = "Hello World"

    def __init__(self) -> None:
        super().__init__()
        self._stop: object | None = None

    def _told_to_stop(self) -> bool:
        self._stop = latch_shutdown(self, self._stop)
        return self._stop is not None

    def main(self) -> Generator[int, None, None]:
        """Send the message each slice until told to stop."""
        while not self._told_to_stop():
            yield from wait_send(self, self.message, "outbox", self._told_to_stop)
            yield 1
        self.send(self._stop, "signal")
