"""VideoSurface: shows RGB video frames on a surface in the pygame window.

Frames are dicts::

    {"rgb": bytes, "size": (width, height), "pixformat": "RGB_interleaved"}
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any

import pygame
from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import DisplayClient

__all__ = ["VideoSurface"]

log = logging.getLogger("Kamaelia.UI.Pygame.VideoSurface")

PIXFORMAT = "RGB_interleaved"


@checked_keywords
class VideoSurface(DisplayClient, component):
    """Shows RGB frames from "inbox" at `position`, scaled to `resize` if given.

    The surface is made for the first frame; a frame of another size gets a
    new surface.  When frames arrive faster than they are shown, only the
    newest is drawn.  A malformed frame is logged and skipped.
    producerFinished or shutdownMicroprocess on "control" is passed on out of
    "signal"; the surface is given back and the component ends.
    """

    Inboxes = {
        "inbox": 'Frames: {"rgb": bytes, "size": (w, h), "pixformat": "RGB_interleaved"}',
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
        position: tuple[int, int] | None = None,
        size: tuple[int, int] | None = None,
        resize: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.display: pygame.Surface | None = None
        self.size = size
        self.pixformat: str | None = None
        self.resize = resize
        self.position = position if position is not None else (0, 0)
        self._linked = False

    def formatChanged(self, frame: dict[str, Any]) -> bool:
        """True if `frame` differs in size or pixel format from the surface's."""
        return tuple(frame["size"]) != self.size or frame["pixformat"] != self.pixformat

    def _picture(self, frame: Any) -> pygame.Surface | None:
        try:
            if frame["pixformat"] != PIXFORMAT:
                raise ValueError(
                    f"pixformat {frame['pixformat']!r}; the only choice is {PIXFORMAT!r}"
                )
            picture = pygame.image.frombytes(bytes(frame["rgb"]), tuple(frame["size"]), "RGB")
        except (KeyError, TypeError, ValueError) as error:
            log.error(
                "VideoSurface %s: frame skipped (%s: %s)", self.name, type(error).__name__, error
            )
            return None
        if self.resize:
            picture = pygame.transform.scale(picture, self.resize)
        return picture

    def _new_surface(self, frame: dict[str, Any]) -> Generator[int, None, None]:
        if not self._linked:
            self._link_display("display_signal")
            self._linked = True
        self._release_surface(self.display, "display_signal")
        self.size, self.pixformat = tuple(frame["size"]), frame["pixformat"]
        request = {
            "DISPLAYREQUEST": True,
            "callback": (self, "callback"),
            "size": self.resize or self.size,
            "position": self.position,
        }
        self.send(request, "display_signal")
        yield from self._wait_for("callback")
        self.display = self.recv("callback")

    def main(self) -> Generator[int, None, None]:
        """Draw each frame (the newest, when several wait) until shut down."""
        while True:
            frame: Any = None
            while self.dataReady("inbox"):
                frame = self.recv("inbox")
            picture = self._picture(frame) if frame is not None else None
            if picture is not None:
                if self.formatChanged(frame):
                    yield from self._new_surface(frame)
                assert self.display is not None
                self.display.blit(picture, (0, 0))
                self._redraw(self.display, "display_signal")
            if self._shutdown_received():
                break
            self.pause()
            yield 1
        self._release_surface(self.display, "display_signal")
