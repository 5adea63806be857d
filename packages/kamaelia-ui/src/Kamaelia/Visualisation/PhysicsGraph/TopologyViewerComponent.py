"""Deprecated 1.x name: use ``Kamaelia.Visualisation.PhysicsGraph.TopologyViewer``."""

import warnings

from Kamaelia.Visualisation.PhysicsGraph.TopologyViewer import TopologyViewer

__all__ = ["TopologyViewerComponent"]

TopologyViewerComponent = TopologyViewer

warnings.warn(
    "Kamaelia.Visualisation.PhysicsGraph.TopologyViewerComponent is deprecated; import "
    "TopologyViewer from Kamaelia.Visualisation.PhysicsGraph.TopologyViewer",
    DeprecationWarning,
    stacklevel=2,
)
