"""1.x module ``Axon.Microprocess``: the microprocess base class.

Its 1.x version had no ``__all__``, so ``from Axon.Microprocess import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from ._microprocess import microprocess
from .debug import debug
from .idGen import numId, strId, tupleId
from .util import next, removeAll

__all__ = [
    "microprocess",
    # re-exported for 1.x star imports
    "debug",
    "numId",
    "strId",
    "tupleId",
    "next",
    "removeAll",
]
