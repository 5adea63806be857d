"""Button: a labelled rectangle in the pygame window that sends a message when clicked.

Example::

    Pipeline(Button(caption="Next", msg="NEXT", key=pygame.K_RIGHT), ConsoleEchoer()).run()
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame
from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import DisplayClient, display_request

__all__ = ["Button"]


@checked_keywords
class Button(DisplayClient, component):
    """A clickable button on the PygameDisplay; sends `msg` on "outbox" when clicked.

    A mouse click inside the button, or a press of `key` (a
    pygame key code) anywhere, sends `msg` (default ``("CLICK", self.id)``).
    Without `size` the button fits its caption plus `margin` on every side;
    with `size` the caption is centred.  `transparent` makes `bgcolour` see-through.
    producerFinished or shutdownMicroprocess on "control" is passed on out of
    "signal"; the button then gives its surface back and finishes.
    """

    Inboxes = {
        "inbox": "Events from the display (lists of pygame events)",
        "control": "producerFinished or shutdownMicroprocess ends the button",
        "callback": "The surface from the display",
    }
    Outboxes = {
        "outbox": "`msg` each time the button is clicked",
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
        key: int | None = None,
        transparent: bool = False,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.backgroundColour = bgcolour
        self.foregroundColour = fgcolour
        self.margin = margin
        self.key = key
        self.caption = f"Button {self.id}" if caption is None else caption
        self.size = size
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
        width, height = self.image.get_size()
        if not self.size:
            self.size = (width + 2 * self.margin, height + 2 * self.margin)
            self.imagePosition = (self.margin, self.margin)
        else:
            self.imagePosition = ((self.size[0] - width) // 2, (self.size[1] - height) // 2)

    def blitToSurface(self) -> None:
        """Paint the background and the caption, and ask for a redraw."""
        assert self.display is not None
        self.display.fill(self.backgroundColour)
        self.display.blit(self.image, self.imagePosition)
        self._redraw(self.display, "display_signal")

    def main(self) -> Generator[int, None, None]:
        """Get a surface, draw the button, then send `msg` for each click or key press."""
        self.display = yield from self._request_surface(
            self.disprequest, "display_signal", "callback"
        )
        self.blitToSurface()
        self._listen(self.display, "display_signal", pygame.MOUSEBUTTONDOWN)
        if self.key is not None:
            self._listen(self.display, "display_signal", pygame.KEYDOWN)
        while not self._shutdown_received():
            while self.dataReady("inbox"):
                for event in self.recv("inbox"):
                    if self._is_press(event):
                        self.send(self.eventMsg, "outbox")
            self.pause()
            yield 1
        self._release_surface(self.display, "display_signal")

    def _is_press(self, event: Any) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN:
            assert self.display is not None
            return bool(self.display.get_rect().collidepoint(event.pos))
        return bool(event.type == pygame.KEYDOWN and event.key == self.key)
