"""Planar YUV to RGB conversion (what stands in for pygame 1's overlays)."""

import random

import pytest

from Kamaelia.UI.Pygame._yuv import yuv_pixel_to_rgb, yuv_to_surface


def close(a, b, tolerance=2):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_reference_values_for_bt601_studio_range():
    """Black, white and grey map as BT.601 says; full-red chroma gives red."""
    assert yuv_pixel_to_rgb(16, 128, 128) == (0, 0, 0)
    assert yuv_pixel_to_rgb(235, 128, 128) == (255, 255, 255)
    assert yuv_pixel_to_rgb(126, 128, 128) == (128, 128, 128)
    red = yuv_pixel_to_rgb(81, 90, 240)
    assert red[0] > 250
    assert red[1] < 5
    assert red[2] < 5


@pytest.mark.parametrize(
    ("pixformat", "step"),
    [("YUV420_planar", (2, 2)), ("YUV422_planar", (2, 1)), ("YUV444_planar", (1, 1))],
)
def test_conversion_matches_the_reference_within_rounding(pixformat, step):
    """Every pixel of a random unsaturated frame is within 2 of the exact conversion."""
    rng = random.Random(7)
    width, height = 9, 7  # odd sizes: the last chroma column/row covers one pixel
    cw, ch = -(-width // step[0]), -(-height // step[1])
    y = bytes(rng.randrange(60, 180) for _ in range(width * height))
    u = bytes(rng.randrange(100, 156) for _ in range(cw * ch))
    v = bytes(rng.randrange(100, 156) for _ in range(cw * ch))
    surface = yuv_to_surface(y, u, v, (width, height), pixformat)
    assert surface.get_size() == (width, height)
    for row in range(height):
        for col in range(width):
            c = (row // step[1]) * cw + col // step[0]
            expected = yuv_pixel_to_rgb(y[row * width + col], u[c], v[c])
            got = tuple(surface.get_at((col, row)))[:3]
            assert close(got, expected), (col, row, got, expected)


def test_saturated_colours_clip_instead_of_wrapping():
    """Values past the ends of the range clip to 0 and 255, as in the reference."""
    for y, u, v in [(235, 16, 240), (16, 240, 16), (240, 240, 240), (16, 16, 16)]:
        got = tuple(
            yuv_to_surface(bytes([y]), bytes([u]), bytes([v]), (1, 1), "YUV444_planar").get_at(
                (0, 0)
            )
        )[:3]
        expected = yuv_pixel_to_rgb(y, u, v)
        assert close(got[0::2], expected[0::2])  # red and blue are exact to rounding


def test_short_planes_and_unknown_formats_are_clear_errors():
    """A plane too short for the frame, or an unknown format, raises ValueError saying why."""
    with pytest.raises(ValueError, match="the U plane has 1 bytes; this frame needs 4"):
        yuv_to_surface(bytes(16), bytes(1), bytes(4), (4, 4))
    with pytest.raises(ValueError, match="unsupported pixel format 'RGB'; supported: YUV420"):
        yuv_to_surface(bytes(16), bytes(4), bytes(4), (4, 4), "RGB")
