"""Ticker: shows incoming text a word at a time, scrolling up as it fills.

Example::

    Pipeline(DataSource(["The lights begin to twinkle from the rocks;"]), Ticker()).run()
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Generator
from typing import Any

import pygame
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import DisplayClient

__all__ = ["Ticker", "CLEAR"]

#: Send this on "inbox" to wipe the ticker (its place in the text is kept).
CLEAR = chr(0) + "CLRTKR"


@checked_keywords
class Ticker(DisplayClient, component):
    """A text ticker: words from "inbox" appear one at a time, `words_per_second`.

    Text wraps at the right edge and the ticker jump-scrolls a line at a time
    at the bottom.  Runs of whitespace, line breaks included, separate words.
    The area is ``render_right`` x ``render_bottom`` pixels at `position`.
    Any message on "pausebox" pauses it (text is still buffered); any on
    "unpausebox" resumes.  "alphacontrol" sets its opacity (0-255).
    producerFinished on "control" lets it show what is buffered and then end;
    shutdownMicroprocess ends it at once.  Either is passed on out of "signal"
    and the surface is given back.
    """

    Inboxes = {
        "inbox": "Text to show (whole words per message)",
        "control": "producerFinished (finish the text, then end) or shutdownMicroprocess",
        "alphacontrol": "Opacity, 0 (invisible) to 255",
        "pausebox": "Any message pauses the ticker",
        "unpausebox": "Any message resumes the ticker",
        "_displaycontrol": "The surface from the display",
    }
    Outboxes = {
        "outbox": "Not used",
        "signal": "The shutdown message, passed on",
        "_displaysignal": "Requests to the display",
    }

    def __init__(
        self,
        text_height: int = 39,
        line_spacing: float | None = None,
        background_colour: tuple[int, int, int] = (128, 48, 128),
        text_colour: tuple[int, int, int] = (232, 232, 48),
        outline_colour: tuple[int, int, int] | None = None,
        outline_width: int = 1,
        position: tuple[int, int] = (1, 1),
        render_left: int = 1,
        render_top: int = 1,
        render_right: int = 399,
        render_bottom: int = 299,
        words_per_second: float = 8,
    ) -> None:
        super().__init__()
        self.text_height = text_height
        self.line_spacing = int(text_height / 7 if line_spacing is None else line_spacing)
        self.background_colour = background_colour
        self.text_colour = text_colour
        self.outline_colour = background_colour if outline_colour is None else outline_colour
        self.outline_width = outline_width
        self.position = position
        self.render_area = pygame.Rect(render_left, render_top, render_right, render_bottom)
        self.words_per_second = words_per_second
        self.delay = 1.0 / words_per_second if words_per_second > 0 else 0.0
        self.display: pygame.Surface | None = None
        self._cursor = [self.render_area.left, self.render_area.top]
        self._words: deque[str] = deque()
        self._timer: Any = None

    # -- drawing -----------------------------------------------------------------------------

    def renderBorder(self, display: pygame.Surface) -> None:
        """Draw the outline around the edge of the ticker."""
        if self.outline_width > 0:
            pygame.draw.rect(display, self.outline_colour, display.get_rect(), self.outline_width)

    def _text_area(self) -> pygame.Rect:
        # 1.x let text run under (and past) its outline; keep it inside.
        assert self.display is not None
        inner = self.display.get_rect().inflate(-2 * self.outline_width, -2 * self.outline_width)
        return self.render_area.clip(inner)

    def clearDisplay(self) -> None:
        """Wipe the ticker and start again at the top left."""
        assert self.display is not None
        self.display.fill(self.background_colour)
        self.renderBorder(self.display)
        area = self._text_area()
        self._cursor = [area.left, area.top]
        self._redraw(self.display, "_displaysignal")

    def _line_height(self) -> int:
        return self.font.get_height() + self.line_spacing

    def _new_line(self) -> None:
        area, line = self._text_area(), self._line_height()
        self._cursor[0] = area.left
        if self._cursor[1] + 2 * line <= area.bottom:
            self._cursor[1] += line
            return
        # No room for another line: move everything up one line (jump scroll).
        display = self.display
        assert display is not None
        display.set_clip(area)
        display.scroll(0, -line)
        display.fill(self.background_colour, (area.left, self._cursor[1], area.width, area.bottom))
        display.set_clip(None)
        self.renderBorder(display)

    def _show_word(self, word: str) -> None:
        if word == CLEAR:
            self.clearDisplay()
            return
        assert self.display is not None
        text = " " + word
        width = self.font.size(text)[0]
        area = self._text_area()
        if self._cursor[0] + width > area.right and self._cursor[0] > area.left:
            self._new_line()
        self.display.set_clip(area)
        self.display.blit(self.font.render(text, True, self.text_colour), self._cursor)
        self.display.set_clip(None)
        self._cursor[0] += width
        self._redraw(self.display, "_displaysignal")

    # -- running -----------------------------------------------------------------------------

    def main(self) -> Generator[int, None, None]:
        """Get a surface, then show buffered words at the set rate until shut down."""
        request = {
            "DISPLAYREQUEST": True,
            "callback": (self, "_displaycontrol"),
            "size": (self.render_area.width, self.render_area.height),
            "position": self.position,
        }
        self.display = yield from self._request_surface(
            request, "_displaysignal", "_displaycontrol"
        )
        self.font = pygame.font.Font(None, self.text_height)
        self.clearDisplay()
        paused, ending, next_due = False, None, 0.0
        while True:
            paused = self._take_inputs(paused)
            ending = ending or self._control_message()
            if isinstance(ending, shutdownMicroprocess) or (ending and not self._words):
                break
            if self._words and not paused:
                now = time.monotonic()
                if now >= next_due:
                    self._show_word(self._words.popleft())
                    next_due = now + self.delay
                    yield 1
                    continue
                self._wake_at(next_due - now)
            self.pause()
            yield 1
        self._cancel_timer()
        self.send(ending, "signal")
        self._release_surface(self.display, "_displaysignal")

    def _take_inputs(self, paused: bool) -> bool:
        while self.dataReady("alphacontrol"):
            assert self.display is not None
            self.display.set_alpha(self.recv("alphacontrol"))
            self._redraw(self.display, "_displaysignal")
        while self.dataReady("inbox"):
            text = str(self.recv("inbox"))
            self._words.extend([CLEAR] if text == CLEAR else text.split())
        if self.dataReady("pausebox"):
            while self.dataReady("pausebox"):
                self.recv("pausebox")
            paused = True
        if self.dataReady("unpausebox"):
            while self.dataReady("unpausebox"):
                self.recv("unpausebox")
            paused = False
        return paused

    def _control_message(self) -> Any:
        while self.dataReady("control"):
            message = self.recv("control")
            if isinstance(message, (producerFinished, shutdownMicroprocess)):
                return message
        return None

    def _wake_at(self, delay: float) -> None:
        # A scheduler timer, not a loop on time.time(): the ticker sleeps between words.
        if self._timer is None:
            self._timer = self.scheduler.call_later(delay, self._timer_due)

    def _timer_due(self) -> None:
        self._timer = None
        self.unpause()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
