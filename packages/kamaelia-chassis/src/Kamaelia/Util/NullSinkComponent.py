"""Deprecated 1.x module: use Kamaelia.Util.NullSink.nullSinkComponent instead."""

from Kamaelia.Util._deprecated import warn_moved
from Kamaelia.Util.NullSink import nullSinkComponent

__all__ = ["nullSinkComponent"]

warn_moved("Kamaelia.Util.NullSinkComponent", "Kamaelia.Util.NullSink.nullSinkComponent")
