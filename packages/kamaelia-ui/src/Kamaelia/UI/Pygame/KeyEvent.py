"""KeyEvent: turns key presses in the pygame window into messages.

Example (arrow keys steer a Chooser)::

    KeyEvent(key_events={pygame.K_RIGHT: ("NEXT", "outbox"), pygame.K_LEFT: ("PREV", "outbox")})
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

import pygame
from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import DisplayClient, display_request

__all__ = ["KeyEvent"]


@checked_keywords
class KeyEvent(DisplayClient, component):
    """Sends a chosen message on a chosen outbox when a key goes down (or up).

    `key_events` maps pygame key codes to ``(message, outboxname)`` for key
    presses, `key_up_events` the same for releases; `outboxes` declares extra
    outboxes (name -> description) for them to use.  With `allkeys` every
    press and release also sends ``("DOWN", key)`` / ``("UP", key)`` on
    "allkeys".  It draws nothing (its surface is 0x0).  producerFinished or
    shutdownMicroprocess on "control" is passed on out of "signal" and ends it.
    """

    Inboxes = {
        "inbox": "Events from the display (lists of pygame events)",
        "control": "producerFinished or shutdownMicroprocess ends the component",
        "callback": "The surface from the display",
    }
    Outboxes = {
        "outbox": "Key messages that name this outbox",
        "allkeys": '("DOWN", key) and ("UP", key) for every key, if allkeys is set',
        "signal": "The shutdown message, passed on",
        "display_signal": "Requests to the display",
    }

    def __init__(
        self,
        allkeys: bool = False,
        key_events: Mapping[int, tuple[Any, str]] | None = None,
        key_up_events: Mapping[int, tuple[Any, str]] | None = None,
        outboxes: Mapping[str, str] | None = None,
    ) -> None:
        # Extra outboxes belong to this instance only (1.x added them to the
        # class, so every later KeyEvent grew them too).
        self.Outboxes = {**type(self).Outboxes, **(outboxes or {})}
        super().__init__()
        self.allkeys = allkeys
        self.key_events = dict(key_events or {})
        self.key_up_events = dict(key_up_events or {})
        for key, (_, box) in [*self.key_events.items(), *self.key_up_events.items()]:
            if box not in self.Outboxes:
                raise ValueError(
                    f"KeyEvent: key {pygame.key.name(key)!r} sends on outbox {box!r}, which is "
                    f"not declared; outboxes are: {', '.join(sorted(self.Outboxes))} "
                    "(declare more with outboxes={...})"
                )
        self.display: pygame.Surface | None = None
        self.disprequest = display_request(self, (0, 0))

    def main(self) -> Generator[int, None, None]:
        """Register for key events, then translate them until shut down."""
        self.display = yield from self._request_surface(
            self.disprequest, "display_signal", "callback"
        )
        if self.key_events or self.allkeys:
            self._listen(self.display, "display_signal", pygame.KEYDOWN)
        if self.key_up_events or self.allkeys:
            self._listen(self.display, "display_signal", pygame.KEYUP)
        while not self._shutdown_received():
            while self.dataReady("inbox"):
                for event in self.recv("inbox"):
                    self._translate(event)
            self.pause()
            yield 1
        self._release_surface(self.display, "display_signal")

    def _translate(self, event: Any) -> None:
        if event.type == pygame.KEYDOWN:
            table, tag = self.key_events, "DOWN"
        elif event.type == pygame.KEYUP:
            table, tag = self.key_up_events, "UP"
        else:
            return
        if event.key in table:
            message, box = table[event.key]
            self.send(message, box)
        if self.allkeys:
            self.send((tag, event.key), "allkeys")
