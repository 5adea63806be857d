"""1.x module ``Axon.CoordinatingAssistantTracker``: the CAT.

Its 1.x version had no ``__all__``, so ``from Axon.CoordinatingAssistantTracker import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from ._cat import coordinatingassistanttracker
from .AxonExceptions import (
    AccessToUndeclaredTrackedVariable,
    BadComponent,
    BadInbox,
    BadParentTracker,
    MultipleServiceDeletion,
    NamespaceClash,
    ServiceAlreadyExists,
)
from .idGen import strId

__all__ = [
    "coordinatingassistanttracker",
    # re-exported for 1.x star imports
    "AccessToUndeclaredTrackedVariable",
    "BadComponent",
    "BadInbox",
    "BadParentTracker",
    "MultipleServiceDeletion",
    "NamespaceClash",
    "ServiceAlreadyExists",
    "strId",
]
