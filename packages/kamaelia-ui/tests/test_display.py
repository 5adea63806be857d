"""PygameDisplay: the request protocol, event routing, shutdown and the service."""

import logging

import pygame
from _uihelpers import Driver, click, pixel, run_ui
from Axon.Component import component
from Axon.CoordinatingAssistantTracker import coordinatingassistanttracker
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.Scheduler import scheduler

from Kamaelia.UI.Pygame.Display import PygameDisplay

WHITE = (255, 255, 255)
RED = (200, 0, 0)
BLUE = (0, 0, 200)


class SurfaceUser(component):
    """Asks for a surface with `request`, paints it `colour`, then obeys its inbox.

    Inbox commands: ("send", dict) sends a request to the display; "release"
    gives the surface back and ends.  Events from the display are kept in `events`.
    """

    Inboxes = {
        "inbox": "commands",
        "control": "ends it",
        "callback": "surface",
        "events": "events from the display",
    }
    Outboxes = {"outbox": "", "signal": "", "display": "to the display"}

    def __init__(self, colour, **request):
        super().__init__()
        self.colour = colour
        self.request = {"DISPLAYREQUEST": True, "callback": (self, "callback"), **request}
        self.surface = None
        self.events = []

    def main(self):
        self.link((self, "display"), PygameDisplay.getDisplayService())
        self.send(self.request, "display")
        while not self.dataReady("callback"):
            self.pause()
            yield 1
        self.surface = self.recv("callback")
        self.surface.fill(self.colour)
        self.send({"REDRAW": True, "surface": self.surface}, "display")
        while True:
            while self.dataReady("events"):
                self.events.extend(self.recv("events"))
            while self.dataReady("inbox"):
                command = self.recv("inbox")
                if command == "release":
                    self.send(producerFinished(self, self.surface), "display")
                    return
                self.send(dict(command[1], surface=self.surface), "display")
            if self.dataReady("control"):
                return
            self.pause()
            yield 1


def test_get_display_service_makes_one_display_and_registers_it():
    """getDisplayService starts one display, registers it, and returns it every time."""
    user = SurfaceUser(RED, size=(10, 10))

    def script(d):
        yield from d.wait_until(lambda: user.surface is not None, "a surface")
        first = PygameDisplay.getDisplayService()
        assert PygameDisplay.getDisplayService() == first
        assert first[1] == "notify"
        assert isinstance(first[0], PygameDisplay)
        tracker = coordinatingassistanttracker.getcat()
        assert tracker.retrieveService("pygamedisplay") == first
        user.deliver("release", "inbox")

    run_ui(Driver(script), user)


def test_surface_has_requested_size_and_appears_at_position():
    """The surface sent back has the requested size and is drawn at the requested position."""
    user = SurfaceUser(RED, size=(30, 20), position=(50, 60))

    def script(d):
        yield from d.wait_for_pixel((50, 60), RED)
        assert user.surface.get_size() == (30, 20)
        assert pixel((79, 79)) == RED
        assert pixel((80, 60)) == WHITE
        assert pixel((49, 60)) == WHITE
        user.deliver("release", "inbox")

    run_ui(Driver(script), user)


def test_surfaces_without_position_cascade_in_50_pixel_steps():
    """Surfaces with no position are placed at (0,0), (50,50), ... in request order."""
    first = SurfaceUser(RED, size=(10, 10))
    second = SurfaceUser(BLUE, size=(10, 10))

    def script(d):
        yield from d.wait_for_pixel((55, 55), BLUE)
        assert pixel((5, 5)) == RED
        first.deliver("release", "inbox")
        second.deliver("release", "inbox")

    run_ui(Driver(script), first, second)


def test_later_surfaces_are_drawn_over_earlier_ones():
    """Surfaces are drawn in the order they were requested."""
    under = SurfaceUser(RED, size=(40, 40), position=(0, 0))
    over = SurfaceUser(BLUE, size=(10, 10), position=(5, 5))

    def script(d):
        yield from d.wait_for_pixel((6, 6), BLUE)
        assert pixel((20, 20)) == RED
        under.deliver("release", "inbox")
        over.deliver("release", "inbox")

    run_ui(Driver(script), under, over)


def test_mouse_events_arrive_as_lists_in_surface_coordinates():
    """A listener gets the event types it asked for, with pos relative to its surface."""
    user = SurfaceUser(RED, size=(40, 40), position=(100, 50))
    user.request["events"] = (user, "events")

    def script(d):
        yield from d.wait_for_pixel((100, 50), RED)
        user.deliver(("send", {"ADDLISTENEVENT": pygame.MOUSEBUTTONDOWN}), "inbox")
        yield from d.sleep(0.05)
        click((110, 57), button=3)
        yield from d.wait_until(lambda: user.events, "an event")
        yield from d.sleep(0.05)
        assert [(e.type, e.pos, e.button) for e in user.events] == [
            (pygame.MOUSEBUTTONDOWN, (10, 7), 3)
        ]
        user.deliver("release", "inbox")

    run_ui(Driver(script), user)


def test_remove_listen_event_stops_delivery():
    """After REMOVELISTENEVENT that event type is no longer sent."""
    user = SurfaceUser(RED, size=(40, 40), position=(0, 0), events=None)
    user.request["events"] = (user, "events")

    def script(d):
        yield from d.wait_for_pixel((0, 0), RED)
        user.deliver(("send", {"ADDLISTENEVENT": pygame.MOUSEBUTTONDOWN}), "inbox")
        yield from d.sleep(0.05)
        click((1, 1))
        yield from d.wait_until(lambda: user.events, "the first click")
        user.deliver(("send", {"REMOVELISTENEVENT": pygame.MOUSEBUTTONDOWN}), "inbox")
        yield from d.sleep(0.05)
        click((2, 2))
        yield from d.sleep(0.1)
        assert [e.pos for e in user.events] == [(1, 1)]
        user.deliver("release", "inbox")

    run_ui(Driver(script), user)


def test_onlymouseinside_filters_mouse_events_outside_the_surface():
    """With onlymouseinside, clicks outside the surface are not delivered."""
    user = SurfaceUser(RED, size=(20, 20), position=(10, 10), onlymouseinside=True)
    user.request["events"] = (user, "events")

    def script(d):
        yield from d.wait_for_pixel((10, 10), RED)
        user.deliver(("send", {"ADDLISTENEVENT": pygame.MOUSEBUTTONDOWN}), "inbox")
        yield from d.sleep(0.05)
        click((100, 100))
        click((15, 15))
        yield from d.wait_until(lambda: user.events, "the inside click")
        yield from d.sleep(0.05)
        assert [e.pos for e in user.events] == [(5, 5)]
        user.deliver("release", "inbox")

    run_ui(Driver(script), user)


def test_changedisplaygeo_moves_the_surface():
    """CHANGEDISPLAYGEO redraws the surface at its new position."""
    user = SurfaceUser(RED, size=(10, 10), position=(0, 0))

    def script(d):
        yield from d.wait_for_pixel((0, 0), RED)
        user.deliver(("send", {"CHANGEDISPLAYGEO": True, "position": (200, 100)}), "inbox")
        yield from d.wait_for_pixel((200, 100), RED)
        assert pixel((0, 0)) == WHITE
        user.deliver("release", "inbox")

    run_ui(Driver(script), user)


def test_alpha_and_transparency_requests_are_honoured():
    """alpha=0 hides a surface; a transparency colour key lets the background through."""
    hidden = SurfaceUser(RED, size=(10, 10), position=(0, 0), alpha=0)
    keyed = SurfaceUser(BLUE, size=(10, 10), position=(20, 0), transparency=BLUE)
    marker = SurfaceUser(RED, size=(10, 10), position=(40, 0))

    def script(d):
        yield from d.wait_for_pixel((40, 0), RED)
        yield from d.sleep(0.05)
        assert pixel((0, 0)) == WHITE
        assert pixel((20, 0)) == WHITE
        for user in (hidden, keyed, marker):
            user.deliver("release", "inbox")

    run_ui(Driver(script), hidden, keyed, marker)


def test_last_release_closes_the_window_ends_the_display_and_deregisters_it():
    """When the last surface is given back the display sends producerFinished and ends."""
    user = SurfaceUser(RED, size=(10, 10), position=(0, 0))
    found = {}

    def script(d):
        yield from d.wait_for_pixel((0, 0), RED)
        display, _ = PygameDisplay.getDisplayService()
        display.link((display, "signal"), (d, "control"))
        found["display"] = display
        user.deliver("release", "inbox")
        yield from d.wait_for_message("control")
        assert isinstance(d.collect()["control"][0], producerFinished)

    run_ui(Driver(script), user)
    assert not pygame.display.get_init()
    assert "pygamedisplay" not in coordinatingassistanttracker.getcat().servicesRegistered()


def test_shutdown_on_control_ends_the_display():
    """shutdownMicroprocess on the display's control closes it and is passed on."""

    def script(d):
        display, _ = PygameDisplay.getDisplayService()
        display.link((display, "signal"), (d, "control"))
        yield from d.wait_until(pygame.display.get_init, "the window to open")
        display.deliver(shutdownMicroprocess(), "control")
        yield from d.wait_for_message("control")
        assert isinstance(d.collect()["control"][0], shutdownMicroprocess)

    run_ui(Driver(script))
    assert not pygame.display.get_init()


def test_closing_the_window_stops_the_whole_system():
    """A pygame QUIT event closes the window and stops every component: run returns."""
    user = SurfaceUser(RED, size=(10, 10), position=(0, 0))
    forever = SurfaceUser(BLUE, size=(10, 10), position=(20, 0))
    sched = scheduler()
    progress = []

    def script(d):
        yield from d.wait_for_pixel((20, 0), BLUE)
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        progress.append("posted")
        while True:  # only the scheduler stopping ends this loop
            yield from d.sleep(0.01)

    driver = Driver(script)
    for part in (user, forever, driver):
        part.activate(Scheduler=sched)
    watchdog = sched.call_later(5.0, lambda: progress.append("watchdog") or sched.stop())
    sched.runThreads()
    watchdog.cancel()
    assert progress == ["posted"]
    assert not pygame.display.get_init()
    assert sched.listAllThreads() == []


def test_bad_requests_are_logged_and_the_display_carries_on(caplog):
    """A malformed request is logged with the reason; later requests still work."""
    user = SurfaceUser(RED, size=(10, 10), position=(0, 0))

    def script(d):
        yield from d.wait_for_pixel((0, 0), RED)
        display, box = PygameDisplay.getDisplayService()
        display.deliver({"DISPLAYREQUEST": True, "callback": (user, "callback")}, box)
        display.deliver({"NONSENSE": True}, box)
        user.deliver(("send", {"CHANGEDISPLAYGEO": True, "position": (30, 30)}), "inbox")
        yield from d.wait_for_pixel((30, 30), RED)
        user.deliver("release", "inbox")

    with caplog.at_level(logging.ERROR, logger="Kamaelia.UI.Pygame.Display"):
        run_ui(Driver(script), user)
    messages = [r.getMessage() for r in caplog.records]
    assert any("'size'" in m for m in messages), messages
    assert any("DISPLAYREQUEST, OVERLAYREQUEST" in m and "NONSENSE" in m for m in messages)


def test_idle_display_sleeps_between_event_polls(monkeypatch):
    """An idle display wakes only at its poll interval, not in a busy loop."""
    passes = []
    original = PygameDisplay._handle_events
    monkeypatch.setattr(
        PygameDisplay, "_handle_events", lambda self: passes.append(1) or original(self)
    )
    user = SurfaceUser(RED, size=(10, 10), position=(0, 0))

    def script(d):
        yield from d.wait_for_pixel((0, 0), RED)
        before = len(passes)
        yield from d.sleep(0.3)
        # 0.3 s at one poll per 20 ms is about 15 passes; a busy loop would make thousands.
        assert len(passes) - before < 40
        user.deliver("release", "inbox")

    run_ui(Driver(script), user)
