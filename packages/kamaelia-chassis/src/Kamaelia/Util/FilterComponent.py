"""Deprecated 1.x module: use Kamaelia.Util.Filter.Filter instead."""

from Kamaelia.Util._deprecated import warn_moved
from Kamaelia.Util.Filter import Filter as FilterComponent

__all__ = ["FilterComponent"]

warn_moved("Kamaelia.Util.FilterComponent", "Kamaelia.Util.Filter.Filter")
