"""Plumbing shared by the widgets: reach the display, wait for a surface, shut down."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.UI.Pygame.Display import PygameDisplay

#: The messages on "control" that end a widget; it passes them on out of "signal".
SHUTDOWN_MESSAGES = (producerFinished, shutdownMicroprocess)


def display_request(
    component: Any,
    size: Any,
    position: tuple[int, int] | None = None,
    transparency: Any = None,
    events: str | None = "inbox",
) -> dict[str, Any]:
    """The request a widget sends the display for its surface (1.x's ``disprequest``).

    The surface comes back on the widget's "callback" inbox; events on ``events``.
    """
    request: dict[str, Any] = {
        "DISPLAYREQUEST": True,
        "callback": (component, "callback"),
        "size": size,
    }
    if events is not None:
        request["events"] = (component, events)
    if transparency is not None:
        request["transparency"] = transparency
    if position is not None:
        request["position"] = position
    return request


class DisplayClient:
    """Mixin for components that draw on the PygameDisplay service.

    Every method here runs inside the component's own ``main()``; none of them
    blocks: waiting is pausing until a message arrives.
    """

    def _link_display(self: Any, outbox: str) -> None:
        """Link `outbox` to the display service, starting the display if needed."""
        self.link((self, outbox), PygameDisplay.getDisplayService())

    def _wait_for(self: Any, box: str) -> Generator[int, None, None]:
        """Sleep until a message is waiting on `box` (use with ``yield from``)."""
        while not self.dataReady(box):
            self.pause()
            yield 1

    def _request_surface(
        self: Any, request: dict[str, Any], outbox: str, callback: str
    ) -> Generator[int, None, pygame.Surface]:
        """Ask the display for a surface and wait for it (use with ``yield from``)."""
        self._link_display(outbox)
        self.send(request, outbox)
        yield from self._wait_for(callback)
        surface: pygame.Surface = self.recv(callback)
        return surface

    def _shutdown_received(self: Any) -> bool:
        """True once a shutdown message came on "control"; it is passed on out of "signal"."""
        while self.dataReady("control"):
            message = self.recv("control")
            if isinstance(message, SHUTDOWN_MESSAGES):
                self.send(message, "signal")
                return True
        return False

    def _release_surface(self: Any, surface: pygame.Surface | None, outbox: str) -> None:
        """Hide `surface` and give it back to the display."""
        if surface is None:
            return
        surface.set_alpha(0)
        self.send(producerFinished(self, surface), outbox)

    def _redraw(self: Any, surface: pygame.Surface, outbox: str) -> None:
        """Tell the display that `surface` has changed."""
        self.send({"REDRAW": True, "surface": surface}, outbox)

    def _listen(self: Any, surface: pygame.Surface, outbox: str, *event_types: int) -> None:
        """Ask the display to send events of these types for `surface`."""
        for event_type in event_types:
            self.send({"ADDLISTENEVENT": event_type, "surface": surface}, outbox)
