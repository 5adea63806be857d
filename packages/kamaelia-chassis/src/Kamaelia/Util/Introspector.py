"""1.x module ``Kamaelia.Util.Introspector``: the live topology of a system as text.

``Introspector`` sends ``DEL ALL`` and then, whenever the system changes,
lines in the Introspector protocol that the 1.x topology viewers read::

    ADD NODE <id> <name> randompos component     (or inbox / outbox)
    ADD LINK <id1> <id2>                         (a box to its component, or box to box)
    DEL LINK <id1> <id2>
    DEL NODE <id>

Ids and names are in double quotes. Box ids are ``(component id, "i" or "o",
box name)``, as in 1.x. It is built on ``Axon.introspection.snapshot()``
and looks every ``interval`` seconds (1.x looked on every scheduler cycle)::

    Pipeline(Introspector(), TCPClient("127.0.0.1", 1500)).activate()

sends the graph to a ``TopologyViewerServer`` or ``AxonVisualiserServer``
listening on port 1500. A ``shutdownMicroprocess`` or ``producerFinished``
on "control" is passed on out of "signal" and ends it.
"""

from __future__ import annotations

from Axon.Introspector import Introspector as _AxonIntrospector

__all__ = ["Introspector"]


class Introspector(_AxonIntrospector):
    """Introspector(interval=0.1) -> sends the system's topology, then each change, as text."""


__kamaelia_components__ = (Introspector,)
