"""PPostbox: an inbox or outbox in the Axon visualiser, a label turned along its link."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame

from Kamaelia.Visualisation.PhysicsGraph._common import ViewParticle

__all__ = ["PPostbox", "nearest45DegreeStep"]

# The label is drawn at one of four angles, picked from the direction of the link.
_LABEL_FOR_ANGLE = {0: 2, 45: 3, 90: 0, 135: 1, 180: 2, 225: 3, 270: 0, 315: 1}
_OCTANTS = {
    (True, True, False): 0,
    (True, True, True): 45,
    (True, False, True): 90,
    (True, False, False): 135,
    (False, False, False): 180,
    (False, False, True): 225,
    (False, True, True): 270,
    (False, True, False): 315,
}
_COS_22_5 = 0.9238795325112867
_SIN_22_5 = 0.3826834323650898


def nearest45DegreeStep(delta: tuple[float, float]) -> int:
    """The direction of ``delta`` rounded to a multiple of 45 degrees (0 for no direction)."""
    dx, dy = delta
    if dx == 0 and dy == 0:
        return 0
    # Turn by 22.5 degrees so each octant's edges fall on the axes and diagonals.
    dx, dy = dx * _COS_22_5 - dy * _SIN_22_5, dy * _COS_22_5 + dx * _SIN_22_5
    return _OCTANTS[(dy > 0, dx > 0, abs(dy) > abs(dx))]


class PPostbox(ViewParticle):
    """PPostbox(ID, position, name, boxtype) -> a box; ``boxtype`` is "inbox" or "outbox".

    ``PPostbox.Inbox`` and ``PPostbox.Outbox`` make one of each kind (they are
    the particle types the Axon visualiser uses for "inbox" and "outbox" nodes).
    """

    colours = {
        ("inbox", "outbox"): (0, 160, 0),
        ("outbox", "inbox"): (0, 160, 0),
        ("inbox", "inbox"): (224, 128, 0),
        ("outbox", "outbox"): (224, 128, 0),
    }

    @staticmethod
    def Inbox(ID: Any, position: Any, name: str) -> PPostbox:
        return PPostbox(ID=ID, position=position, name=name, boxtype="inbox")

    @staticmethod
    def Outbox(ID: Any, position: Any, name: str) -> PPostbox:
        return PPostbox(ID=ID, position=position, name=name, boxtype="outbox")

    def __init__(self, ID: Any, position: Any, name: str, boxtype: str) -> None:
        super().__init__(position=position, ID=ID)
        self.name = name
        self.ptype = "postbox"
        self.postboxtype = boxtype
        self.radius = 16
        self.buildLabels()

    def buildLabels(self) -> None:
        pygame.font.init()
        font = pygame.font.Font(None, 14)

        def turned(colour: tuple[int, int, int]) -> list[pygame.Surface]:
            flat = font.render(f" {self.name} ", True, colour)
            return [
                pygame.transform.rotate(flat, 90),
                pygame.transform.rotozoom(flat, 45, 1.0),
                flat,
                pygame.transform.rotozoom(flat, -45, 1.0),
            ]

        self.label = turned((0, 0, 0))
        self.slabel = turned((96, 96, 255))  # when selected
        self.labelxo = [-label.get_width() // 2 for label in self.label]
        self.labelyo = [-label.get_height() // 2 for label in self.label]
        big = pygame.font.Font(None, 20)
        text = f"{self.postboxtype.upper()} : {self.name}"
        self.desclabel = big.render(text, True, (0, 0, 0), (255, 255, 255))

    def render(self, surface: pygame.Surface) -> Generator[int, None, None]:
        direction: tuple[float, float] = (0, 0)
        yield 1
        x, y = self.screen_xy()
        linked: list[Any] = self.bondedTo  # other PPostboxes
        for other in linked:
            end_x, end_y = self.screen_xy(other)
            colour = PPostbox.colours[(self.postboxtype, other.postboxtype)]
            pygame.draw.line(surface, colour, (x, y), (end_x, end_y))
            direction = (end_x - x, end_y - y)
            length = (direction[0] ** 2 + direction[1] ** 2) ** 0.5 or 1.0
            # An arrow head three quarters of the way along.
            mid = ((x + end_x * 3) / 4, (y + end_y * 3) / 4)
            ux, uy = 6 * direction[0] / length, 6 * direction[1] / length
            pygame.draw.line(surface, colour, mid, (mid[0] - ux + uy, mid[1] - uy - ux))
            pygame.draw.line(surface, colour, mid, (mid[0] - ux - uy, mid[1] - uy + ux))
        yield 3
        if direction == (0, 0):
            for other in self.bondedFrom:
                if other.ptype == self.ptype:
                    end_x, end_y = self.screen_xy(other)
                    direction = (end_x - x, end_y - y)
        which = _LABEL_FOR_ANGLE[nearest45DegreeStep(direction)]
        label = (self.slabel if self.selected else self.label)[which]
        surface.blit(label, (x + self.labelxo[which], y + self.labelyo[which]))
        if self.selected:
            yield 10
            surface.blit(self.desclabel, (72, 16))
