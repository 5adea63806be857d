"""Image: shows a picture in the pygame window, and changes it on request.

Example (a picture that changes whenever a file name arrives)::

    Pipeline(Chooser(items=["a.png", "b.png"]), Image(size=(320, 240), fit=True)).run()
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Generator
from typing import Any

import pygame
from Axon.Component import component
from Axon.Ipc import errorInformation
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import DisplayClient

__all__ = ["Image"]

log = logging.getLogger("Kamaelia.UI.Pygame.Image")

DEFAULT_SIZE = (240, 192)


@checked_keywords
class Image(DisplayClient, component):
    """Shows an image on the PygameDisplay; send it a new one at any time.

    An image is a file name (str or path), the bytes of an image file, a
    ``pygame.Surface``, or None (just the background).  It is drawn at the
    top left of an area of `size` (default: the first image's size, else
    240x192), cropped if larger, on `bgcolour` if smaller.  `maxpect=(w, h)`
    scales every image to exactly w x h first; `fit=True` instead scales it to
    fit `size` keeping its proportions, and centres it.  An image that cannot
    be loaded is logged, reported as ``errorInformation`` on "outbox", and
    the area shows only the background; the component carries on.
    `displayExtra` adds keys to the display request.
    """

    Inboxes = {
        "inbox": "A new image: file name, image-file bytes, Surface, or None",
        "control": "producerFinished or shutdownMicroprocess ends the component",
        "callback": "The surface from the display",
        "bgcolour": "A new (r, g, b) background colour",
        "events": "Events from the display (none are asked for; kept for 1.x)",
        "alphacontrol": "Opacity of the whole area, 0 (invisible) to 255",
    }
    Outboxes = {
        "outbox": "errorInformation(self, exception, text) for each image that fails to load",
        "signal": "The shutdown message, passed on",
        "display_signal": "Requests to the display",
    }

    def __init__(
        self,
        image: Any = None,
        position: tuple[int, int] | None = None,
        bgcolour: tuple[int, int, int] = (128, 128, 128),
        size: tuple[int, int] | None = None,
        displayExtra: dict[str, Any] | None = None,
        maxpect: Any = 0,
        expect_file_strings: Any = 0,
        fit: bool = False,
    ) -> None:
        super().__init__()
        self.display: pygame.Surface | None = None
        self.backgroundColour = bgcolour
        self.size = size
        self.imagePosition = (0, 0)
        self.maxpect = maxpect
        self.fit = fit
        # 1.x needed this flag to tell image data from file names; bytes are
        # now recognised by their type, so it is accepted and not needed.
        self.expect_file_strings = expect_file_strings
        self.image: pygame.Surface | None = None
        self._pending_error: tuple[Any, Exception] | None = None
        try:
            self.fetchImage(image)
        except (OSError, pygame.error, TypeError, ValueError) as error:
            self._pending_error = (image, error)  # reported once the component runs
        if self.size is None:
            self.size = DEFAULT_SIZE
        self.disprequest: dict[str, Any] = {
            "DISPLAYREQUEST": True,
            "callback": (self, "callback"),
            "events": (self, "events"),
            "size": self.size,
        }
        if displayExtra is not None:
            self.disprequest.update(displayExtra)
        if position is not None:
            self.disprequest["position"] = position

    def fetchImage(self, newImage: Any) -> None:
        """Load `newImage` as the current image (raises if it cannot be loaded)."""
        self.image = None
        picture = _load(newImage)
        if picture is not None:
            if self.maxpect:
                picture = pygame.transform.scale(picture, (self.maxpect[0], self.maxpect[1]))
            if self.size is None:
                self.size = picture.get_size()
            if self.fit:
                picture = _scale_to_fit(picture, self.size)
        self.image = picture

    def imageFromString(self, newImage: bytes) -> None:
        """Load an image from the bytes of an image file (1.x name)."""
        self.fetchImage(bytes(newImage))

    def blitToSurface(self) -> None:
        """Paint the background, then the image."""
        assert self.display is not None
        self.display.fill(self.backgroundColour)
        if self.image is None:
            return
        position = self.imagePosition
        if self.fit:
            area_width, area_height = self.size or DEFAULT_SIZE
            width, height = self.image.get_size()
            position = ((area_width - width) // 2, (area_height - height) // 2)
        self.display.blit(self.image, position)

    def main(self) -> Generator[int, None, None]:
        """Get a surface, then redraw whenever the image, colour or opacity changes."""
        self.display = yield from self._request_surface(
            self.disprequest, "display_signal", "callback"
        )
        if self._pending_error is not None:
            self._report(*self._pending_error)
            self._pending_error = None
        changed = True
        while True:
            changed = self._take_changes() or changed
            if changed:
                self.blitToSurface()
                self._redraw(self.display, "display_signal")
                changed = False
            if self._shutdown_received():
                break
            self.pause()
            yield 1
        self._release_surface(self.display, "display_signal")

    def _take_changes(self) -> bool:
        changed = False
        while self.dataReady("alphacontrol"):
            assert self.display is not None
            self.display.set_alpha(self.recv("alphacontrol"))
            changed = True
        while self.dataReady("bgcolour"):
            self.backgroundColour = self.recv("bgcolour")
            changed = True
        while self.dataReady("events"):
            self.recv("events")
        if self.dataReady("inbox"):
            # Only the newest picture would be seen, so only it is loaded.
            while self.dataReady("inbox"):
                source = self.recv("inbox")
            self._change_image(source)
            changed = True
        return changed

    def _change_image(self, source: Any) -> None:
        try:
            self.fetchImage(source)
        except (OSError, pygame.error, TypeError, ValueError) as error:
            self._report(source, error)

    def _report(self, source: Any, error: Exception) -> None:
        shown = source if not isinstance(source, (bytes, bytearray)) else f"<{len(source)} bytes>"
        text = f"Image {self.name}: cannot load {shown!r}: {error}"
        log.warning("%s", text)
        self.send(errorInformation(self, error, text), "outbox")


def _load(source: Any) -> pygame.Surface | None:
    """A Surface from a file name, image-file bytes or a Surface (None stays None)."""
    if source is None or isinstance(source, pygame.Surface):
        return source
    if isinstance(source, (bytes, bytearray, memoryview)):
        return pygame.image.load(io.BytesIO(bytes(source)))
    if isinstance(source, (str, os.PathLike)):
        return pygame.image.load(os.fspath(source))
    raise TypeError(
        f"expected a file name, image-file bytes, a pygame.Surface or None, "
        f"got {type(source).__name__}"
    )


def _scale_to_fit(picture: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    width, height = picture.get_size()
    if width == 0 or height == 0:
        return picture
    ratio = min(size[0] / width, size[1] / height)
    target = (max(1, round(width * ratio)), max(1, round(height * ratio)))
    try:
        return pygame.transform.smoothscale(picture, target)
    except ValueError:  # smoothscale wants 24 or 32-bit pixels; palette images get plain scale
        return pygame.transform.scale(picture, target)
