"""Deprecated 1.x module: use Kamaelia.Util.Stringify.Stringify instead."""

from Kamaelia.Util._deprecated import warn_moved
from Kamaelia.Util.Stringify import Stringify as ToStringComponent

__all__ = ["ToStringComponent"]

warn_moved("Kamaelia.Util.ToStringComponent", "Kamaelia.Util.Stringify.Stringify")
