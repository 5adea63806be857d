"""1.x module ``Axon.AdaptiveCommsComponent``.

Its 1.x version had no ``__all__``, so ``from Axon.AdaptiveCommsComponent import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from ._adaptive import AdaptiveCommsComponent, _AdaptiveCommsable
from .Box import makeInbox, makeOutbox
from .Component import component
from .util import next

__all__ = [
    "AdaptiveCommsComponent",
    "_AdaptiveCommsable",
    # re-exported for 1.x star imports
    "makeInbox",
    "makeOutbox",
    "component",
    "next",
]
