"""PygameDisplay: the one pygame window of a process, offered as a service.

Components never open a window themselves.  They look the display up with
``PygameDisplay.getDisplayService()`` (the coordinating assistant tracker
names it ``"pygamedisplay"``), link an outbox to the returned inbox and send
it requests, which are dicts exactly as in Kamaelia 1.x:

``{"DISPLAYREQUEST": True, "size": (w, h), "callback": (comp, box), ...}``
    make a surface; it is sent to ``callback``.  Optional keys: ``position``,
    ``alpha``, ``transparency`` (a colour key), ``events`` (where to send the
    events asked for), ``onlymouseinside``, ``fullscreen``.
``{"ADDLISTENEVENT": event_type, "surface": s}`` / ``{"REMOVELISTENEVENT": ...}``
    start / stop sending that pygame event type to the surface's ``events``.
    Listeners get *lists* of events; mouse positions are surface-local.
``{"CHANGEDISPLAYGEO": True, "surface": s, "position": (x, y)}``
    move a surface.
``{"REDRAW": True, "surface": s}``
    the surface changed; the window is redrawn on the next pass.
``{"OVERLAYREQUEST": True, "size": (w, h), "pixformat": "YUV420_planar", ...}``
    show planar YUV video (optional ``position``, ``yuv``, ``yuvservice``,
    ``positionservice``); sending ``None`` from the ``yuvservice`` outbox
    removes it.  pygame 2 has no overlays: frames are converted to RGB.
``producerFinished(message=surface)``
    give a surface back.  When the last surface or overlay is gone the window
    closes and the display finishes (and deregisters itself).

Closing the window (a ``pygame.QUIT`` event) stops the whole system: the
display closes the window, sends ``shutdownMicroprocess`` on "signal" and
stops the scheduler.  With ``SDL_VIDEODRIVER=dummy`` it runs headless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from typing import Any

import pygame
from Axon.AdaptiveCommsComponent import AdaptiveCommsComponent
from Axon.CoordinatingAssistantTracker import coordinatingassistanttracker
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.UI.Pygame._clients import OverlayClient, SurfaceClient
from Kamaelia.UI.Pygame._yuv import SUBSAMPLING

__all__ = ["PygameDisplay"]

log = logging.getLogger("Kamaelia.UI.Pygame.Display")

SERVICE_NAME = "pygamedisplay"
_REQUEST_KEYS = (
    "DISPLAYREQUEST",
    "OVERLAYREQUEST",
    "ADDLISTENEVENT",
    "REMOVELISTENEVENT",
    "CHANGEDISPLAYGEO",
    "REDRAW",
)


@checked_keywords
class PygameDisplay(AdaptiveCommsComponent):
    """The shared pygame window: hands out surfaces and routes events to them.

    Use ``PygameDisplay.getDisplayService()`` rather than making one, or make
    one with your own settings and install it with ``setDisplayService``
    before any widget starts.  Keyword arguments: ``width`` (1024), ``height``
    (768), ``background_colour`` ((255, 255, 255)), ``fullscreen`` (False),
    ``poll_interval`` (seconds between checks for pygame events, 0.02),
    ``caption`` (the window title, "Kamaelia").
    """

    Inboxes = {
        "inbox": "Not used",
        "control": "producerFinished or shutdownMicroprocess closes the window and ends it",
        "notify": "Requests: DISPLAYREQUEST, ADDLISTENEVENT, REDRAW, ... dicts (see module doc)",
        "events": "Not used (1.x's event thread woke the display here)",
    }
    Outboxes = {
        "outbox": "Not used",
        "signal": "producerFinished when the last surface is released, "
        "shutdownMicroprocess when the window is closed",
        "_signal": "Not used (1.x stopped its event thread through it)",
    }

    def __init__(
        self,
        width: int = 1024,
        height: int = 768,
        background_colour: tuple[int, int, int] = (255, 255, 255),
        fullscreen: bool = False,
        offsets: Any = None,
        poll_interval: float = 0.02,
        caption: str = "Kamaelia",
    ) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.background_colour = background_colour
        self.fullscreen = bool(fullscreen)
        # 1.x read touchscreen calibration `offsets` (and a file in ~/.kamaelia);
        # that hack is gone, the argument is accepted so old code still runs.
        self.offsets = offsets
        self.poll_interval = poll_interval
        self.caption = caption
        self.next_position = (0, 0)
        self.surfaces: list[SurfaceClient] = []
        self.overlays: list[OverlayClient] = []
        self._screen: pygame.Surface | None = None
        self._tracker: Any = None
        self._poll_handle: Any = None
        self._dirty = False
        self._released_any = False
        self._ending: object | None = None
        self._quit = False

    # -- the service -------------------------------------------------------------------------

    @staticmethod
    def setDisplayService(pygamedisplay: PygameDisplay, tracker: Any = None) -> None:
        """Register `pygamedisplay` as the "pygamedisplay" service of `tracker`."""
        if tracker is None:
            tracker = coordinatingassistanttracker.getcat()
        tracker.registerService(SERVICE_NAME, pygamedisplay, "notify")
        pygamedisplay._tracker = tracker

    @staticmethod
    def getDisplayService(tracker: Any = None) -> tuple[Any, str]:
        """The (display, "notify") service, made and activated if there is none yet."""
        if tracker is None:
            tracker = coordinatingassistanttracker.getcat()
        try:
            service: tuple[Any, str] = tracker.retrieveService(SERVICE_NAME)
            return service
        except KeyError:
            display = PygameDisplay()
            display.activate()
            PygameDisplay.setDisplayService(display, tracker)
            return display, "notify"

    def _deregister(self) -> None:
        tracker = self._tracker or coordinatingassistanttracker.getcat()
        self._tracker = None
        try:
            registered, _ = tracker.retrieveService(SERVICE_NAME)
        except KeyError:
            return
        if registered is self:
            tracker.deRegisterService(SERVICE_NAME)

    # -- main loop ---------------------------------------------------------------------------

    def main(self) -> Generator[int, None, None]:
        """Open the window, then serve requests and events until told to end."""
        self._open_window()
        try:
            while self._ending is None:
                self._handle_control()
                self._handle_requests()
                self._update_overlays()
                self._handle_events()
                if self._dirty:
                    self._redraw()
                if self._ending is None and self._all_released():
                    self._ending = producerFinished(self)
                if self._ending is None:
                    self._arm_poll_timer()
                    self.pause()
                    yield 1
        finally:
            self._close_window()
        self.send(self._ending, "signal")
        if self._quit:
            self.scheduler.stop()

    def _all_released(self) -> bool:
        # Only after a release: a display that never had a surface waits for one.
        return self._released_any and not self.surfaces and not self.overlays

    def _open_window(self) -> None:
        pygame.display.init()
        pygame.font.init()
        flags = pygame.FULLSCREEN if self.fullscreen else 0
        try:
            self._screen = pygame.display.set_mode((self.width, self.height), flags)
        except pygame.error as error:
            raise RuntimeError(
                f"PygameDisplay: cannot open a {self.width}x{self.height} window ({error}); "
                "with no screen, set SDL_VIDEODRIVER=dummy to run headless"
            ) from error
        pygame.display.set_caption(self.caption)
        self._dirty = True

    def _close_window(self) -> None:
        if self._poll_handle is not None:
            self._poll_handle.cancel()
            self._poll_handle = None
        self._deregister()
        # Close only our own window: if this runs late (a stopped system's
        # generator being collected), a newer display may own the window now.
        if self._screen is not None and pygame.display.get_surface() is self._screen:
            pygame.display.quit()
        self._screen = None

    def _arm_poll_timer(self) -> None:
        # pygame offers no file descriptor to wait on, and SDL insists that
        # events are pumped on the thread that opened the window, so a helper
        # thread blocking in pygame.event.wait() is not portable (1.x polled
        # from a thread every 10 ms for this reason and still had to come back
        # to the main thread).  Instead the scheduler's timer wakes the display
        # every `poll_interval` seconds while the window is open; each tick is
        # one cheap pygame.event.get(), and no timer is left once it closes.
        if self._poll_handle is None:
            self._poll_handle = self.scheduler.call_later(self.poll_interval, self._poll_due)

    def _poll_due(self) -> None:
        self._poll_handle = None
        self.unpause()

    def _redraw(self) -> None:
        screen = self._screen
        assert screen is not None
        screen.fill(self.background_colour)
        for client in self.surfaces:
            screen.blit(client.surface, client.position)
        for overlay in self.overlays:
            if overlay.surface is not None:
                screen.blit(overlay.surface, overlay.position)
        pygame.display.update()
        self._dirty = False

    def _handle_control(self) -> None:
        while self.dataReady("control"):
            message = self.recv("control")
            if isinstance(message, (producerFinished, shutdownMicroprocess)):
                self._ending = message

    # -- events ------------------------------------------------------------------------------

    def _handle_events(self) -> None:
        events = pygame.event.get()
        while self.dataReady("events"):  # 1.x wake-up tokens; nothing to do with them
            self.recv("events")
        if not events:
            return
        for event in events:
            if event.type in (pygame.VIDEORESIZE, pygame.VIDEOEXPOSE, pygame.WINDOWEXPOSED):
                self._dirty = True
        for client in self.surfaces:
            bundle = [e for e in map(client.localise, events) if e is not None]
            if bundle and client.events_box is not None:
                self.send(bundle, client.events_box)
        if any(event.type == pygame.QUIT for event in events):
            log.info("the pygame window was closed; stopping the system")
            self._quit = True
            self._ending = shutdownMicroprocess(self)

    # -- requests ----------------------------------------------------------------------------

    def _handle_requests(self) -> None:
        while self.dataReady("notify"):
            message = self.recv("notify")
            try:
                self._handle_request(message)
            except (KeyError, TypeError, ValueError, pygame.error) as error:
                log.error(
                    "PygameDisplay: cannot carry out request %r from its 'notify' inbox: %s: %s",
                    message,
                    type(error).__name__,
                    error,
                )

    def _handle_request(self, message: Any) -> None:
        if isinstance(message, producerFinished):
            self._release(message.message)
            return
        if isinstance(message, dict):
            for key in _REQUEST_KEYS:
                if message.get(key) not in (None, False):
                    self._handlers()[key](message)
                    return
        raise ValueError(
            "not a request; send a dict with one of "
            f"{', '.join(_REQUEST_KEYS)} set, or producerFinished(message=surface)"
        )

    def _handlers(self) -> dict[str, Callable[[dict[str, Any]], None]]:
        return {
            "DISPLAYREQUEST": self._new_surface,
            "OVERLAYREQUEST": self._new_overlay,
            "ADDLISTENEVENT": self._add_listen_event,
            "REMOVELISTENEVENT": self._remove_listen_event,
            "CHANGEDISPLAYGEO": self._move_surface,
            "REDRAW": self._mark_dirty,
        }

    def surfacePosition(self, surface: pygame.Surface | None = None) -> tuple[int, int]:
        """A position for a surface whose request gave none: a 50-pixel cascade."""
        position = self.next_position
        self.next_position = (position[0] + 50, position[1] + 50)
        return position

    def _new_surface(self, request: dict[str, Any]) -> None:
        size = tuple(request["size"])
        callback = request["callback"]
        surface = pygame.Surface(size)
        surface.set_alpha(request.get("alpha", 255))
        if request.get("transparency") is not None:
            surface.set_colorkey(request["transparency"])
        position = request.get("position")
        if position is None:
            position = self.surfacePosition(surface)
        callback_box = self.addOutbox("displayerfeedback")
        client = SurfaceClient(surface, tuple(position), callback_box, None)
        client.only_mouse_inside = bool(request.get("onlymouseinside", False))
        client.linkages.append(self.link((self, callback_box), callback))
        if request.get("events") is not None:
            client.events_box = self.addOutbox("eventsfeedback")
            client.linkages.append(self.link((self, client.events_box), request["events"]))
        self.surfaces.append(client)
        self.send(surface, callback_box)
        if request.get("fullscreen") and not self.fullscreen:
            self.fullscreen = True
            pygame.display.toggle_fullscreen()
        self._dirty = True

    def _client_for(self, surface: Any) -> SurfaceClient:
        for client in self.surfaces:
            if client.surface is surface:
                return client
        raise KeyError(f"surface {surface!r} was not made by this display")

    def _release(self, surface: Any) -> None:
        client = self._client_for(surface)
        self.surfaces.remove(client)
        for linkage in client.linkages:
            self.unlink(thelinkage=linkage)
        for box in (client.callback_box, client.events_box):
            if box is not None:
                self.deleteOutbox(box)
        self._released_any = True
        self._dirty = True

    def _add_listen_event(self, request: dict[str, Any]) -> None:
        self._client_for(request["surface"]).wanted.add(request["ADDLISTENEVENT"])

    def _remove_listen_event(self, request: dict[str, Any]) -> None:
        self._client_for(request["surface"]).wanted.discard(request["REMOVELISTENEVENT"])

    def _move_surface(self, request: dict[str, Any]) -> None:
        if request.get("surface") is None or request.get("position") is None:
            return  # 1.x: a move without both keys has no effect
        self._client_for(request["surface"]).position = tuple(request["position"])
        self._dirty = True

    def _mark_dirty(self, request: dict[str, Any]) -> None:
        self._dirty = True

    # -- overlays ----------------------------------------------------------------------------

    def _new_overlay(self, request: dict[str, Any]) -> None:
        pixformat = request["pixformat"]
        if pixformat not in SUBSAMPLING:
            raise ValueError(f"pixformat {pixformat!r}; choices: {', '.join(SUBSAMPLING)}")
        overlay = OverlayClient(
            tuple(request["size"]), pixformat, tuple(request.get("position", (0, 0)))
        )
        if request.get("yuv") is not None:
            overlay.show(request["yuv"])
        source = request.get("yuvservice")
        if source:
            # A source that asks again (its frame size changed) replaces its old overlay.
            for old in [o for o in self.overlays if o.yuv_source == tuple(source)]:
                self._remove_overlay(old)
            overlay.yuv_source = tuple(source)
            overlay.yuv_box = self.addInbox("overlay_yuv")
            overlay.linkages.append(self.link(tuple(source), (self, overlay.yuv_box)))
        if request.get("positionservice"):
            overlay.position_box = self.addInbox("overlay_position")
            overlay.linkages.append(
                self.link(tuple(request["positionservice"]), (self, overlay.position_box))
            )
        self.overlays.append(overlay)
        self._dirty = True

    def _remove_overlay(self, overlay: OverlayClient) -> None:
        self.overlays.remove(overlay)
        for linkage in overlay.linkages:
            self.unlink(thelinkage=linkage)
        for box in (overlay.yuv_box, overlay.position_box):
            if box is not None:
                self.deleteInbox(box)
        self._released_any = True
        self._dirty = True

    def _update_overlays(self) -> None:
        for overlay in list(self.overlays):
            if overlay.position_box is not None:
                while self.dataReady(overlay.position_box):
                    overlay.position = tuple(self.recv(overlay.position_box))
                    self._dirty = True
            if overlay.yuv_box is None or not self.dataReady(overlay.yuv_box):
                continue
            frames = []
            while self.dataReady(overlay.yuv_box):
                frames.append(self.recv(overlay.yuv_box))
            if None in frames:
                self._remove_overlay(overlay)
                continue
            try:  # only the newest frame is worth converting
                overlay.show(frames[-1])
            except (TypeError, ValueError) as error:
                log.error("PygameDisplay: bad overlay frame dropped: %s", error)
            self._dirty = True
