"""Records of what PygameDisplay has handed out: surfaces, overlays, event wishes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from Kamaelia.UI.Pygame import _yuv

#: Events whose ``pos`` is moved into the receiving surface's own coordinates.
MOUSE_EVENTS = frozenset({pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP})


@dataclass(eq=False)
class SurfaceClient:
    """One surface requested with DISPLAYREQUEST, and where its owner listens."""

    surface: pygame.Surface
    position: tuple[int, int]
    callback_box: str
    events_box: str | None
    only_mouse_inside: bool = False
    wanted: set[int] = field(default_factory=set)
    linkages: list[Any] = field(default_factory=list)

    def rect(self) -> pygame.Rect:
        """Where the surface sits in the window."""
        return pygame.Rect(self.position, self.surface.get_size())

    def localise(self, event: pygame.event.Event) -> pygame.event.Event | None:
        """The event as this client should receive it, or None if it should not."""
        if self.events_box is None or event.type not in self.wanted:
            return None
        if event.type not in MOUSE_EVENTS:
            return event
        if self.only_mouse_inside and not self.rect().collidepoint(event.pos):
            return None
        # A real pygame Event (not 1.x's ad-hoc object) so every attribute the
        # original had is still there; only ``pos`` is made surface-local.
        attributes = dict(event.dict)
        attributes["pos"] = (event.pos[0] - self.position[0], event.pos[1] - self.position[1])
        return pygame.event.Event(event.type, attributes)


@dataclass(eq=False)
class OverlayClient:
    """One video overlay requested with OVERLAYREQUEST.

    pygame 2 has no hardware overlays, so the frames are converted to RGB and
    kept on an ordinary surface that the display draws after all the others.
    """

    size: tuple[int, int]
    pixformat: str
    position: tuple[int, int]
    surface: pygame.Surface | None = None
    yuv_box: str | None = None
    yuv_source: tuple[Any, str] | None = None
    position_box: str | None = None
    linkages: list[Any] = field(default_factory=list)

    def show(self, yuv: Any) -> None:
        """Convert one frame of (y, u, v) planes and keep it for drawing."""
        y, u, v = yuv
        self.surface = _yuv.yuv_to_surface(y, u, v, self.size, self.pixformat)
