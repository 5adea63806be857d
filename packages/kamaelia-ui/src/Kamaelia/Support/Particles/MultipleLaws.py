"""MultipleLaws: different laws for different pairs of particle types."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["MultipleLaws"]


class MultipleLaws:
    """MultipleLaws(typesToLaws, defaultLaw=None).

    ``typesToLaws`` maps ``(ptype1, ptype2)`` to a laws object (such as
    ``SimpleLaws``); a pair given one way round also serves the other, and
    pairs not given use ``defaultLaw``.
    """

    def __init__(self, typesToLaws: Mapping[tuple[Any, Any], Any], defaultLaw: Any = None):
        self.laws: dict[tuple[Any, Any], Any] = dict(typesToLaws)
        for (first, second), law in typesToLaws.items():
            self.laws.setdefault((second, first), law)
        types = {t for pair in typesToLaws for t in pair}
        for first in types:
            for second in types:
                self.laws.setdefault((first, second), defaultLaw)
        missing = [pair for pair, law in self.laws.items() if law is None]
        if missing:
            raise ValueError(
                f"MultipleLaws: no law for the type pairs {missing} and no defaultLaw given"
            )
        self.maxInteractRadius = max(law.maxInteractRadius for law in self.laws.values())

    def particleMaxInteractRadius(self, ptype: Any) -> float:
        return float(self.laws[(ptype, ptype)].maxInteractRadius)

    def unbonded(self, ptype1: Any, ptype2: Any, dist: float, distSquared: float) -> float:
        return float(self.laws[(ptype1, ptype2)].unbonded(ptype1, ptype2, dist, distSquared))

    def bonded(self, ptype1: Any, ptype2: Any, dist: float, distSquared: float) -> float:
        return float(self.laws[(ptype1, ptype2)].bonded(ptype1, ptype2, dist, distSquared))

    def dampening(self, ptype: Any, velocity: Sequence[float]) -> list[float]:
        return list(self.laws[(ptype, ptype)].dampening(ptype, velocity))
