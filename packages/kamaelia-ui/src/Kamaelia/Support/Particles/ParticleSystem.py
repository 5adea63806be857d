"""ParticleSystem: a set of particles and the laws that move them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from Kamaelia.Support.Particles.SpatialIndexer import SpatialIndexer

__all__ = ["ParticleSystem"]


class ParticleSystem:
    """ParticleSystem(laws, initialParticles=(), initialTick=0).

    ``particles`` is the list of particles, ``particleDict`` maps each one's
    ``ID`` to it. ``run(cycles)`` advances the simulation.
    """

    def __init__(self, laws: Any, initialParticles: Iterable[Any] = (), initialTick: int = 0):
        self.indexer = SpatialIndexer(laws.maxInteractRadius)
        self.laws = laws
        self.particles: list[Any] = []
        self.particleDict: dict[Any, Any] = {}
        self.tick = initialTick
        self.add(*initialParticles)

    def add(self, *newParticles: Any) -> None:
        self.particles.extend(newParticles)
        for particle in newParticles:
            self.particleDict[particle.ID] = particle
        self.indexer.updateLoc(*newParticles)

    def remove(self, *oldParticles: Any) -> None:
        for particle in oldParticles:
            self.particles.remove(particle)
            del self.particleDict[particle.ID]
        self.indexer.remove(*oldParticles)

    def removeByID(self, *ids: Any) -> None:
        self.remove(*(self.particleDict[i] for i in ids))

    def updateLoc(self, *particles: Any) -> None:
        """Tell the index that these particles were moved by hand."""
        self.indexer.updateLoc(*particles)

    def withinRadius(
        self,
        centre: Sequence[float],
        radius: float,
        filter: Callable[[Any], bool] = lambda particle: True,
    ) -> list[tuple[Any, float]]:
        """``(particle, squared distance)`` for the particles within ``radius`` of ``centre``."""
        return self.indexer.withinRadius(centre, radius, filter)

    def run(self, cycles: int = 1) -> None:
        """Advance the simulation ``cycles`` steps."""
        for _ in range(cycles):
            self.tick += 1
            for particle in self.particles:
                particle.doInteractions(self.indexer, self.laws, self.tick)
            for particle in self.particles:
                particle.update(self.laws)
        self.indexer.updateAll()
