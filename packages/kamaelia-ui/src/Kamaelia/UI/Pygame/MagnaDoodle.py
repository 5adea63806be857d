"""MagnaDoodle: a drawing board in the pygame window.

Drag with the left mouse button to draw; click the right button to wipe it.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame
from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import DisplayClient, display_request

__all__ = ["MagnaDoodle"]

BORDER_COLOUR = (255, 0, 0)
INK_COLOUR = (0, 0, 0)
BORDER = 10


@checked_keywords
class MagnaDoodle(DisplayClient, component):
    """A drawing board: left-drag draws black lines, a right click clears it.

    The board is `size` pixels with a 10-pixel red border; lines are drawn
    only inside the border.  `caption`, `margin`, `fgcolour`, `msg` and
    `transparent` are accepted as in 1.x.  It sends nothing.
    producerFinished or shutdownMicroprocess on "control" is passed on out of
    "signal"; it then gives its surface back.
    """

    Inboxes = {
        "inbox": "Events from the display (lists of pygame events)",
        "control": "producerFinished or shutdownMicroprocess ends the component",
        "callback": "The surface from the display",
    }
    Outboxes = {
        "outbox": "Not used",
        "signal": "The shutdown message, passed on",
        "display_signal": "Requests to the display",
    }

    def __init__(
        self,
        caption: str | None = None,
        position: tuple[int, int] | None = None,
        margin: int = 8,
        bgcolour: tuple[int, int, int] = (124, 124, 124),
        fgcolour: tuple[int, int, int] = (0, 0, 0),
        msg: Any = None,
        transparent: bool = False,
        size: tuple[int, int] = (200, 200),
    ) -> None:
        super().__init__()
        self.backgroundColour = bgcolour
        self.foregroundColour = fgcolour
        self.margin = margin
        self.size = size
        self.oldpos: tuple[int, int] | None = None
        self.drawing = False
        self.innerRect = pygame.Rect(BORDER, BORDER, size[0] - 2 * BORDER, size[1] - 2 * BORDER)
        self.eventMsg = ("CLICK", self.id) if msg is None else msg
        self.display: pygame.Surface | None = None
        self.disprequest = display_request(
            self, self.size, position, transparency=bgcolour if transparent else None
        )

    def drawBG(self) -> None:
        """Paint the border and the empty board."""
        assert self.display is not None
        self.display.fill(BORDER_COLOUR)
        self.display.fill(self.backgroundColour, self.innerRect)

    def main(self) -> Generator[int, None, None]:
        """Get a surface, then draw as the mouse moves until shut down."""
        self.display = yield from self._request_surface(
            self.disprequest, "display_signal", "callback"
        )
        self.drawBG()
        self._redraw(self.display, "display_signal")
        self._listen(
            self.display,
            "display_signal",
            pygame.MOUSEBUTTONDOWN,
            pygame.MOUSEBUTTONUP,
            pygame.MOUSEMOTION,
        )
        while not self._shutdown_received():
            while self.dataReady("inbox"):
                for event in self.recv("inbox"):
                    self._handle(event)
            self.pause()
            yield 1
        self._release_surface(self.display, "display_signal")

    def _handle(self, event: Any) -> None:
        assert self.display is not None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.drawing = True
            self.oldpos = event.pos if self.innerRect.collidepoint(event.pos) else None
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 3:
            self.oldpos = None
            self.drawBG()
            self._redraw(self.display, "display_signal")
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.drawing = False
            self.oldpos = None
        elif event.type == pygame.MOUSEMOTION and self.drawing:
            if not self.innerRect.collidepoint(event.pos):
                return
            if self.oldpos is not None:
                pygame.draw.line(self.display, INK_COLOUR, self.oldpos, event.pos, 3)
                self._redraw(self.display, "display_signal")
            self.oldpos = event.pos
