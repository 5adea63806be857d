"""Pieces the visualiser modules share: shutdown checks and the viewer's particle basics."""

from __future__ import annotations

from typing import Any

from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Support.Particles import Particle

__all__ = ["ViewParticle", "shutdown_requested"]


def shutdown_requested(component: Any) -> bool:
    """True once "control" has brought producerFinished or shutdownMicroprocess (passed on)."""
    while component.dataReady("control"):
        message = component.recv("control")
        if isinstance(message, (producerFinished, shutdownMicroprocess)):
            component.send(message, "signal")
            return True
    return False


class ViewParticle(Particle):
    """A particle a viewer draws: it knows the view's scroll offset and whether it is selected."""

    left = 0
    top = 0
    selected = False

    def screen_xy(self, particle: Any = None) -> tuple[int, int]:
        """Where ``particle`` (default: this one) is on the scrolled view."""
        pos = (particle or self).pos
        return int(pos[0] - self.left), int(pos[1] - self.top)

    def setOffset(self, offset: tuple[int, int]) -> None:
        """The view has scrolled to (left, top)."""
        self.left, self.top = int(offset[0]), int(offset[1])

    def select(self) -> None:
        self.selected = True

    def deselect(self) -> None:
        self.selected = False
