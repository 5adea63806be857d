"""Deprecated 1.x module: use Kamaelia.Chassis.Pipeline.Pipeline instead."""

from Kamaelia.Chassis.Pipeline import Pipeline, pipeline
from Kamaelia.Util._deprecated import warn_moved

__all__ = ["Pipeline", "pipeline"]

warn_moved("Kamaelia.Util.Pipeline", "Kamaelia.Chassis.Pipeline.Pipeline")
