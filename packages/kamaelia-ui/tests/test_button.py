"""Button: drawing, clicks, key binding and shutdown."""

import pygame
from _uihelpers import Driver, click, count_colour, pixel, press, run_ui
from Axon.Ipc import shutdownMicroprocess

from Kamaelia.UI.Pygame.Button import Button

GREY = (224, 224, 224)
WHITE = (255, 255, 255)


def test_button_draws_its_background_at_its_position():
    """The button's background colour appears at its position and its caption in black."""
    button = Button(caption="Next", position=(40, 30), size=(80, 30))

    def script(d):
        yield from d.wait_for_pixel((41, 31), GREY)
        assert pixel((39, 29)) == WHITE
        assert pixel((120, 60)) == WHITE
        assert count_colour((40, 30, 80, 30), (0, 0, 0)) > 5
        d.shutdown(button)

    run_ui(Driver(script), button)


def test_click_inside_sends_msg_and_click_outside_does_not():
    """A click inside sends msg once; a click elsewhere sends nothing."""
    button = Button(caption="Next", msg="NEXT", position=(40, 30), size=(80, 30))
    driver = Driver(None)
    button.link((button, "outbox"), (driver, "inbox"))

    def script(d):
        yield from d.wait_for_pixel((41, 31), GREY)
        click((200, 200))
        click((50, 40))
        yield from d.wait_for_message("inbox")
        yield from d.sleep(0.1)
        assert d.collect()["inbox"] == ["NEXT"]
        d.shutdown(button)

    driver.script = script
    run_ui(driver, button)


def test_key_binding_sends_msg():
    """Pressing the bound key sends msg; other keys do not."""
    button = Button(caption="Next", msg="NEXT", key=pygame.K_SPACE, position=(0, 0))
    driver = Driver(None)
    button.link((button, "outbox"), (driver, "inbox"))

    def script(d):
        yield from d.wait_for_pixel((1, 1), GREY)
        press(pygame.K_a)
        press(pygame.K_SPACE)
        yield from d.wait_for_message("inbox")
        yield from d.sleep(0.05)
        assert d.collect()["inbox"] == ["NEXT"]
        d.shutdown(button)

    driver.script = script
    run_ui(driver, button)


def test_default_msg_names_the_button():
    """Without msg a click sends ("CLICK", id)."""
    button = Button(position=(0, 0))
    driver = Driver(None)
    button.link((button, "outbox"), (driver, "inbox"))

    def script(d):
        yield from d.wait_for_pixel((1, 1), GREY)
        click((2, 2))
        yield from d.wait_for_message("inbox")
        assert d.collect()["inbox"] == [("CLICK", button.id)]
        d.shutdown(button)

    driver.script = script
    run_ui(driver, button)


def test_shutdown_is_passed_on_and_the_surface_released():
    """shutdownMicroprocess goes out of signal, and the button vanishes from the window."""
    button = Button(caption="Bye", position=(10, 10), size=(50, 20))
    other = Button(caption="Stay", position=(100, 100), size=(50, 20))
    driver = Driver(None)
    button.link((button, "signal"), (driver, "control"))

    def script(d):
        yield from d.wait_for_pixel((11, 11), GREY)
        d.shutdown(button)
        yield from d.wait_for_pixel((11, 11), WHITE)
        assert pixel((101, 101)) == GREY
        assert [type(m) for m in d.collect()["control"]] == [shutdownMicroprocess]
        d.shutdown(other)

    driver.script = script
    run_ui(driver, button, other)
