"""BasicMarshallComponent: a Marshaller and a DeMarshaller in one component.

Superseded in 1.x already by :mod:`Kamaelia.Util.Marshalling`; kept for 1.x
code.  ``BasicMarshallComponent(klass)`` is a Graphline holding a
``Marshaller(klass)`` and a ``DeMarshaller(klass)``:

- data sent to ``marshall`` leaves ``marshalled`` as ``klass.marshall(data)``;
- data sent to ``demarshall`` leaves ``demarshalled`` as ``klass.demarshall(data)``.

``inbox`` and ``outbox`` are not used.  Shutdown: a ``producerFinished`` or
``shutdownMicroprocess`` on ``control`` stops the marshaller, which stops
the demarshaller, which passes it on out of ``signal``.  In 1.x this was a
function returning the Graphline; here it is a Graphline subclass, so it can
be listed and documented like any component.
"""

from __future__ import annotations

from typing import Any

from Axon.options import checked_keywords

from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Util.Marshalling import DeMarshaller, Marshaller

__all__ = ["BasicMarshallComponent"]


@checked_keywords
class BasicMarshallComponent(Graphline):
    """BasicMarshallComponent(klass) -> marshall on one path, demarshall on another.

    ``klass`` is a codec with ``marshall(obj)`` and ``demarshall(data)``,
    such as :class:`Kamaelia.Util.Marshalling.JSONMarshalling`.
    """

    Inboxes = {
        "inbox": "Unused",
        "control": "Shutdown signalling",
        "marshall": "Data to marshall",
        "demarshall": "Data to demarshall",
    }
    Outboxes = {
        "outbox": "Unused",
        "signal": "Shutdown signalling",
        "_cs": "Unused (kept for 1.x compatibility)",
        "marshalled": "klass.marshall(data) for each message on 'marshall'",
        "demarshalled": "klass.demarshall(data) for each message on 'demarshall'",
    }

    def __init__(self, klass: Any) -> None:
        super().__init__(
            marsh=Marshaller(klass),
            demarsh=DeMarshaller(klass),
            linkages={
                ("self", "marshall"): ("marsh", "inbox"),
                ("marsh", "outbox"): ("self", "marshalled"),
                ("self", "demarshall"): ("demarsh", "inbox"),
                ("demarsh", "outbox"): ("self", "demarshalled"),
                ("self", "control"): ("marsh", "control"),
                ("marsh", "signal"): ("demarsh", "control"),
                ("demarsh", "signal"): ("self", "signal"),
            },
        )
