"""1.x ``Kamaelia.Support.Particles``: a small 2D (or N-D) particle physics engine.

Particles repel each other within a radius and are pulled towards a rest
length by bonds; the *laws* object decides the forces. The topology viewers
use it to lay out graphs::

    laws = SimpleLaws(bondLength=100)
    system = ParticleSystem(laws)
    a, b = Particle((0, 0), ID="a"), Particle((10, 0), ID="b")
    system.add(a, b)
    a.makeBond(system.particleDict, "b")
    system.run(50)          # a and b settle about 100 apart
"""

from Kamaelia.Support.Particles.MultipleLaws import MultipleLaws
from Kamaelia.Support.Particles.Particle import Particle
from Kamaelia.Support.Particles.ParticleSystem import ParticleSystem
from Kamaelia.Support.Particles.SimpleLaws import SimpleLaws
from Kamaelia.Support.Particles.SpatialIndexer import SpatialIndexer

__all__ = ["MultipleLaws", "Particle", "ParticleSystem", "SimpleLaws", "SpatialIndexer"]
