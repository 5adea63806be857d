"""EventHandler: hands each pygame event to a method named after its type.

Not a component: a plain helper for code that reads pygame's queue itself
(a game loop inside a component's ``main()``, say). Subclass it, override the
methods for the events you care about, and pass each event in::

    class Clicks(EventHandler):
        def mousebuttondown(self, pos, button, where):
            where.add_dot(pos)

    handler = Clicks(trace=0)
    for event in pygame.event.get():
        handler.dispatch(event, self)

``where`` is whatever the caller passes as the event's origin; it is handed
on to the method untouched.
"""

from __future__ import annotations

import logging
from typing import Any

import pygame

__all__ = ["EventHandler"]

_log = logging.getLogger(__name__)

#: event type -> (method name, the event attributes passed to it, in order)
_HANDLERS: dict[int, tuple[str, tuple[str, ...]]] = {
    pygame.QUIT: ("quit", ()),
    pygame.ACTIVEEVENT: ("active", ("gain", "state")),
    pygame.KEYDOWN: ("keydown", ("unicode", "key", "mod")),
    pygame.KEYUP: ("keyup", ("key", "mod")),
    pygame.MOUSEMOTION: ("mousemotion", ("pos", "rel", "buttons")),
    pygame.MOUSEBUTTONUP: ("mousebuttonup", ("pos", "button")),
    pygame.MOUSEBUTTONDOWN: ("mousebuttondown", ("pos", "button")),
    pygame.JOYAXISMOTION: ("joyaxismotion", ("joy", "axis", "value")),
    pygame.JOYBALLMOTION: ("joyballmotion", ("joy", "ball", "rel")),
    pygame.JOYHATMOTION: ("joyhatmotion", ("joy", "hat", "value")),
    pygame.JOYBUTTONUP: ("joybuttonup", ("joy", "button")),
    pygame.JOYBUTTONDOWN: ("joybuttondown", ("joy", "button")),
    pygame.VIDEORESIZE: ("videoresize", ("size",)),
    pygame.VIDEOEXPOSE: ("videoexpose", ()),
    pygame.USEREVENT: ("userevent", ("code",)),
}


class EventHandler:
    """EventHandler([trace]) -> calls one method per pygame event it is given.

    `dispatch(event, where)` calls the method for the event's type with the
    event's fields and `where`: ``quit(where)``, ``active(gain, state, where)``,
    ``keydown(unicode, key, mod, where)``, ``keyup(key, mod, where)``,
    ``mousemotion(pos, rel, buttons, where)``, ``mousebuttonup(pos, button,
    where)``, ``mousebuttondown(pos, button, where)``, ``joyaxismotion(joy,
    axis, value, where)``, ``joyballmotion(joy, ball, rel, where)``,
    ``joyhatmotion(joy, hat, value, where)``, ``joybuttonup(joy, button,
    where)``, ``joybuttondown(joy, button, where)``, ``videoresize(size,
    where)``, ``videoexpose(where)`` and ``userevent(code, where)``. Events of
    other types are ignored. A field the event lacks is passed as None (pygame
    2 gives a USEREVENT a ``code`` only if it was posted with one).

    The methods here do nothing but, when `trace` is true, log the event at
    DEBUG on this module's logger (1.x printed it to standard output).
    """

    # For subclasses that never call EventHandler.__init__ (1.x examples do
    # this); the default is the same as __init__'s.
    trace: int = 1

    def __init__(self, trace: int = 1) -> None:
        self.trace = trace

    def dispatch(self, event: pygame.event.Event, where: Any) -> None:
        """Call the method for `event`'s type; `where` is passed on as its last argument."""
        if not isinstance(event, pygame.event.EventType):
            raise TypeError(f"{type(self).__name__}.dispatch needs a pygame event, got {event!r}")
        handler = _HANDLERS.get(event.type)
        if handler is None:
            return
        name, fields = handler
        getattr(self, name)(*(getattr(event, field, None) for field in fields), where)

    def _trace(self, name: str, *fields: Any) -> None:
        if self.trace:
            _log.debug("%s: %s", name, fields)

    def quit(self, where: Any) -> None:
        """The window was asked to close (QUIT)."""
        self._trace("QUIT")

    def active(self, gain: int, state: int, where: Any) -> None:
        """The window gained or lost focus (ACTIVEEVENT)."""
        self._trace("ACTIVEEVENT", gain, state)

    def keydown(self, unicode: str, key: int, mod: int, where: Any) -> None:
        """A key went down (KEYDOWN)."""
        self._trace("KEYDOWN", unicode, key, mod)

    def keyup(self, key: int, mod: int, where: Any) -> None:
        """A key came up (KEYUP)."""
        self._trace("KEYUP", key, mod)

    def mousemotion(
        self, pos: tuple[int, int], rel: tuple[int, int], buttons: tuple[int, ...], where: Any
    ) -> None:
        """The mouse moved (MOUSEMOTION)."""
        self._trace("MOUSEMOTION", pos, rel, buttons)

    def mousebuttonup(self, pos: tuple[int, int], button: int, where: Any) -> None:
        """A mouse button was released (MOUSEBUTTONUP)."""
        self._trace("MOUSEBUTTONUP", pos, button)

    def mousebuttondown(self, pos: tuple[int, int], button: int, where: Any) -> None:
        """A mouse button was pressed (MOUSEBUTTONDOWN)."""
        self._trace("MOUSEBUTTONDOWN", pos, button)

    def joyaxismotion(self, joy: int, axis: int, value: float, where: Any) -> None:
        """A joystick axis moved (JOYAXISMOTION)."""
        self._trace("JOYAXISMOTION", joy, axis, value)

    def joyballmotion(self, joy: int, ball: int, rel: tuple[int, int], where: Any) -> None:
        """A joystick trackball moved (JOYBALLMOTION)."""
        self._trace("JOYBALLMOTION", joy, ball, rel)

    def joyhatmotion(self, joy: int, hat: int, value: tuple[int, int], where: Any) -> None:
        """A joystick hat moved (JOYHATMOTION)."""
        self._trace("JOYHATMOTION", joy, hat, value)

    def joybuttonup(self, joy: int, button: int, where: Any) -> None:
        """A joystick button was released (JOYBUTTONUP)."""
        self._trace("JOYBUTTONUP", joy, button)

    def joybuttondown(self, joy: int, button: int, where: Any) -> None:
        """A joystick button was pressed (JOYBUTTONDOWN)."""
        self._trace("JOYBUTTONDOWN", joy, button)

    def videoresize(self, size: tuple[int, int], where: Any) -> None:
        """The window was resized (VIDEORESIZE)."""
        self._trace("VIDEORESIZE", size)

    def videoexpose(self, where: Any) -> None:
        """The window needs redrawing (VIDEOEXPOSE)."""
        self._trace("VIDEOEXPOSE")

    def userevent(self, code: Any, where: Any) -> None:
        """A program-defined event (USEREVENT)."""
        self._trace("USEREVENT", code)
