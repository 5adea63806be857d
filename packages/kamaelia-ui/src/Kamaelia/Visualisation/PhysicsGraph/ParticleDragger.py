"""ParticleDragger: drag the topology viewer's nodes with the mouse."""

from __future__ import annotations

from typing import Any

from Kamaelia.UI.MH import DragHandler

__all__ = ["ParticleDragger"]


class ParticleDragger(DragHandler):
    """Picks the node under the mouse (the nearest, if several), selects and drags it."""

    particle: Any = None

    def detect(self, pos: Any, button: int) -> Any:
        app = self.app
        where = (int(pos[0] + app.left), int(pos[1] + app.top))
        hits = [
            (distance, particle)
            for particle, distance in app.physics.withinRadius(where, app.biggestRadius)
            if particle.radius * particle.radius >= distance
        ]
        if not hits:
            app.selectParticle(None)
            return False
        self.particle = min(hits, key=lambda hit: hit[0])[1]
        self.particle.freeze()  # it stays where the mouse puts it
        app.selectParticle(self.particle)
        return self.particle.getLoc()

    def drag(self, newx: float, newy: float) -> None:
        self.particle.pos = (newx, newy)
        self.app.physics.updateLoc(self.particle)

    def release(self, newx: float, newy: float) -> None:
        self.drag(newx, newy)
        self.particle.unFreeze()
