"""VideoOverlay: shows planar YUV video frames in the pygame window.

pygame 2 has no ``pygame.Overlay``: the display converts each frame to RGB
(see `Kamaelia.UI.Pygame._yuv`) and draws it over the other surfaces, as 1.x
overlays were.  Frames are dicts::

    {"yuv": (y_bytes, u_bytes, v_bytes), "size": (width, height), "pixformat": "YUV420_planar"}
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import DisplayClient
from Kamaelia.UI.Pygame._yuv import SUBSAMPLING

__all__ = ["VideoOverlay"]

log = logging.getLogger("Kamaelia.UI.Pygame.VideoOverlay")


@checked_keywords
class VideoOverlay(DisplayClient, component):
    """Shows YUV frames from "inbox" at `position`, sized by the frames themselves.

    Supported pixel formats: "YUV420_planar", "YUV422_planar" and
    "YUV444_planar" (planes in Y, U, V order).  A change of size or format
    replaces the overlay.  A malformed frame is logged and skipped.
    producerFinished or shutdownMicroprocess on "control" removes the
    overlay, is passed on out of "signal", and ends the component.
    """

    Inboxes = {
        "inbox": 'Frames: {"yuv": (y, u, v), "size": (w, h), "pixformat": ...}',
        "control": "producerFinished or shutdownMicroprocess ends the component",
    }
    Outboxes = {
        "outbox": "Not used",
        "signal": "The shutdown message, passed on",
        "displayctrl": "Requests to the display",
        "yuvdata": "Each frame's (y, u, v) planes, to the display's overlay",
    }

    def __init__(self, position: tuple[int, int] = (0, 0)) -> None:
        super().__init__()
        self.position = position
        self.size: tuple[int, int] | None = None
        self.pixformat: str | None = None
        self._linked = False

    def formatChanged(self, frame: dict[str, Any]) -> bool:
        """True if `frame` differs in size or pixel format from the last one."""
        return tuple(frame["size"]) != self.size or frame["pixformat"] != self.pixformat

    def newOverlay(self, frame: dict[str, Any]) -> None:
        """Ask the display for an overlay suited to `frame`, showing it first."""
        if not self._linked:
            self._link_display("displayctrl")
            self._linked = True
        self.size, self.pixformat = tuple(frame["size"]), frame["pixformat"]
        request = {
            "OVERLAYREQUEST": True,
            "pixformat": self.pixformat,
            "yuvservice": (self, "yuvdata"),
            "size": self.size,
            "position": self.position,
            "yuv": frame["yuv"],
        }
        self.send(request, "displayctrl")

    def _show(self, frame: Any) -> None:
        try:
            if frame["pixformat"] not in SUBSAMPLING:
                raise ValueError(
                    f"pixformat {frame['pixformat']!r}; choices: {', '.join(SUBSAMPLING)}"
                )
            if self.formatChanged(frame):
                self.newOverlay(frame)
            else:
                self.send(frame["yuv"], "yuvdata")
        except (KeyError, TypeError, ValueError) as error:
            log.error(
                "VideoOverlay %s: frame skipped (%s: %s)", self.name, type(error).__name__, error
            )

    def main(self) -> Generator[int, None, None]:
        """Pass each frame on to the display until shut down."""
        while True:
            while self.dataReady("inbox"):
                self._show(self.recv("inbox"))
            if self._shutdown_received():
                break
            self.pause()
            yield 1
        if self.size is not None:
            self.send(None, "yuvdata")  # removes the overlay
