"""Multiclick: a button whose message depends on which mouse button clicked it.

Example (left click says "select", right click says "menu")::

    Multiclick(caption="Item", msgs=[None, "select", None, "menu"])
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

import pygame
from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import DisplayClient, display_request

__all__ = ["Multiclick"]


@checked_keywords
class Multiclick(DisplayClient, component):
    """A button that sends ``msgs[event.button]`` for each click inside it.

    Mouse buttons are numbered as pygame numbers them (1 left, 2 middle, 3
    right, 4/5 wheel); a button with no entry in `msgs` (or a None entry)
    sends nothing.  Without `msgs`, every click sends `msg` (default
    ``("CLICK", self.id)``).  By default the background is transparent, so
    only the caption shows.  producerFinished or shutdownMicroprocess on
    "control" is passed on out of "signal"; it then gives its surface back.
    """

    Inboxes = {
        "inbox": "Events from the display (lists of pygame events)",
        "control": "producerFinished or shutdownMicroprocess ends the component",
        "callback": "The surface from the display",
    }
    Outboxes = {
        "outbox": "The message for each click",
        "signal": "The shutdown message, passed on",
        "display_signal": "Requests to the display",
    }

    def __init__(
        self,
        caption: str | None = None,
        position: tuple[int, int] | None = None,
        margin: int = 8,
        bgcolour: tuple[int, int, int] = (224, 224, 224),
        fgcolour: tuple[int, int, int] = (0, 0, 0),
        msg: Any = None,
        msgs: Sequence[Any] | None = None,
        transparent: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.backgroundColour = bgcolour
        self.foregroundColour = fgcolour
        self.margin = margin
        self.size = size
        self.msgs = msgs
        self.caption = f"Button {self.id}" if caption is None else caption
        self.display: pygame.Surface | None = None
        pygame.font.init()
        self.buildCaption(self.caption)
        self.eventMsg = ("CLICK", self.id) if msg is None else msg
        self.disprequest = display_request(
            self, self.size, position, transparency=bgcolour if transparent else None
        )

    def buildCaption(self, text: str) -> None:
        """Render the caption, and size the button to it when no size was given."""
        self.image = pygame.font.Font(None, 14).render(text, True, self.foregroundColour)
        if self.size is None:
            width, height = self.image.get_size()
            self.size = (width + 2 * self.margin, height + 2 * self.margin)
        self.imagePosition = (self.margin, self.margin)

    def blitToSurface(self) -> None:
        """Paint the background and the caption, and ask for a redraw."""
        assert self.display is not None
        self.display.fill(self.backgroundColour)
        self.display.blit(self.image, self.imagePosition)
        self._redraw(self.display, "display_signal")

    def message_for(self, button: int) -> Any:
        """What a click with mouse `button` sends (None: nothing)."""
        if self.msgs is None:
            return self.eventMsg
        if 0 <= button < len(self.msgs):
            return self.msgs[button]
        return None

    def main(self) -> Generator[int, None, None]:
        """Get a surface, draw the caption, then send a message per click."""
        self.display = yield from self._request_surface(
            self.disprequest, "display_signal", "callback"
        )
        self.blitToSurface()
        self._listen(self.display, "display_signal", pygame.MOUSEBUTTONDOWN)
        while not self._shutdown_received():
            while self.dataReady("inbox"):
                for event in self.recv("inbox"):
                    self._click(event)
            self.pause()
            yield 1
        self._release_surface(self.display, "display_signal")

    def _click(self, event: Any) -> None:
        assert self.display is not None
        if event.type != pygame.MOUSEBUTTONDOWN:
            return
        if not self.display.get_rect().collidepoint(event.pos):
            return
        message = self.message_for(event.button)
        if message is not None:
            self.send(message, "outbox")
