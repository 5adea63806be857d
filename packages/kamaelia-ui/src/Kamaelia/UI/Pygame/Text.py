"""Text in the pygame window: TextDisplayer shows lines, Textbox lets the user type one.

Example (type a line, see it appear below)::

    Pipeline(Textbox(size=(800, 300), position=(0, 0)),
             TextDisplayer(size=(800, 300), position=(0, 340))).run()
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame
from Axon.Component import component
from Axon.Ipc import shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import SHUTDOWN_MESSAGES, DisplayClient

__all__ = ["TextDisplayer", "Textbox"]


@checked_keywords
class TextDisplayer(DisplayClient, component):
    """Shows each message from "inbox" as a new line at the bottom, scrolling older ones up.

    Long lines wrap at word boundaries to the width of the surface.  Keyword
    arguments (all optional) become attributes: ``size`` ((500, 300)),
    ``text_height`` (18), ``bgcolour`` ((255, 255, 200)), ``fgcolour``
    ((0, 0, 0)), ``position`` ((0, 0)), ``transparent``, ``font_file``,
    ``padding``, ``border_size`` and ``border_colour``.  producerFinished or
    shutdownMicroprocess on "control" (after the text already received is
    shown) is passed on out of "signal", and the surface is given back; any
    message on "_quitevents" ends it with shutdownMicroprocess.
    """

    Inboxes = {
        "inbox": "Lines of text (anything else is shown as str(message))",
        "_surface": "The surface from the display",
        "_quitevents": "Any message ends the component",
        "control": "producerFinished or shutdownMicroprocess ends the component",
    }
    Outboxes = {
        "outbox": "Not used",
        "_pygame": "Requests to the display",
        "signal": "The shutdown message, passed on",
    }

    size: tuple[int, int] = (500, 300)
    text_height = 18
    bgcolour: tuple[int, int, int] = (255, 255, 200)
    fgcolour: tuple[int, int, int] = (0, 0, 0)
    position: tuple[int, int] = (0, 0)
    transparent = False
    font_file: str | None = None
    padding = 0
    border_size = 0
    border_colour: tuple[int, int, int] = (128, 128, 128)

    def __init__(self, **argd: Any) -> None:
        super().__init__(**argd)
        self.screen_width, self.screen_height = self.size
        self.background_color = self.bgcolour
        self.text_color = self.fgcolour
        self.done = False
        self.padding = self.padding + self.border_size
        self.screen: pygame.Surface | None = None
        pygame.font.init()

    def _surface_request(self, **extra: Any) -> dict[str, Any]:
        request = {
            "DISPLAYREQUEST": True,
            "size": (self.screen_width, self.screen_height),
            "callback": (self, "_surface"),
            "position": self.position,
            **extra,
        }
        if self.transparent:
            request["transparency"] = self.bgcolour
        return request

    def _set_up(self, surface: pygame.Surface) -> None:
        self.screen = surface
        self.font = pygame.font.Font(self.font_file, self.text_height)
        line, pad = self.font.get_linesize(), self.padding
        self.textRect = pygame.Rect(
            pad, pad, self.screen_width - 2 * pad, self.screen_height - 2 * pad
        )
        self.writeRect = pygame.Rect(pad, self.textRect.bottom - line, self.textRect.width, line)
        self.clear()

    def clear(self) -> None:
        """Paint the border and an empty text area."""
        assert self.screen is not None
        self.screen.fill(self.border_colour)
        border = self.border_size
        inner = (border, border, self.screen_width - 2 * border, self.screen_height - 2 * border)
        self.screen.fill(self.background_color, inner)
        self._redraw(self.screen, "_pygame")

    def wrap(self, text: str) -> list[str]:
        """Split `text` into lines that fit the width (words are only broken if too long)."""
        text = text.replace("\r", " ").replace("\n", " ")
        width = self.textRect.width
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            candidate = word if not current else current + " " + word
            if self.font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while len(word) > 1 and self.font.size(word)[0] > width:
                cut = self._fitting(word, width)
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
        return lines

    def _fitting(self, word: str, width: int) -> int:
        """How many leading characters of `word` fit in `width` (at least one)."""
        count = 1
        while count < len(word) and self.font.size(word[: count + 1])[0] <= width:
            count += 1
        return count

    def update(self, text: str) -> None:
        """Show `text` on new lines at the bottom."""
        for line in self.wrap(text):
            self.updateLine(line)

    def updateLine(self, line: str) -> None:
        """Scroll the text up one line and write `line` on the bottom line."""
        assert self.screen is not None
        self.screen.set_clip(self.textRect)
        self.screen.scroll(0, -self.writeRect.height)
        self.screen.fill(self.background_color, self.writeRect)
        self.screen.blit(self.font.render(line, True, self.text_color), self.writeRect)
        self.screen.set_clip(None)
        self._redraw(self.screen, "_pygame")

    def needShutdown(self) -> bool:
        """True once told to stop; the reason has then been passed on out of "signal"."""
        while self.dataReady("control"):
            message = self.recv("control")
            if isinstance(message, SHUTDOWN_MESSAGES):
                self.send(message, "signal")
                self.done = True
                return True
        if self.dataReady("_quitevents") or self.done:
            self.send(shutdownMicroprocess(self), "signal")
            self.done = True
            return True
        return False

    def main(self) -> Generator[int, None, None]:
        """Get a surface, then show each line that arrives until shut down."""
        surface = yield from self._request_surface(self._surface_request(), "_pygame", "_surface")
        self._set_up(surface)
        while True:
            while self.dataReady("inbox"):
                self.update(str(self.recv("inbox")))
            if self.needShutdown():
                break
            self.pause()
            yield 1
        self._release_surface(self.screen, "_pygame")


class Textbox(TextDisplayer):
    """A line editor: shows what the user types, and sends the line at Enter.

    Key presses in the pygame window (or characters sent to "inbox") build up
    a line, shown with a ``|`` cursor; Enter (or "\\n" / "\\r") sends it on
    "outbox", Backspace (or "\\x08") deletes a character, Escape ends the
    component.  Keyword arguments as for TextDisplayer, plus
    ``initial_string_buffer``.
    """

    Inboxes = {
        "inbox": "Characters to type, as if from the keyboard",
        "_surface": "The surface from the display",
        "_quitevents": "Any message ends the component",
        "_events": "Key events from the display",
        "control": "producerFinished or shutdownMicroprocess ends the component",
    }
    Outboxes = {
        "outbox": "Each line, when Enter is pressed",
        "_pygame": "Requests to the display",
        "signal": "The shutdown message, passed on",
    }

    initial_string_buffer = ""

    def setText(self, text: str) -> None:
        """Clear the box and show `text`."""
        self.clear()
        self.update(text)

    def _type(self, buffer: str, char: str, key: int | None = None) -> str:
        if char in ("\n", "\r"):
            self.send(buffer, "outbox")
            return ""
        if char == "\x08" or key == pygame.K_BACKSPACE:
            return buffer[:-1]
        if key == pygame.K_ESCAPE:
            self.done = True
            return buffer
        return buffer + char if char.isprintable() else buffer

    def main(self) -> Generator[int, None, None]:
        """Get a surface, listen for keys, and edit the line until shut down."""
        request = self._surface_request(events=(self, "_events"))
        surface = yield from self._request_surface(request, "_pygame", "_surface")
        self._set_up(surface)
        self._listen(surface, "_pygame", pygame.KEYDOWN)
        buffer = self.initial_string_buffer
        self.setText(buffer + "|")
        while True:
            before = buffer
            while self.dataReady("_events"):
                for event in self.recv("_events"):
                    if event.type == pygame.KEYDOWN:
                        buffer = self._type(buffer, getattr(event, "unicode", ""), event.key)
            while self.dataReady("inbox"):
                for char in str(self.recv("inbox")):
                    buffer = self._type(buffer, char)
            if buffer != before:
                self.setText(buffer + "|")
            if self.needShutdown():
                break
            self.pause()
            yield 1
        self._release_surface(self.screen, "_pygame")
