"""GridRenderer: the background grid of the topology viewer."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame

__all__ = ["GridRenderer"]


class GridRenderer:
    """GridRenderer(size, colour) -> draws grid lines ``size`` apart, under everything else."""

    def __init__(self, size: float, colour: Any) -> None:
        self.gridSize = int(size)
        self.colour = colour
        self.left = 0
        self.top = 0

    def render(self, surface: pygame.Surface) -> Generator[int, None, None]:
        """A render pass generator: draws in pass -1 (before the particles)."""
        yield -1
        width, height = surface.get_size()
        size = self.gridSize
        for y in range(-(self.top % size), height, size):
            pygame.draw.line(surface, self.colour, (0, y), (width, y))
        for x in range(-(self.left % size), width, size):
            pygame.draw.line(surface, self.colour, (x, 0), (x, height))

    def setOffset(self, offset: tuple[int, int]) -> None:
        """The view has scrolled to (left, top)."""
        self.left, self.top = int(offset[0]), int(offset[1])
