"""Deprecated 1.x module: use Kamaelia.Util.TestResult.TestResult instead."""

from Kamaelia.Util._deprecated import warn_moved
from Kamaelia.Util.TestResult import TestResult as testResultComponent

__all__ = ["testResultComponent"]

warn_moved("Kamaelia.Util.TestResultComponent", "Kamaelia.Util.TestResult.TestResult")
