"""1.x ``Kamaelia.Visualisation.PhysicsGraph``: draw a graph given as text commands.

``TopologyViewer`` lays a graph out with particle physics and lets you drag
its nodes. It is driven by token lists (``["ADD", "NODE", id, name, "randompos",
"-"]``), which ``chunks_to_lines`` and ``lines_to_tokenlists`` make from the
Introspector protocol text; ``TopologyViewerServer`` reads that text from TCP.
"""

from Kamaelia.Support.Particles import Particle as BaseParticle

__all__ = ["BaseParticle"]
