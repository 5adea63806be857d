"""RenderingParticle: the default node of the topology viewer, a labelled circle."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame

from Kamaelia.Visualisation.PhysicsGraph._common import ViewParticle

__all__ = ["RenderingParticle"]


class RenderingParticle(ViewParticle):
    """RenderingParticle(ID, position, name) -> a pink circle with ``name`` on it.

    Drawn in two passes: its bonds as lines (pass 1), then itself (pass 2),
    so the lines go under every node.
    """

    def __init__(self, ID: Any, position: Any, name: str) -> None:
        super().__init__(position=position, ID=ID)
        self.radius = 20
        pygame.font.init()
        self.font = pygame.font.Font(None, 24)
        self.set_label(name)

    def set_label(self, labelText: str) -> None:
        """Show ``labelText`` on the node."""
        self.name = self.labelText = labelText
        self.label = self.font.render(labelText, False, (0, 0, 0))

    def render(self, surface: pygame.Surface) -> Generator[int, None, None]:
        """A render pass generator (see ``TopologyViewer``)."""
        x, y = self.screen_xy()
        yield 1
        for other in self.bondedTo:
            pygame.draw.line(surface, (128, 128, 255), (x, y), self.screen_xy(other))
        yield 2
        pygame.draw.circle(surface, (255, 128, 128), (x, y), self.radius)
        if self.selected:
            pygame.draw.circle(surface, (0, 0, 0), (x, y), self.radius, 2)
        surface.blit(
            self.label, (x - self.label.get_width() // 2, y - self.label.get_height() // 2)
        )
