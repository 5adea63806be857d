"""EventHandler: each pygame event goes to the method named after its type."""

import logging
from functools import partial

import pygame
import pytest
from _uihelpers import Driver, click, pixel, press, run_ui
from Axon.Component import component

from Kamaelia.UI.Pygame.EventHandler import EventHandler

WHERE = object()

# (event type, its fields, the method expected, the arguments expected before `where`)
EVENTS = [
    (pygame.QUIT, {}, "quit", ()),
    (pygame.ACTIVEEVENT, {"gain": 1, "state": 2}, "active", (1, 2)),
    (pygame.KEYDOWN, {"unicode": "a", "key": 97, "mod": 0}, "keydown", ("a", 97, 0)),
    (pygame.KEYUP, {"key": 97, "mod": 1}, "keyup", (97, 1)),
    (
        pygame.MOUSEMOTION,
        {"pos": (3, 4), "rel": (1, -1), "buttons": (0, 0, 0)},
        "mousemotion",
        ((3, 4), (1, -1), (0, 0, 0)),
    ),
    (pygame.MOUSEBUTTONUP, {"pos": (5, 6), "button": 3}, "mousebuttonup", ((5, 6), 3)),
    (pygame.MOUSEBUTTONDOWN, {"pos": (7, 8), "button": 1}, "mousebuttondown", ((7, 8), 1)),
    (
        pygame.JOYAXISMOTION,
        {"joy": 0, "axis": 1, "value": 0.5},
        "joyaxismotion",
        (0, 1, 0.5),
    ),
    (
        pygame.JOYBALLMOTION,
        {"joy": 0, "ball": 2, "rel": (1, 1)},
        "joyballmotion",
        (0, 2, (1, 1)),
    ),
    (
        pygame.JOYHATMOTION,
        {"joy": 1, "hat": 0, "value": (0, 1)},
        "joyhatmotion",
        (1, 0, (0, 1)),
    ),
    (pygame.JOYBUTTONUP, {"joy": 0, "button": 4}, "joybuttonup", (0, 4)),
    (pygame.JOYBUTTONDOWN, {"joy": 0, "button": 5}, "joybuttondown", (0, 5)),
    (pygame.VIDEORESIZE, {"size": (640, 480)}, "videoresize", ((640, 480),)),
    (pygame.VIDEOEXPOSE, {}, "videoexpose", ()),
    (pygame.USEREVENT, {"code": 7}, "userevent", (7,)),
]
METHODS = [method for _, _, method, _ in EVENTS]


class Recorder(EventHandler):
    """Records every handler call instead of handling it."""

    def __init__(self):
        super().__init__(trace=0)
        self.calls = []
        for name in METHODS:
            setattr(self, name, partial(self.record, name))

    def record(self, *call):
        self.calls.append(call)


@pytest.mark.parametrize(("kind", "fields", "method", "args"), EVENTS)
def test_each_event_type_calls_its_method_with_its_fields_and_where(kind, fields, method, args):
    """dispatch calls the 1.x method for the event's type, fields in 1.x order, then where."""
    handler = Recorder()
    handler.dispatch(pygame.event.Event(kind, fields), WHERE)
    assert handler.calls == [(method, *args, WHERE)]


def test_events_taken_from_pygames_queue_are_dispatched():
    """Events posted to a (headless) window's queue and read back are handled in order."""
    pygame.display.set_mode((20, 20))
    pygame.event.clear()
    click((3, 4), button=1)
    press(pygame.K_q, "q")
    handler = Recorder()
    for event in pygame.event.get():
        handler.dispatch(event, WHERE)
    assert handler.calls == [
        ("mousebuttondown", (3, 4), 1, WHERE),
        ("mousebuttonup", (3, 4), 1, WHERE),
        ("keydown", "q", pygame.K_q, 0, WHERE),
        ("keyup", pygame.K_q, 0, WHERE),
    ]


def test_other_event_types_are_ignored():
    """An event type 1.x had no method for (mouse wheel, user event + 1) calls nothing."""
    handler = Recorder()
    handler.dispatch(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1), WHERE)
    handler.dispatch(pygame.event.Event(pygame.USEREVENT + 1), WHERE)
    assert handler.calls == []


def test_a_missing_field_is_passed_as_none():
    """pygame 2 USEREVENTs may have no code; the method gets None for it."""
    handler = Recorder()
    handler.dispatch(pygame.event.Event(pygame.USEREVENT), WHERE)
    assert handler.calls == [("userevent", None, WHERE)]


def test_the_default_methods_log_with_trace_and_print_nothing(caplog, capsys):
    """The stubs log each event at DEBUG when trace is on (the default); nothing is printed."""
    caplog.set_level(logging.DEBUG, logger="Kamaelia.UI.Pygame.EventHandler")
    for kind, fields, _, _ in EVENTS:
        EventHandler().dispatch(pygame.event.Event(kind, fields), WHERE)
    assert [record.getMessage().split(":")[0] for record in caplog.records] == [
        pygame.event.event_name(kind).upper() for kind, _, _, _ in EVENTS
    ]
    assert "(7, 8), 1" in caplog.records[6].getMessage()
    assert capsys.readouterr() == ("", "")


def test_the_default_methods_are_silent_without_trace(caplog):
    """With trace=0 the stubs do nothing at all."""
    caplog.set_level(logging.DEBUG, logger="Kamaelia.UI.Pygame.EventHandler")
    for kind, fields, _, _ in EVENTS:
        EventHandler(trace=0).dispatch(pygame.event.Event(kind, fields), WHERE)
    assert caplog.records == []


def test_a_subclass_that_skips_init_still_works():
    """1.x programs subclass without calling EventHandler.__init__; dispatch still works."""
    seen = []

    class Game(EventHandler):
        def __init__(self, args):
            self.args = args

        def mousebuttondown(self, pos, button, where):
            seen.append((pos, button, where))

    game = Game(("cat.gif",))
    game.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(1, 2), button=3), WHERE)
    game.dispatch(pygame.event.Event(pygame.KEYDOWN, unicode="p", key=112, mod=0), WHERE)
    assert seen == [((1, 2), 3, WHERE)]


def test_dispatching_something_that_is_not_an_event_is_a_clear_error():
    """dispatch names the handler and the value it was given instead of an event."""
    with pytest.raises(TypeError, match=r"Recorder\.dispatch needs a pygame event, got 'click'"):
        Recorder().dispatch("click", WHERE)


class Painter(component):
    """A 1.x-style game loop: owns the window, hands each event to its EventHandler."""

    def __init__(self, handler_class):
        super().__init__()
        self.handler_class = handler_class
        self.running = True

    def main(self):
        screen = pygame.display.set_mode((60, 40))
        screen.fill((255, 255, 255))
        handler = self.handler_class(trace=0)
        while self.running:
            for event in pygame.event.get():
                handler.dispatch(event, self)
            pygame.display.flip()
            yield 1


class PaintOnClick(EventHandler):
    """Left click paints a red square; right click a blue one; "q" stops the loop."""

    def mousebuttondown(self, pos, button, where):
        colour = {1: (255, 0, 0), 3: (0, 0, 255)}[button]
        pygame.display.get_surface().fill(colour, pygame.Rect(pos[0] - 2, pos[1] - 2, 5, 5))

    def keydown(self, unicode, key, mod, where):
        if unicode == "q":
            where.running = False


def test_a_game_loop_draws_what_its_handler_is_told():
    """Clicks posted to the window end up as painted pixels; a key press ends the loop."""
    painter = Painter(PaintOnClick)

    def script(d):
        yield from d.wait_for_pixel((10, 10), (255, 255, 255))
        click((10, 10), button=1)
        click((40, 20), button=3)
        yield from d.wait_for_pixel((10, 10), (255, 0, 0))
        yield from d.wait_for_pixel((40, 20), (0, 0, 255))
        assert pixel((20, 10)) == (255, 255, 255)
        press(pygame.K_q, "q")
        yield from d.wait_until(lambda: not painter.running, "the loop to stop")

    run_ui(Driver(script), painter)
