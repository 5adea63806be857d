"""TopologyViewerServer: a TopologyViewer that draws what TCP clients tell it.

``TopologyViewerServer(serverPort=1500)`` listens on 127.0.0.1:1500 (pass
``serverHost`` for another address); every line a client writes is a
topology command (``ADD NODE ...``), so a system running
``Pipeline(Introspector(), TCPClient("127.0.0.1", 1500))`` can be watched.
``TextControlledTopologyViewer()`` takes the text on its own "inbox".

Other keyword arguments go to ``TopologyViewer``. Both return one component
whose "outbox" carries the viewer's selections and error replies (1.x printed
them to the console).
"""

from __future__ import annotations

from typing import Any

from Axon.Component import component

from Kamaelia.Visualisation.PhysicsGraph._textserver import ChainOf, TextListener
from Kamaelia.Visualisation.PhysicsGraph.chunks_to_lines import chunks_to_lines
from Kamaelia.Visualisation.PhysicsGraph.lines_to_tokenlists import lines_to_tokenlists
from Kamaelia.Visualisation.PhysicsGraph.TopologyViewer import TopologyViewer

__all__ = ["TextControlledTopologyViewer", "TopologyViewerServer"]


def TopologyViewerServer(
    serverPort: int = 1500, serverHost: str = "127.0.0.1", **dictArgs: Any
) -> component:
    """A TopologyViewer fed by the lines that TCP clients of ``serverHost:serverPort`` write."""
    return ChainOf(
        TextListener(serverPort, serverHost),
        chunks_to_lines(),
        lines_to_tokenlists(),
        TopologyViewer(**dictArgs),
    )


def TextControlledTopologyViewer(**dictArgs: Any) -> component:
    """A TopologyViewer fed with topology text (str or bytes chunks) on "inbox"."""
    return ChainOf(chunks_to_lines(), lines_to_tokenlists(), TopologyViewer(**dictArgs))
