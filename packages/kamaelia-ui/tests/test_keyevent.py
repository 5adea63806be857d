"""KeyEvent: key presses and releases become messages on chosen outboxes."""

import pygame
import pytest
from _uihelpers import Driver, pixel, press, run_ui

from Kamaelia.UI.Pygame.Button import Button
from Kamaelia.UI.Pygame.KeyEvent import KeyEvent


def test_key_events_go_to_their_outboxes_and_draw_nothing():
    """Mapped keys send their message on their outbox; the window stays blank."""
    keys = KeyEvent(
        key_events={pygame.K_1: (1, "numbers"), pygame.K_a: ("A", "letters")},
        outboxes={"numbers": "numbers", "letters": "letters"},
    )
    driver = Driver(None)
    keys.link((keys, "numbers"), (driver, "inbox"))
    keys.link((keys, "letters"), (driver, "errors"))
    marker = Button(position=(100, 100))

    def script(d):
        yield from d.wait_for_pixel((101, 101), (224, 224, 224))
        yield from d.sleep(0.03)
        assert pixel((0, 0)) == (255, 255, 255)
        press(pygame.K_1)
        press(pygame.K_b)
        press(pygame.K_a)
        yield from d.wait_for_message("errors")
        yield from d.sleep(0.03)
        assert d.collect()["inbox"] == [1]
        assert d.got["errors"] == ["A"]
        d.shutdown(keys, marker)

    driver.script = script
    run_ui(driver, keys, marker)


def test_allkeys_reports_every_press_and_release():
    """With allkeys, ("DOWN", key) and ("UP", key) are sent for every key."""
    keys = KeyEvent(allkeys=True)
    driver = Driver(None)
    keys.link((keys, "allkeys"), (driver, "inbox"))

    def script(d):
        yield from d.wait_until(lambda: keys.display is not None, "the surface")
        yield from d.sleep(0.03)
        press(pygame.K_x)
        yield from d.wait_for_message("inbox", 2)
        assert d.collect()["inbox"] == [("DOWN", pygame.K_x), ("UP", pygame.K_x)]
        d.shutdown(keys)

    driver.script = script
    run_ui(driver, keys)


def test_key_up_events():
    """key_up_events sends on release only."""
    keys = KeyEvent(key_up_events={pygame.K_q: ("released", "outbox")})
    driver = Driver(None)
    keys.link((keys, "outbox"), (driver, "inbox"))

    def script(d):
        yield from d.wait_until(lambda: keys.display is not None, "the surface")
        yield from d.sleep(0.03)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, unicode="q"))
        yield from d.sleep(0.05)
        assert d.collect()["inbox"] == []
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_q, unicode="q"))
        yield from d.wait_for_message("inbox")
        assert d.collect()["inbox"] == ["released"]
        d.shutdown(keys)

    driver.script = script
    run_ui(driver, keys)


def test_extra_outboxes_belong_to_one_instance():
    """Outboxes declared for one KeyEvent are not added to the class or other instances."""
    KeyEvent(key_events={pygame.K_1: (1, "numbers")}, outboxes={"numbers": "n"})
    assert "numbers" not in KeyEvent.Outboxes
    assert "numbers" not in KeyEvent().outboxes


def test_undeclared_outbox_is_a_clear_error():
    """A key mapped to an outbox that is not declared raises, naming the box and the choices."""
    with pytest.raises(ValueError, match=r"outbox 'numbers', which is not declared.*allkeys"):
        KeyEvent(key_events={pygame.K_1: (1, "numbers")})
