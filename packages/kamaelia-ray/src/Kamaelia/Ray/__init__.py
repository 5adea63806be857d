"""Kamaelia on Ray: run parts of a system in Ray actors, linked as if they were local.

``RayPart(factory)`` stands in for the component ``factory()`` builds in a Ray
actor (with its own Axon scheduler, in its own process); ``RayWorkers(factory,
copies)`` shares one inbox out among copies of a worker and merges what they
send. ``connect(address=None)`` picks the cluster: this machine by default.
"""

from Kamaelia.Ray._cluster import connect
from Kamaelia.Ray._cut import POLICIES, RayPart, RayWorkers
from Kamaelia.Ray._wire import ComponentRef, CutError

__all__ = ["POLICIES", "ComponentRef", "CutError", "RayPart", "RayWorkers", "connect"]
