"""Deprecated 1.x module: use Kamaelia.Chassis.Graphline.Graphline instead."""

from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Util._deprecated import warn_moved

__all__ = ["Graphline"]

warn_moved("Kamaelia.Util.Graphline", "Kamaelia.Chassis.Graphline.Graphline")
