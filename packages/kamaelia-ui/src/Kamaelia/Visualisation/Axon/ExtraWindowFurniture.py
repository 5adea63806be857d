"""ExtraWindowFurniture: the Kamaelia logo in the corner of the Axon visualiser."""

from __future__ import annotations

from collections.abc import Generator

import pygame

__all__ = ["ExtraWindowFurniture"]


class ExtraWindowFurniture:
    """ExtraWindowFurniture(logo="kamaelia_logo.png") -> draws the logo, if that file loads,
    64 pixels wide at the top left, over everything else."""

    def __init__(self, logo: str = "kamaelia_logo.png") -> None:
        self.logo: pygame.Surface | None = None
        try:
            image = pygame.image.load(logo)
        except (pygame.error, FileNotFoundError):
            return  # as in 1.x: no logo file, no logo
        biggest = max(image.get_size())
        self.logo = pygame.transform.rotozoom(image, 0.0, 64.0 / biggest)

    def render(self, surface: pygame.Surface) -> Generator[int, None, None]:
        yield 10
        if self.logo is not None:
            surface.blit(self.logo, (8, 8))

    def setOffset(self, offset: tuple[int, int]) -> None:
        """The logo does not scroll."""
