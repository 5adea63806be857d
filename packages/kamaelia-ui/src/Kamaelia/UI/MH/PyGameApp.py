"""PyGameApp: write a pygame program as a component, with event handlers.

Subclass it, override ``initialiseComponent()`` (set up, add handlers) and
``mainLoop()`` (draw one frame on ``self.screen``)::

    class Blinker(PyGameApp):
        def initialiseComponent(self):
            self.addHandler(pygame.KEYDOWN, self.quit)

        def mainLoop(self):
            self.screen.fill((255, 0, 0))

    Blinker((200, 200)).run()

The surface comes from the shared ``PygameDisplay`` service. Handlers for one
event type are tried in order until one returns a true value. Unlike 1.x,
which ran ``mainLoop()`` as often as the scheduler could, frames come at most
every ``frame_interval`` seconds (default 1/50) and sooner when a message
arrives, so an idle application does not keep a CPU busy.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from typing import Any

import pygame
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._widget import display_request
from Kamaelia.UI.Pygame.Display import PygameDisplay

__all__ = ["PyGameApp"]

Handler = Callable[[Any], Any]


@checked_keywords
class PyGameApp(component):
    """PyGameApp(screensize, caption="PyGame Application", fullscreen=False, depth=0,
    transparency=None, position=None) -> a pygame program as a component."""

    Inboxes = {
        "inbox": "Not used",
        "control": "Not used",
        "events": "Event bundles from the PygameDisplay service",
        "displaycontrol": "Replies from the PygameDisplay service (the surface)",
    }
    Outboxes = {
        "signal": "Not used",
        "outbox": "Not used",
        "displaysignal": "Requests to the PygameDisplay service",
    }

    #: Longest wait between two frames when no message arrives, in seconds.
    frame_interval = 1 / 50

    def __init__(
        self,
        screensize: tuple[int, int],
        caption: str = "PyGame Application",
        fullscreen: bool = False,
        depth: int = 0,
        transparency: Any = None,
        position: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.screensize = screensize
        self.caption = caption
        self.fullscreen = fullscreen
        self.transparency = transparency
        self.position = position
        self.eventHandlers: dict[int, list[Handler]] = {}
        self.flip = False
        self.quitting = False
        self.screen: pygame.Surface | None = None

    # -- for subclasses ---------------------------------------------------------------------

    def initialiseComponent(self) -> Any:
        """Called once the surface is ready, before the first frame."""
        return None

    def mainLoop(self) -> Any:
        """Draw one frame (called repeatedly until ``quit()``)."""
        return 1

    def addHandler(self, eventtype: int, handler: Handler) -> Handler:
        """Call ``handler(event)`` for each event of ``eventtype``; returns ``handler``."""
        if eventtype not in self.eventHandlers:
            self.eventHandlers[eventtype] = []
            self.send({"ADDLISTENEVENT": eventtype, "surface": self.screen}, "displaysignal")
        self.eventHandlers[eventtype].append(handler)
        return handler

    def removeHandler(self, eventtype: int, handler: Handler) -> None:
        """Stop calling ``handler`` for ``eventtype`` (no error if it was not added)."""
        handlers = self.eventHandlers.get(eventtype, [])
        if handler in handlers:
            handlers.remove(handler)

    def quit(self, event: Any = None) -> None:
        """End the application after the current frame."""
        self.quitting = True

    def events(self) -> Iterator[Any]:
        """Every event waiting on "events" (the display sends them in bundles)."""
        while self.dataReady("events"):
            bundle = self.recv("events")
            yield from bundle if isinstance(bundle, (list, tuple)) else (bundle,)

    def waitBox(self, boxname: str) -> Generator[int, None, None]:
        """Sleep until a message waits on ``boxname`` (``for _ in self.waitBox(b): yield 1``)."""
        while not self.dataReady(boxname):
            self.pause()
            yield 1

    # -- the loop ---------------------------------------------------------------------------

    def main(self) -> Generator[int, None, None]:
        self.link((self, "displaysignal"), PygameDisplay.getDisplayService())
        request = display_request(
            self, self.screensize, self.position, self.transparency, events="events"
        )
        request["callback"] = (self, "displaycontrol")
        if self.fullscreen:
            request["fullscreen"] = True
        self.send(request, "displaysignal")
        yield from self.waitBox("displaycontrol")
        self.screen = self.recv("displaycontrol")
        pygame.display.set_caption(self.caption)
        self.screensize = self.screen.get_size()
        self.addHandler(pygame.QUIT, self.quit)
        self.flip = True
        self.initialiseComponent()
        while not self.quitting:
            self._dispatch()
            if not self.quitting:
                self.mainLoop()
            if self.flip:
                self.send({"REDRAW": True, "surface": self.screen}, "displaysignal")
            if not self.quitting:
                yield from self._until_next_frame()
        self.screen.set_alpha(0)
        self.send(producerFinished(self, self.screen), "displaysignal")  # give the surface back

    def _until_next_frame(self) -> Generator[int, None, None]:
        if self.anyReady():
            yield 1
            return
        timer = self.scheduler.call_later(self.frame_interval, self.unpause)
        self.pause()
        yield 1
        timer.cancel()

    def _dispatch(self) -> None:
        for event in self.events():
            for handler in list(self.eventHandlers.get(event.type, ())):
                if handler(event):
                    break

    def go(self) -> None:
        """Run ``main()`` to the end here (1.x helper; the display must be running elsewhere)."""
        for _ in self.main():
            pass
