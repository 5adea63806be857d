"""Multiclick: a message per mouse button; a see-through background by default."""

from _uihelpers import Driver, click, count_colour, pixel, run_ui

from Kamaelia.UI.Pygame.Multiclick import Multiclick

WHITE = (255, 255, 255)


def test_each_mouse_button_sends_its_own_message():
    """msgs[button] is sent for clicks inside; buttons without a message send nothing."""
    multi = Multiclick(
        caption="Item",
        msgs=[None, "left", None, "right"],
        position=(10, 10),
        size=(60, 30),
        transparent=False,
    )
    driver = Driver(None)
    multi.link((multi, "outbox"), (driver, "inbox"))

    def script(d):
        yield from d.wait_for_pixel((11, 11), (224, 224, 224))
        click((20, 20), button=3)
        click((20, 20), button=2)
        click((20, 20), button=1)
        click((200, 200), button=1)
        yield from d.wait_for_message("inbox", 2)
        yield from d.sleep(0.05)
        assert d.collect()["inbox"] == ["right", "left"]
        d.shutdown(multi)

    driver.script = script
    run_ui(driver, multi)


def test_without_msgs_every_button_sends_msg():
    """With no msgs table each click sends msg."""
    multi = Multiclick(caption="Item", msg="hit", position=(0, 0))
    driver = Driver(None)
    multi.link((multi, "outbox"), (driver, "inbox"))

    def script(d):
        yield from d.wait_until(lambda: multi.display is not None, "the surface")
        yield from d.sleep(0.03)
        click((5, 5), button=2)
        yield from d.wait_for_message("inbox")
        assert d.collect()["inbox"] == ["hit"]
        d.shutdown(multi)

    driver.script = script
    run_ui(driver, multi)


def test_transparent_by_default_shows_only_the_caption():
    """The background colour is see-through; the caption is drawn in fgcolour."""
    multi = Multiclick(caption="Item", position=(0, 0), size=(60, 30), fgcolour=(200, 0, 0))

    def script(d):
        yield from d.wait_until(lambda: count_colour((0, 0, 60, 30), (200, 0, 0)) > 5, "caption")
        assert pixel((1, 1)) == WHITE
        d.shutdown(multi)

    run_ui(Driver(script), multi)
