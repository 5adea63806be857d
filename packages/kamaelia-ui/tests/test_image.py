"""Image: files, bytes and surfaces; sizing and scaling; bad files; shutdown."""

import io
import logging

import pygame
import pytest
from _uihelpers import Driver, pixel, run_ui
from Axon.Ipc import errorInformation, producerFinished

from Kamaelia.UI.Pygame.Image import Image

WHITE = (255, 255, 255)
GREY = (128, 128, 128)
RED = (220, 20, 20)
GREEN = (20, 200, 20)


def solid(colour, size=(20, 10)):
    surface = pygame.Surface(size)
    surface.fill(colour)
    return surface


@pytest.fixture
def red_png(tmp_path):
    path = tmp_path / "red.png"
    pygame.image.save(solid(RED), str(path))
    return path


def png_bytes(colour, size=(20, 10)):
    data = io.BytesIO()
    pygame.image.save(solid(colour, size), data, "png")
    return data.getvalue()


def test_image_from_file_is_drawn_at_its_position_and_sized_to_it(red_png):
    """A file name given at construction is shown at `position`, the area sized to the image."""
    image = Image(image=str(red_png), position=(30, 40))

    def script(d):
        yield from d.wait_for_pixel((30, 40), RED)
        assert pixel((49, 49)) == RED
        assert pixel((50, 40)) == WHITE
        assert pixel((30, 50)) == WHITE
        d.shutdown(image)

    run_ui(Driver(script), image)


def test_new_images_arrive_as_file_names_bytes_surfaces_or_none(red_png):
    """Each kind of inbox message replaces the picture; None leaves the background."""
    image = Image(size=(20, 10), position=(0, 0))

    def script(d):
        yield from d.wait_for_pixel((5, 5), GREY)
        image.deliver(red_png, "inbox")  # a pathlib.Path
        yield from d.wait_for_pixel((5, 5), RED)
        image.deliver(png_bytes(GREEN), "inbox")
        yield from d.wait_for_pixel((5, 5), GREEN)
        image.deliver(solid((1, 2, 3)), "inbox")
        yield from d.wait_for_pixel((5, 5), (1, 2, 3))
        image.deliver(None, "inbox")
        yield from d.wait_for_pixel((5, 5), GREY)
        d.shutdown(image)

    run_ui(Driver(script), image)


def test_smaller_image_shows_background_and_larger_is_cropped():
    """The image sits top left on bgcolour; what does not fit is cut off."""
    small = Image(image=solid(RED, (10, 10)), size=(40, 20), position=(0, 0), bgcolour=GREEN)
    large = Image(image=solid(RED, (100, 100)), size=(20, 20), position=(100, 0))

    def script(d):
        yield from d.wait_for_pixel((100, 0), RED)
        yield from d.wait_for_pixel((30, 5), GREEN)
        assert pixel((5, 5)) == RED
        assert pixel((120, 5)) == WHITE
        d.shutdown(small, large)

    run_ui(Driver(script), small, large)


def test_fit_scales_keeping_proportions_and_centres():
    """fit=True scales a 20x10 image to 100x50 inside a 100x100 area, centred."""
    image = Image(image=solid(RED, (20, 10)), size=(100, 100), position=(0, 0), fit=True)

    def script(d):
        yield from d.wait_for_pixel((50, 50), RED)
        assert pixel((1, 26)) == RED
        assert pixel((98, 73)) == RED
        assert pixel((50, 20)) == GREY
        assert pixel((50, 80)) == GREY
        d.shutdown(image)

    run_ui(Driver(script), image)


def test_maxpect_scales_to_exact_size():
    """maxpect=(w, h) stretches every image to w x h."""
    image = Image(image=solid(RED, (4, 4)), maxpect=(60, 30), position=(0, 0))

    def script(d):
        yield from d.wait_for_pixel((59, 29), RED)
        assert pixel((60, 29)) == WHITE
        d.shutdown(image)

    run_ui(Driver(script), image)


def test_default_area_without_image_is_240_by_192():
    """With neither image nor size the area is 240x192 of background."""
    image = Image(position=(0, 0))

    def script(d):
        yield from d.wait_for_pixel((239, 191), GREY)
        assert pixel((240, 191)) == WHITE
        assert pixel((239, 192)) == WHITE
        d.shutdown(image)

    run_ui(Driver(script), image)


def test_bgcolour_and_alphacontrol_inboxes():
    """bgcolour changes the background; alphacontrol 0 makes the area invisible."""
    image = Image(size=(20, 20), position=(0, 0))

    def script(d):
        yield from d.wait_for_pixel((5, 5), GREY)
        image.deliver(GREEN, "bgcolour")
        yield from d.wait_for_pixel((5, 5), GREEN)
        image.deliver(0, "alphacontrol")
        yield from d.wait_for_pixel((5, 5), WHITE)
        d.shutdown(image)

    run_ui(Driver(script), image)


@pytest.mark.parametrize("bad", ["missing", "corrupt", "bytes"])
def test_bad_image_is_reported_and_the_component_carries_on(tmp_path, caplog, bad):
    """A missing or corrupt image is logged and sent as errorInformation; later images work."""
    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\n this is not really a png")
    source = {"missing": str(tmp_path / "nothere.png"), "corrupt": str(corrupt)}.get(
        bad, b"garbage bytes"
    )
    image = Image(image=solid(RED), position=(0, 0))
    driver = Driver(None)
    image.link((image, "outbox"), (driver, "errors"))

    def script(d):
        yield from d.wait_for_pixel((5, 5), RED)
        image.deliver(source, "inbox")
        yield from d.wait_for_message("errors")
        yield from d.wait_for_pixel((5, 5), GREY)
        image.deliver(png_bytes(GREEN), "inbox")
        yield from d.wait_for_pixel((5, 5), GREEN)
        d.shutdown(image)

    driver.script = script
    with caplog.at_level(logging.WARNING, logger="Kamaelia.UI.Pygame.Image"):
        run_ui(driver, image)
    (error,) = driver.got["errors"]
    assert isinstance(error, errorInformation)
    assert error.caller is image
    assert "cannot load" in error.message
    if bad != "bytes":
        assert source in error.message
    assert any("cannot load" in r.getMessage() for r in caplog.records)


def test_bad_image_given_at_construction_is_reported_when_running(tmp_path):
    """A missing file passed to the constructor is reported on outbox, not raised."""
    image = Image(image=str(tmp_path / "nothere.png"), position=(0, 0))
    driver = Driver(None)
    image.link((image, "outbox"), (driver, "errors"))

    def script(d):
        yield from d.wait_for_message("errors")
        yield from d.wait_for_pixel((239, 191), GREY)
        d.shutdown(image)

    driver.script = script
    run_ui(driver, image)
    assert "nothere.png" in driver.got["errors"][0].message


def test_wrong_type_is_reported_with_the_choices():
    """An inbox message that is no kind of image is reported, naming what is accepted."""
    image = Image(size=(10, 10), position=(0, 0))
    driver = Driver(None)
    image.link((image, "outbox"), (driver, "errors"))

    def script(d):
        yield from d.wait_for_pixel((5, 5), GREY)
        image.deliver(42, "inbox")
        yield from d.wait_for_message("errors")
        d.shutdown(image)

    driver.script = script
    run_ui(driver, image)
    message = driver.got["errors"][0].message
    assert "expected a file name, image-file bytes, a pygame.Surface or None, got int" in message


def test_producer_finished_is_passed_on_and_the_area_removed():
    """producerFinished on control goes out of signal and the image disappears."""
    image = Image(image=solid(RED), position=(0, 0))
    driver = Driver(None)
    image.link((image, "signal"), (driver, "control"))

    def script(d):
        yield from d.wait_for_pixel((5, 5), RED)
        image.deliver(producerFinished(), "control")
        yield from d.wait_for_message("control")
        assert isinstance(d.collect()["control"][0], producerFinished)

    driver.script = script
    run_ui(driver, image)
