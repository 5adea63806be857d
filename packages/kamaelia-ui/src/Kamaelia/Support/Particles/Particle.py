"""Particle: a point with a velocity that bonds to other particles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["Particle"]


class Particle:
    """Particle(position, initialTick=0, ptype=None, velocity=None, ID=None).

    ``ptype`` picks the laws that apply to it (see ``MultipleLaws``). Bonds
    are directed (``bondedTo`` / ``bondedFrom``) but pull both ways.
    ``static`` (set by ``freeze()``) keeps it where it is.
    """

    def __init__(
        self,
        position: Sequence[float],
        initialTick: int = 0,
        ptype: Any = None,
        velocity: Sequence[float] | None = None,
        ID: Any = None,
    ) -> None:
        super().__init__()
        self.pos: Sequence[float] = position
        self.tick = initialTick
        self.static = False
        self.ptype = ptype
        self.bondedTo: list[Particle] = []
        self.bondedFrom: list[Particle] = []
        self.velocity = list(velocity) if velocity is not None else [0.0] * len(position)
        self.ID = str(id(self)) if ID is None else ID

    # -- bonds -----------------------------------------------------------------------------

    def getBondedTo(self) -> list[Particle]:
        """The particles this one has bonds to."""
        return self.bondedTo

    getBonded = getBondedTo

    def getBondedFrom(self) -> list[Particle]:
        """The particles that have bonds to this one."""
        return self.bondedFrom

    def makeBond(self, particles: Mapping[Any, Particle], index: Any) -> None:
        """Bond to ``particles[index]`` (once: a second bond to it is ignored)."""
        target = particles[index]
        if target not in self.bondedTo:
            self.bondedTo.append(target)
            target.bondedFrom.append(self)

    def breakBond(self, particles: Mapping[Any, Particle], index: Any) -> None:
        """Break the bond to ``particles[index]`` (ValueError if there is none)."""
        target = particles[index]
        self.bondedTo.remove(target)
        target.bondedFrom.remove(self)

    def breakAllBonds(self, outgoing: bool = True, incoming: bool = True) -> None:
        """Break the bonds from this particle, to it, or both."""
        if outgoing:
            for target in self.bondedTo:
                target.bondedFrom.remove(self)
            self.bondedTo = []
        if incoming:
            for source in self.bondedFrom:
                source.bondedTo.remove(self)
            self.bondedFrom = []

    # -- position --------------------------------------------------------------------------

    def getLoc(self) -> Sequence[float]:
        return self.pos

    def freeze(self) -> None:
        """Stop this particle moving (it still pushes and pulls the others)."""
        self.static = True

    def unFreeze(self) -> None:
        self.static = False

    def distSquared(self, altpos: Sequence[float]) -> float:
        return sum((a - b) ** 2 for a, b in zip(self.pos, altpos, strict=False))

    # -- one simulation step ---------------------------------------------------------------

    def _push(self, other: Particle, force: float, dist: float) -> None:
        """Change both velocities by ``force`` along the line from this particle to ``other``."""
        scale = force / dist
        deltas = [(b - a) * scale for a, b in zip(self.pos, other.pos, strict=False)]
        self.velocity = [v + d for v, d in zip(self.velocity, deltas, strict=False)]
        other.velocity = [v - d for v, d in zip(other.velocity, deltas, strict=False)]

    def doInteractions(self, particleIndex: Any, laws: Any, tick: int) -> None:
        """Apply the forces between this particle and its bonded and nearby ones.

        Each pair is handled once per ``tick``: a particle already done this
        tick has applied its forces to this one too.
        """
        self.tick = tick
        bonded = self.bondedTo + self.bondedFrom
        for other in bonded:
            if other.tick != tick:
                ds = self.distSquared(other.pos)
                if ds > 0.0:
                    dist = ds**0.5
                    self._push(other, laws.bonded(self.ptype, other.ptype, dist, ds), dist)
        skip = {id(p) for p in bonded}
        skip.add(id(self))

        def not_done(other: Particle) -> bool:
            return other.tick != tick and id(other) not in skip

        radius = laws.particleMaxInteractRadius(self.ptype)
        for other, ds in particleIndex.withinRadius(self.pos, radius, not_done):
            if ds > 0.0:
                dist = ds**0.5
                self._push(other, laws.unbonded(self.ptype, other.ptype, dist, ds), dist)

    def update(self, laws: Any) -> None:
        """Move by the (damped) velocity; a frozen particle stays and loses its velocity."""
        if self.static:
            self.velocity = [0.0] * len(self.velocity)
        else:
            self.velocity = laws.dampening(self.ptype, self.velocity)
            self.pos = [p + v for p, v in zip(self.pos, self.velocity, strict=False)]
