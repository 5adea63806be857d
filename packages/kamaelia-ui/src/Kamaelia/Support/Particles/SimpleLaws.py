"""SimpleLaws: the same forces between every pair of particles."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["SimpleLaws"]


class SimpleLaws:
    """SimpleLaws(bondLength=100, maxRepelRadius=None, repulsionStrength=None,
    maxBondForce=None, damp=None, dampcutoff=None, maxVelocity=None).

    Bonds pull (or push) towards ``bondLength`` with a force proportional to
    the stretch, capped at ``maxBondForce``. Unbonded particles closer than
    ``maxRepelRadius`` repel with an inverse-square force that is
    ``repulsionStrength`` at ``bondLength``. Velocities are multiplied by
    ``1 - damp`` each step, capped at ``maxVelocity``, and zeroed below
    ``dampcutoff``. Unset values scale with ``bondLength`` (defaults for 100:
    200, 3.2, 20, 0.2, 0.4, 32).
    """

    def __init__(
        self,
        bondLength: float = 100,
        maxRepelRadius: float | None = None,
        repulsionStrength: float | None = None,
        maxBondForce: float | None = None,
        damp: float | None = None,
        dampcutoff: float | None = None,
        maxVelocity: float | None = None,
    ) -> None:
        self.bondLength = bondLength
        per_100 = bondLength / 100.0

        def given(value: float | None, default: float) -> float:
            return default if value is None else value

        self.maxInteractRadius = given(maxRepelRadius, 200 * per_100)
        self.repulsionForceAtBondLength = given(repulsionStrength, 3.2 * per_100)
        self.maxBondForce = given(maxBondForce, 20.0 * per_100)
        self.damp = 1.0 - given(damp, 0.2)
        self.dampcutoff = given(dampcutoff, 0.4 * per_100)
        self.maxVelocity = given(maxVelocity, 32 * per_100)
        self.bondForce = self.maxBondForce / self.bondLength
        self.maxRepulsionForce = self.repulsionForceAtBondLength * self.bondLength**2

    def particleMaxInteractRadius(self, ptype: object) -> float:
        return self.maxInteractRadius

    def unbonded(self, ptype1: object, ptype2: object, dist: float, distSquared: float) -> float:
        """The (negative: repelling) force between two unbonded particles."""
        return -self.maxRepulsionForce / max(distSquared, 1.0)

    def bonded(self, ptype1: object, ptype2: object, dist: float, distSquared: float) -> float:
        """The force of a bond: positive pulls together, negative pushes apart."""
        force = self.bondForce * (dist - self.bondLength)
        return max(-self.maxBondForce, min(self.maxBondForce, force))

    def dampening(self, ptype: object, velocity: Sequence[float]) -> list[float]:
        """The velocity after one step of friction."""
        speed = sum(abs(v) for v in velocity)
        if speed < self.dampcutoff:
            return [0.0] * len(velocity)
        damp = self.damp
        if damp * speed > self.maxVelocity:
            damp = self.maxVelocity / speed
        return [v * damp for v in velocity]
