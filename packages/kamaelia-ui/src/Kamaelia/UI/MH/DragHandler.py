"""DragHandler: follow a mouse drag that starts on something draggable.

Subclass it and override ``detect(pos, button)`` (return the centre of what
was hit, or False), ``drag(x, y)`` and ``release(x, y)``. Install it on a
``PyGameApp`` with::

    app.addHandler(pygame.MOUSEBUTTONDOWN, lambda event: MyDragger.handle(event, app))
"""

from __future__ import annotations

from typing import Any

import pygame

__all__ = ["DragHandler"]


class DragHandler:
    """DragHandler(event, app) -> one drag, begun by mouse-down ``event`` on ``app``."""

    def __init__(self, event: Any, app: Any) -> None:
        self.app = app
        self.event = event
        self.isDragging = False

    @classmethod
    def handle(cls, *args: Any, **argd: Any) -> Any:
        """Start a drag if ``detect()`` finds something under the mouse; the handler, else False."""
        handler = cls(*args, **argd)
        centre = handler.detect(handler.event.pos, handler.event.button)
        if not centre:
            return False
        handler._start(centre)
        return handler

    def _start(self, centre: Any) -> None:
        self.startx, self.starty = centre[0], centre[1]
        # Keep the grab point: the object moves with the mouse, not to it.
        self.offsetx = centre[0] - self.event.pos[0]
        self.offsety = centre[1] - self.event.pos[1]
        self.mm_handler = self.app.addHandler(
            pygame.MOUSEMOTION, lambda event: self._drag(event.pos, event.buttons)
        )
        self.mu_handler = self.app.addHandler(
            pygame.MOUSEBUTTONUP, lambda event: self._release(event.pos)
        )
        self.isDragging = True

    def _drag(self, pos: Any, buttons: Any) -> None:
        if any(buttons):
            self.drag(pos[0] + self.offsetx, pos[1] + self.offsety)
        else:  # the button came up where we did not see it
            self._release(pos)

    def _release(self, pos: Any) -> None:
        self.app.removeHandler(pygame.MOUSEMOTION, self.mm_handler)
        self.app.removeHandler(pygame.MOUSEBUTTONUP, self.mu_handler)
        self.isDragging = False
        self.release(pos[0] + self.offsetx, pos[1] + self.offsety)

    def detect(self, pos: Any, button: int) -> Any:
        """The centre of the draggable thing at ``pos``, or False (override)."""
        return False

    def drag(self, newx: float, newy: float) -> None:
        """The mouse moved with the button down (override)."""

    def release(self, newx: float, newy: float) -> None:
        """The button came up (override)."""
