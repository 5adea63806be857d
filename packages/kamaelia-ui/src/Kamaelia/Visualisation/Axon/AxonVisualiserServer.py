"""AxonVisualiser and AxonVisualiserServer: watch an Axon system's components and links.

``AxonVisualiser(**args)`` is a ``TopologyViewer`` that draws Introspector
nodes of type ``component``, ``inbox`` and ``outbox`` (feed it token lists,
e.g. through ``text_to_token_lists()``); ``AxonVisualiserServer(serverPort=1500)``
reads the Introspector text from TCP clients (see ``TopologyViewerServer``)::

    Pipeline(Introspector(), text_to_token_lists(), AxonVisualiser()).run()
"""

from __future__ import annotations

from typing import Any

from Axon.Component import component
from Kamaelia.Visualisation.Axon.AxonLaws import AxonLaws
from Kamaelia.Visualisation.Axon.ExtraWindowFurniture import ExtraWindowFurniture
from Kamaelia.Visualisation.Axon.PComponent import PComponent
from Kamaelia.Visualisation.Axon.PPostbox import PPostbox
from Kamaelia.Visualisation.PhysicsGraph._textserver import ChainOf
from Kamaelia.Visualisation.PhysicsGraph.chunks_to_lines import chunks_to_lines
from Kamaelia.Visualisation.PhysicsGraph.lines_to_tokenlists import lines_to_tokenlists
from Kamaelia.Visualisation.PhysicsGraph.TopologyViewer import TopologyViewer
from Kamaelia.Visualisation.PhysicsGraph.TopologyViewerServer import TopologyViewerServer

__all__ = ["AxonVisualiser", "AxonVisualiserServer", "PARTICLE_TYPES", "text_to_token_lists"]

#: The particle class for each node type the Introspector sends.
PARTICLE_TYPES = {"component": PComponent, "inbox": PPostbox.Inbox, "outbox": PPostbox.Outbox}


def _axon_args(dictArgs: dict[str, Any]) -> dict[str, Any]:
    args = {
        "simCyclesPerRedraw": 3,
        "extraDrawing": ExtraWindowFurniture(),
        **dictArgs,
        "particleTypes": PARTICLE_TYPES,
    }
    args["laws"] = AxonLaws()  # as in 1.x, the Axon layout always uses its own laws
    return args


def AxonVisualiserServer(**dictArgs: Any) -> component:
    """An Axon visualiser fed by TCP clients (``serverPort``, default 1500; ``serverHost``)."""
    return TopologyViewerServer(**_axon_args(dictArgs))


def AxonVisualiser(**dictArgs: Any) -> TopologyViewer:
    """An Axon visualiser fed with token lists on "inbox"."""
    return TopologyViewer(**_axon_args(dictArgs))


def text_to_token_lists() -> component:
    """``chunks_to_lines()`` then ``lines_to_tokenlists()``, as one component."""
    return ChainOf(chunks_to_lines(), lines_to_tokenlists())
