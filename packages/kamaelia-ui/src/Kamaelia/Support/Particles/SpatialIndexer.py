"""SpatialIndexer: find the entities near a point quickly, with a grid of cells."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["SpatialIndexer"]


def _anything(entity: Any) -> bool:
    return True


class SpatialIndexer:
    """SpatialIndexer(proxDist=1.0) -> an index of entities by position.

    Entities are any objects with ``getLoc()`` returning a coordinate
    sequence. The space is cut into cells ``proxDist`` wide, so a search of
    radius ``proxDist`` looks at only the neighbouring cells.
    """

    def __init__(self, proxDist: float = 1.0) -> None:
        if proxDist <= 0.0:
            raise ValueError(f"SpatialIndexer: proxDist must be > 0, got {proxDist!r}")
        self.cellSize = proxDist
        self.cells: dict[tuple[int, ...], list[Any]] = {}
        self.entities: dict[Any, tuple[int, ...]] = {}

    def _cell_of(self, coords: Sequence[float]) -> tuple[int, ...]:
        return tuple(int(c // self.cellSize) for c in coords)

    def updateLoc(self, *entities: Any) -> None:
        """Add the entities, or move them to the cells of their current positions."""
        for entity in entities:
            old = self.entities.get(entity)
            new = self._cell_of(entity.getLoc())
            if new == old:
                continue
            if old is not None:
                self.cells[old].remove(entity)
            self.cells.setdefault(new, []).append(entity)
            self.entities[entity] = new

    add = updateLoc

    def updateAll(self) -> None:
        """Re-file every entity (after they have all moved)."""
        self.updateLoc(*self.entities)

    def remove(self, *entities: Any) -> None:
        """Forget the entities (ones not indexed are ignored)."""
        for entity in entities:
            cell = self.entities.pop(entity, None)
            if cell is not None:
                self.cells[cell].remove(entity)

    def withinRadius(
        self,
        centre: Sequence[float],
        radius: float,
        filter: Callable[[Any], bool] = _anything,
    ) -> list[tuple[Any, float]]:
        """``(entity, squared distance)`` for every entity within ``radius`` that passes ``filter``."""
        ranges = [
            range(int((c - radius) // self.cellSize), int((c + radius) // self.cellSize) + 1)
            for c in centre
        ]
        limit = radius * radius
        found = []
        for cell in itertools.product(*ranges):
            for entity in self.cells.get(cell, ()):
                if not filter(entity):
                    continue
                distance = sum((a - b) ** 2 for a, b in zip(centre, entity.getLoc(), strict=False))
                if distance <= limit:
                    found.append((entity, distance))
        return found
