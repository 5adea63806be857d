"""The 1.x module path of MaxSpeedFileReader; the component lives in Kamaelia.File.Reading."""

from Kamaelia.File.Reading import MaxSpeedFileReader

__all__ = ["MaxSpeedFileReader"]
