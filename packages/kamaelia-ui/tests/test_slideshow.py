"""The presentation tool: buttons and keys move through the slides; broken slides are skipped."""

import logging
import sys

import pygame
import pytest
from _uihelpers import Driver, click, pixel, press, run_ui

from Kamaelia.UI.Pygame import _slideshow
from Kamaelia.UI.Pygame._slideshow import make_slideshow, run_slideshow, slide_files

pytest.importorskip("Kamaelia.Chassis.Graphline", reason="the slideshow needs kamaelia-chassis")

COLOURS = [(200, 30, 30), (30, 200, 30), (30, 30, 200), (200, 200, 30)]
CENTRE = (8 + 400, 48 + 300)  # middle of the slide area
BUTTONS = {"PREVIOUS": (12, 12), "NEXT": (76, 12), "FIRST": (260, 12), "LAST": (324, 12)}


def write_slides(folder, colours, broken=()):
    """Solid-colour PNGs slide0.png, slide1.png, ...; indexes in `broken` get garbage."""
    for number, colour in enumerate(colours):
        path = folder / f"slide{number}.png"
        if number in broken:
            path.write_bytes(b"not an image at all")
            continue
        surface = pygame.Surface((40, 30))
        surface.fill(colour)
        pygame.image.save(surface, str(path))
    return slide_files(folder)


def test_buttons_and_keys_move_through_the_slides(tmp_path):
    """Next, arrows, Previous, Last, First, End and Home each show the right file's slide."""
    show = make_slideshow(write_slides(tmp_path, COLOURS))
    red, green, blue, yellow = COLOURS

    def script(d):
        yield from d.wait_for_pixel(CENTRE, red)
        steps = [
            (lambda: click(BUTTONS["NEXT"]), green),
            (lambda: press(pygame.K_RIGHT), blue),
            (lambda: click(BUTTONS["PREVIOUS"]), green),
            (lambda: click(BUTTONS["LAST"]), yellow),
            (lambda: click(BUTTONS["NEXT"]), yellow),
            (lambda: click(BUTTONS["FIRST"]), red),
            (lambda: press(pygame.K_END), yellow),
            (lambda: press(pygame.K_LEFT), blue),
            (lambda: press(pygame.K_HOME), red),
        ]
        for action, colour in steps:
            yield from d.sleep(0.03)  # let the previous slide settle
            action()
            yield from d.wait_for_pixel(CENTRE, colour)
        d.shutdown(show)

    run_ui(Driver(script), show)


def test_slides_are_scaled_to_fill_the_image_area(tmp_path):
    """A 40x30 slide is scaled to 800x600 and drawn at (8, 48)."""
    show = make_slideshow(write_slides(tmp_path, COLOURS[:1]))

    def script(d):
        yield from d.wait_for_pixel((8, 48), COLOURS[0])
        assert pixel((807, 647)) == COLOURS[0]
        assert pixel((808, 647)) == (255, 255, 255)
        d.shutdown(show)

    run_ui(Driver(script), show)


def test_broken_slides_are_skipped_in_the_direction_of_travel(tmp_path, caplog):
    """Going forwards past a corrupt file lands on the next one; backwards, the one before."""
    files = write_slides(tmp_path, COLOURS, broken={1})
    show = make_slideshow(files)
    red, _, blue, _ = COLOURS

    def script(d):
        yield from d.wait_for_pixel(CENTRE, red)
        click(BUTTONS["NEXT"])
        yield from d.wait_for_pixel(CENTRE, blue)
        yield from d.sleep(0.03)
        click(BUTTONS["PREVIOUS"])
        yield from d.wait_for_pixel(CENTRE, red)
        d.shutdown(show)

    with caplog.at_level(logging.WARNING):
        run_ui(Driver(script), show)
    assert any("slide1.png" in r.getMessage() for r in caplog.records)


def test_broken_first_and_last_slides_turn_the_show_round(tmp_path):
    """A broken first slide is skipped at start; a broken last slide sends it back."""
    files = write_slides(tmp_path, COLOURS[:3], broken={0, 2})
    show = make_slideshow(files)

    def script(d):
        yield from d.wait_for_pixel(CENTRE, COLOURS[1])
        click(BUTTONS["LAST"])
        yield from d.sleep(0.2)
        yield from d.wait_for_pixel(CENTRE, COLOURS[1])
        d.shutdown(show)

    run_ui(Driver(script), show)


def test_all_slides_broken_gives_up_without_looping(tmp_path, caplog):
    """When no slide loads the steerer logs it and stops trying."""
    show = make_slideshow(write_slides(tmp_path, COLOURS[:2], broken={0, 1}))

    def script(d):
        yield from d.wait_until(
            lambda: any("none of the 2 slides" in r.getMessage() for r in caplog.records),
            "the give-up message",
        )
        d.shutdown(show)

    with caplog.at_level(logging.WARNING):
        run_ui(Driver(script), show)


def test_builtin_slides_ship_with_the_package():
    """With no folder the built-in slides are used: a few small PNGs."""
    files = slide_files()
    assert len(files) >= 3
    for name in files:
        assert name.endswith(".png")
        surface = pygame.image.load(name)
        assert surface.get_size() == _slideshow.IMAGE_SIZE


def test_run_slideshow_reports_a_bad_folder(tmp_path, capsys):
    """A folder that does not exist, or holds no images, is a clear error and exit code 2."""
    assert run_slideshow([str(tmp_path / "nowhere")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert run_slideshow([str(tmp_path)]) == 2
    assert "no slides in" in capsys.readouterr().err
    assert run_slideshow(["a", "b"]) == 2
    assert "usage: kamaelia demo slideshow [FOLDER]" in capsys.readouterr().err


def test_run_slideshow_shows_the_builtin_slides_until_the_window_closes(monkeypatch):
    """run_slideshow([]) opens the window on slide 1 and returns 0 once the window is closed."""
    seen = []
    plain_spot = (8 + 30, 48 + 450)  # slide background, away from the text

    def script(d):
        yield from d.wait_for_pixel(plain_spot, (32, 64, 128))
        seen.append(pixel(plain_spot))
        press(pygame.K_ESCAPE)  # the slideshow turns Escape into closing the window
        while True:  # only the system stopping ends this
            yield from d.sleep(0.01)

    Driver(script).activate()
    assert run_slideshow(["--duration", "60"]) == 0  # the dummy driver: no display without it
    assert seen == [(32, 64, 128)]
    assert not pygame.display.get_init()


def test_run_slideshow_without_the_chassis_says_what_to_install(monkeypatch, capsys):
    """Without kamaelia-chassis the slideshow exits 2 and names the package to install."""
    monkeypatch.setitem(sys.modules, "Kamaelia.Chassis.Graphline", None)
    assert run_slideshow([]) == 2
    err = capsys.readouterr().err
    assert "slideshow: needs kamaelia-chassis for Graphline and Chooser" in err
    assert "pip install 'kamaelia-ui[slideshow]'" in err


def test_kamaelia_demo_lists_and_runs_the_slideshow(tmp_path, capsys):
    """`kamaelia demo` lists slideshow; `kamaelia demo slideshow FOLDER` shows it until closed."""
    from Kamaelia.Chassis._cli import main

    assert main(["demo"]) == 0
    assert "slideshow" in capsys.readouterr().out
    write_slides(tmp_path, COLOURS[:2])

    def script(d):
        yield from d.wait_for_pixel(CENTRE, COLOURS[0])
        press(pygame.K_RIGHT)
        yield from d.wait_for_pixel(CENTRE, COLOURS[1])
        pygame.event.post(pygame.event.Event(pygame.QUIT))  # the user closes the window
        while True:
            yield from d.sleep(0.01)

    Driver(script).activate()
    assert main(["demo", "slideshow", str(tmp_path), "--duration", "60"]) == 0
    assert not pygame.display.get_init()


def test_without_a_display_the_slideshow_says_so_instead_of_hanging(capsys):
    """Under SDL's dummy driver (no display) and no --duration: a clear message, exit 1."""
    assert run_slideshow([]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert not pygame.display.get_init()
    assert err == (
        "slideshow: no display to show it on (SDL video driver 'dummy'): run it where there "
        "is a display, or give --duration SECONDS to run it without one for that long\n"
    )


def test_duration_runs_the_show_for_that_long_and_says_how_to_use_it(capsys):
    """--duration closes the show by itself; what it shows and how to quit is printed first."""
    assert run_slideshow(["--duration", "0.2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("slideshow: ")
    assert "slides from the built-in slides" in out
    assert "close the window or press Escape to quit" in out
    assert out.endswith("it closes by itself after 0.2 s.\n")
    assert not pygame.display.get_init()
