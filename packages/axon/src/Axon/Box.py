"""1.x module ``Axon.Box``: inboxes and outboxes.

Its 1.x version had no ``__all__``, so ``from Axon.Box import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from ._box import ShowAllTransits, makeInbox, makeOutbox, postbox
from ._sinks import nullsink, realsink
from .AxonExceptions import BoxAlreadyLinkedToDestination, noSpaceInBox

__all__ = [
    "ShowAllTransits",
    "makeInbox",
    "makeOutbox",
    "nullsink",
    "postbox",
    "realsink",
    # re-exported for 1.x star imports
    "BoxAlreadyLinkedToDestination",
    "noSpaceInBox",
]
