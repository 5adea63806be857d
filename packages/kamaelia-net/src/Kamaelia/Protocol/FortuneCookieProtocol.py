"""FortuneCookieProtocol: the classic demo server protocol — one saying, then goodbye."""

from __future__ import annotations

import random
from collections.abc import Generator

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

__all__ = ["FortuneCookieProtocol"]

# 1.x piped `fortune -a` through a file reader; a few built-in sayings keep the
# demo self-contained (no external command, no file).
COOKIES = (
    "A component that pauses costs nothing.\n",
    "Wire outboxes to inboxes and the system draws itself.\n",
    "Today you will send a message and it will arrive.\n",
    "Backpressure is a kindness to the slow reader.\n",
    "The shortest path between two components is a linkage.\n",
)


@checked_keywords
class FortuneCookieProtocol(component):
    """Sends one fortune cookie (bytes) on "outbox", then producerFinished on "signal".

    ``debug`` is accepted for 1.x compatibility and ignored.
    """

    def __init__(self, debug: int = 0) -> None:
        super().__init__()
        self.debug = debug

    def main(self) -> Generator[int, None, None]:
        """Send a cookie and finish."""
        self.send(random.choice(COOKIES).encode(), "outbox")
        yield 1
        self.send(producerFinished(self), "signal")
