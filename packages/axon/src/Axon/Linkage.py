"""1.x module ``Axon.Linkage``: link descriptions.

Its 1.x version had no ``__all__``, so ``from Axon.Linkage import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from ._linkage import linkage
from .AxonExceptions import ArgumentsClash, AxonException
from .Base import AxonObject
from .debug import debug
from .idGen import numId, strId
from .util import removeAll

__all__ = [
    "linkage",
    # re-exported for 1.x star imports
    "ArgumentsClash",
    "AxonException",
    "AxonObject",
    "debug",
    "numId",
    "strId",
    "removeAll",
]
