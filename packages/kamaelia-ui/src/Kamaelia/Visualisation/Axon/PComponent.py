"""PComponent: a component in the Axon visualiser, a hexagon coloured by its name."""

from __future__ import annotations

import zlib
from collections.abc import Generator
from typing import Any

import pygame

from Kamaelia.Visualisation.PhysicsGraph._common import ViewParticle

__all__ = ["PComponent", "abbreviate", "acronym"]

_COMPONENT_RADIUS = 32
_COLOURS = [
    (255, 128, 128),
    (255, 192, 128),
    (224, 224, 128),
    (128, 255, 128),
    (128, 255, 192),
    (128, 224, 224),
    (128, 128, 255),
]


def abbreviate(string: str) -> str:
    """The last dotted part: ``"Kamaelia.Util.Console.ConsoleEchoer_5"`` -> ``"ConsoleEchoer_5"``."""
    return string.split(".")[-1]


def acronym(string: str) -> str:
    """Capitals, separators and the first letter of each word, upper-cased."""
    out = []
    previous = ""
    for char in string:
        if char.isupper() or char in "_." or (char.isalpha() and not previous.isalpha()):
            out.append(char.upper())
        previous = char
    return "".join(out)


def _colour_of(name: str) -> tuple[int, int, int]:
    """A colour for ``name``: components from the same modules get similar colours."""
    hue: list[float] = []
    letters = acronym(name) or name
    for end in range(1, len(letters) + 1):
        # crc32, not hash(): the same name gets the same colour in every run.
        pick = _COLOURS[zlib.crc32(letters[:end].encode()) % len(_COLOURS)]
        hue = list(pick) if not hue else [(a + b) / 2 for a, b in zip(hue, pick, strict=False)]
    return (int(hue[0]), int(hue[1]), int(hue[2]))


class PComponent(ViewParticle):
    """PComponent(ID, position, name) -> a hexagon labelled with the component's short name."""

    def __init__(self, ID: Any, position: Any, name: str) -> None:
        super().__init__(position=position, ID=ID)
        self.ptype = "component"
        self.radius = _COMPONENT_RADIUS
        self.set_label(name)

    def set_label(self, newname: str) -> None:
        self.name = newname
        self.shortname = abbreviate(newname)
        self.colour = _colour_of(newname)
        self.bordercolour = tuple(int(c * 0.75) for c in self.colour)
        pygame.font.init()
        font = pygame.font.Font(None, 20)
        self.slabel = font.render(self.shortname, True, (0, 0, 0))
        self.slabelxo = -self.slabel.get_width() // 2
        self.slabelyo = -self.slabel.get_height() // 2
        description = f"Component {self.shortname} : {self.name}"
        self.desclabel = font.render(description, True, (0, 0, 0), (255, 255, 255))

    def render(self, surface: pygame.Surface) -> Generator[int, None, None]:
        x, y = self.screen_xy()
        yield 1
        for other in self.bondedTo:
            pygame.draw.line(surface, (192, 192, 192), (x, y), self.screen_xy(other))
        yield 2
        colour, border = self.colour, self.bordercolour
        if self.selected:
            colour, border = (160, 160, 255), (224, 0, 0)
        r, h = self.radius, int(self.radius * 0.86)
        corners = [
            (x - r, y),
            (x - r // 2, y - h),
            (x + r // 2, y - h),
            (x + r, y),
            (x + r // 2, y + h),
            (x - r // 2, y + h),
        ]
        pygame.draw.polygon(surface, colour, corners)
        pygame.draw.polygon(surface, border, corners, 3)
        yield 3
        surface.blit(self.slabel, (x + self.slabelxo, y + self.slabelyo))
        if self.selected:
            yield 10
            surface.blit(self.desclabel, (72, 16))
