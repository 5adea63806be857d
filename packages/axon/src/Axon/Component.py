"""1.x module ``Axon.Component``: the component base class.

Its 1.x version had no ``__all__``, so ``from Axon.Component import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from . import Ipc as _Ipc
from ._component import TraceAllRecvs, TraceAllSends, component
from .AxonExceptions import noSpaceInBox
from .Box import makeInbox, makeOutbox
from .debug import debug
from .idGen import numId, strId
from .Ipc import *  # noqa: F403 - every 1.x message class, as 1.x exposed them
from .Linkage import linkage
from .Microprocess import microprocess
from .Postoffice import postoffice
from .Scheduler import scheduler
from .util import removeAll

__all__ = [
    "TraceAllRecvs",
    "TraceAllSends",
    "component",
    # re-exported for 1.x star imports
    "noSpaceInBox",
    "makeInbox",
    "makeOutbox",
    "debug",
    "numId",
    "strId",
    "linkage",
    "microprocess",
    "postoffice",
    "scheduler",
    "removeAll",
    *_Ipc.__all__,
]
