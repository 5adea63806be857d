"""Planar YUV to RGB conversion with pygame alone (no numpy).

pygame 2 dropped ``pygame.Overlay``, which is what Kamaelia 1.x used to show
YUV video.  Converting pixel by pixel in Python would cost a second per frame,
so the work is split into steps that each run in C:

* every term of the BT.601 (studio range) equations depends on one plane
  only, so each term is a 256-entry table applied with ``bytes.translate``;
* the luma picture is the base; the chroma terms are built at chroma
  resolution as one surface of positive parts and one of negative parts,
  scaled up (nearest neighbour) and applied with saturating
  ``BLEND_RGB_ADD`` / ``BLEND_RGB_SUB`` blits.

Red and blue get only one chroma term each, so they are exact to rounding.
Green gets two terms that may have opposite signs; when the positive one
pushes a pixel past 255 before the negative one is taken off, green comes out
a little high.  That happens only in nearly saturated colours.
"""

from __future__ import annotations

import pygame

#: Chroma subsampling (horizontal, vertical) of each supported pixel format.
SUBSAMPLING: dict[str, tuple[int, int]] = {
    "YUV420_planar": (2, 2),
    "YUV422_planar": (2, 1),
    "YUV444_planar": (1, 1),
}

# BT.601 studio-range coefficients (Y in 16..235, U and V in 16..240).
_LUMA_GAIN = 1.164
_V_TO_R, _V_TO_G = 1.596, -0.813
_U_TO_G, _U_TO_B = -0.391, 2.018


def _table(function: object) -> bytes:
    return bytes(max(0, min(255, round(function(value)))) for value in range(256))  # type: ignore[operator]


_LUMA = _table(lambda y: _LUMA_GAIN * (y - 16))
_ZERO = bytes(256)
# Positive and negative parts of every chroma term, as unsigned tables.
_R_FROM_V = (_table(lambda v: _V_TO_R * (v - 128)), _table(lambda v: -_V_TO_R * (v - 128)))
_G_FROM_V = (_table(lambda v: _V_TO_G * (v - 128)), _table(lambda v: -_V_TO_G * (v - 128)))
_G_FROM_U = (_table(lambda u: _U_TO_G * (u - 128)), _table(lambda u: -_U_TO_G * (u - 128)))
_B_FROM_U = (_table(lambda u: _U_TO_B * (u - 128)), _table(lambda u: -_U_TO_B * (u - 128)))


def yuv_pixel_to_rgb(y: int, u: int, v: int) -> tuple[int, int, int]:
    """The exact BT.601 studio-range conversion of one pixel (the reference)."""

    def clamp(value: float) -> int:
        return max(0, min(255, round(value)))

    luma = _LUMA_GAIN * (y - 16)
    return (
        clamp(luma + _V_TO_R * (v - 128)),
        clamp(luma + _U_TO_G * (u - 128) + _V_TO_G * (v - 128)),
        clamp(luma + _U_TO_B * (u - 128)),
    )


def _rgb_surface(size: tuple[int, int], red: bytes, green: bytes, blue: bytes) -> pygame.Surface:
    pixels = bytearray(3 * len(red))
    pixels[0::3] = red
    pixels[1::3] = green
    pixels[2::3] = blue
    return pygame.image.frombytes(bytes(pixels), size, "RGB")


def _chroma_part(u: bytes, v: bytes, size: tuple[int, int], sign: int) -> pygame.Surface:
    """One signed part of the chroma terms (sign 0 = positive, 1 = negative)."""
    blank = bytes(len(u))
    from_v = _rgb_surface(size, v.translate(_R_FROM_V[sign]), v.translate(_G_FROM_V[sign]), blank)
    from_u = _rgb_surface(size, blank, u.translate(_G_FROM_U[sign]), u.translate(_B_FROM_U[sign]))
    # The green parts of U and V add up to at most 154, so this cannot saturate.
    from_v.blit(from_u, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    return from_v


def _plane(data: object, needed: int, name: str) -> bytes:
    plane: bytes = bytes(data)  # type: ignore[call-overload]
    if len(plane) < needed:
        raise ValueError(f"the {name} plane has {len(plane)} bytes; this frame needs {needed}")
    return plane[:needed]


def yuv_to_surface(
    y: object, u: object, v: object, size: tuple[int, int], pixformat: str = "YUV420_planar"
) -> pygame.Surface:
    """Convert one frame of planar Y, U and V data to an RGB surface of `size`."""
    if pixformat not in SUBSAMPLING:
        raise ValueError(
            f"unsupported pixel format {pixformat!r}; supported: {', '.join(SUBSAMPLING)}"
        )
    width, height = size
    step_x, step_y = SUBSAMPLING[pixformat]
    chroma_size = (-(-width // step_x), -(-height // step_y))
    chroma_count = chroma_size[0] * chroma_size[1]
    luma = _plane(y, width * height, "Y").translate(_LUMA)
    u_plane = _plane(u, chroma_count, "U")
    v_plane = _plane(v, chroma_count, "V")
    picture = _rgb_surface(size, luma, luma, luma)
    scaled_size = (chroma_size[0] * step_x, chroma_size[1] * step_y)
    for sign, blend in ((0, pygame.BLEND_RGB_ADD), (1, pygame.BLEND_RGB_SUB)):
        part = _chroma_part(u_plane, v_plane, chroma_size, sign)
        if scaled_size != chroma_size:
            part = pygame.transform.scale(part, scaled_size)
        picture.blit(part, (0, 0), special_flags=blend)
    return picture
