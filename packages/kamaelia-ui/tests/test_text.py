"""TextDisplayer and Textbox: lines scroll up, typing edits, Enter sends."""

import pygame
from _uihelpers import Driver, count_colour, press, run_ui
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.UI.Pygame.Text import Textbox, TextDisplayer

PAPER = (255, 255, 200)
INK = (0, 0, 0)
SIZE = (300, 100)


def bottom_line(widget):
    return (0, SIZE[1] - widget.font.get_linesize(), SIZE[0], widget.font.get_linesize())


def line_above(widget):
    height = widget.font.get_linesize()
    return (0, SIZE[1] - 2 * height, SIZE[0], height)


def test_each_message_appears_on_the_bottom_line_and_scrolls_up():
    """A line is written at the bottom; the next one pushes it up a line."""
    shower = TextDisplayer(size=SIZE, position=(0, 0))

    def script(d):
        yield from d.wait_for_pixel((150, 50), PAPER)
        shower.deliver("first line", "inbox")
        yield from d.wait_until(lambda: count_colour(bottom_line(shower), INK) > 20, "line 1")
        assert count_colour(line_above(shower), INK) == 0
        shower.deliver("second", "inbox")
        yield from d.wait_until(lambda: count_colour(line_above(shower), INK) > 20, "scroll")
        assert count_colour((0, 0, 300, 20), INK) == 0
        d.shutdown(shower)

    run_ui(Driver(script), shower)


def test_long_lines_wrap_to_the_width():
    """A line wider than the surface is split onto several lines."""
    shower = TextDisplayer(size=SIZE, position=(0, 0))

    def script(d):
        yield from d.wait_for_pixel((150, 50), PAPER)
        shower.deliver("word " * 30, "inbox")
        yield from d.wait_until(lambda: count_colour(line_above(shower), INK) > 20, "wrapping")
        d.shutdown(shower)

    run_ui(Driver(script), shower)
    assert all(shower.font.size(line)[0] <= SIZE[0] for line in shower.wrap("word " * 30))
    broken = shower.wrap("x" * 200)
    assert len(broken) > 1
    assert all(shower.font.size(line)[0] <= SIZE[0] for line in broken)


def test_text_already_received_is_shown_before_shutdown_is_passed_on():
    """Lines queued before producerFinished are drawn; producerFinished goes out of signal."""
    shower = TextDisplayer(size=SIZE, position=(0, 0))
    driver = Driver(None)
    shower.link((shower, "signal"), (driver, "control"))
    drawn = []

    def script(d):
        yield from d.wait_for_pixel((150, 50), PAPER)
        shower.updateLine = lambda line, original=shower.updateLine: (
            drawn.append(line),
            original(line),
        )
        shower.deliver("last words", "inbox")
        shower.deliver(producerFinished(), "control")
        yield from d.wait_for_message("control")

    driver.script = script
    run_ui(driver, shower)
    assert drawn == ["last words"]
    assert isinstance(driver.got["control"][0], producerFinished)


def test_textbox_shows_typing_and_sends_the_line_at_enter():
    """Typed keys appear in the box; Enter sends the line and empties the box."""
    box = Textbox(size=SIZE, position=(0, 0))
    driver = Driver(None)
    box.link((box, "outbox"), (driver, "inbox"))

    def script(d):
        yield from d.wait_for_pixel((150, 50), PAPER)
        cursor_only = count_colour(bottom_line(box), INK)
        for char in "hi!":
            press(ord(char), char)
        yield from d.wait_until(
            lambda: count_colour(bottom_line(box), INK) > cursor_only + 20, "typed text"
        )
        press(pygame.K_BACKSPACE)
        press(pygame.K_RETURN, "\r")
        yield from d.wait_for_message("inbox")
        yield from d.wait_until(
            lambda: count_colour(bottom_line(box), INK) == cursor_only, "an empty box"
        )
        assert d.collect()["inbox"] == ["hi"]
        d.shutdown(box)

    driver.script = script
    run_ui(driver, box)


def test_textbox_takes_characters_on_its_inbox_too():
    """Characters sent to the inbox edit the line like key presses."""
    box = Textbox(size=SIZE, position=(0, 0), initial_string_buffer="ab")
    driver = Driver(None)
    box.link((box, "outbox"), (driver, "inbox"))

    def script(d):
        yield from d.wait_for_pixel((150, 50), PAPER)
        box.deliver("cd\x08e\n", "inbox")
        yield from d.wait_for_message("inbox")
        assert d.collect()["inbox"] == ["abce"]
        d.shutdown(box)

    driver.script = script
    run_ui(driver, box)


def test_escape_ends_the_textbox_with_shutdown_microprocess():
    """Escape ends the Textbox, which sends shutdownMicroprocess and releases its surface."""
    box = Textbox(size=SIZE, position=(0, 0))
    driver = Driver(None)
    box.link((box, "signal"), (driver, "control"))

    def script(d):
        yield from d.wait_for_pixel((150, 50), PAPER)
        press(pygame.K_ESCAPE, "\x1b")
        yield from d.wait_for_message("control")
        assert isinstance(d.collect()["control"][0], shutdownMicroprocess)

    driver.script = script
    run_ui(driver, box)
