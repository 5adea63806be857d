"""Deprecated 1.x module: use Kamaelia.Chassis.Pipeline.Pipeline instead."""

from Kamaelia.Chassis.Pipeline import pipeline
from Kamaelia.Util._deprecated import warn_moved

__all__ = ["pipeline"]

warn_moved("Kamaelia.Util.PipelineComponent", "Kamaelia.Chassis.Pipeline.Pipeline")
