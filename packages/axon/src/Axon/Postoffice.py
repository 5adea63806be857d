"""1.x module ``Axon.Postoffice``: makes and breaks a component's links.

Its 1.x version had no ``__all__``, so ``from Axon.Postoffice import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from ._linkage import postoffice
from .AxonExceptions import AxonException, BoxAlreadyLinkedToDestination
from .debug import debug
from .idGen import numId, strId
from .Linkage import linkage
from .util import removeAll

__all__ = [
    "postoffice",
    # re-exported for 1.x star imports
    "AxonException",
    "BoxAlreadyLinkedToDestination",
    "debug",
    "numId",
    "strId",
    "linkage",
    "removeAll",
]
