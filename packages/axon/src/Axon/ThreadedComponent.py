"""1.x module ``Axon.ThreadedComponent``: components whose main() runs in a thread.

Its 1.x version had no ``__all__``, so ``from Axon.ThreadedComponent import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from ._threaded import (
    DefaultQueueSize,
    UnHandledException,
    threadedadaptivecommscomponent,
    threadedcomponent,
)
from .AxonExceptions import noSpaceInBox
from .idGen import numId

__all__ = [
    "DefaultQueueSize",
    "UnHandledException",
    "threadedadaptivecommscomponent",
    "threadedcomponent",
    # re-exported for 1.x star imports
    "noSpaceInBox",
    "numId",
]
