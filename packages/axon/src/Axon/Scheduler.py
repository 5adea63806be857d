"""1.x module ``Axon.Scheduler``: the scheduler (``scheduler.run`` is the default one).

Its 1.x version had no ``__all__``, so ``from Axon.Scheduler import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from . import Ipc as _Ipc
from ._scheduler import running_scheduler, scheduler
from ._waker import Cancellable, SelectorWaker, TimerHandle, Waker
from .debug import debug
from .idGen import numId, strId
from .Ipc import *  # noqa: F403 - every 1.x message class, as 1.x exposed them
from .Microprocess import microprocess
from .util import next, removeAll

__all__ = [
    "running_scheduler",
    "scheduler",
    # new in Kamaelia 2: what the scheduler waits in when idle
    "Cancellable",
    "SelectorWaker",
    "TimerHandle",
    "Waker",
    # re-exported for 1.x star imports
    "debug",
    "numId",
    "strId",
    "microprocess",
    "next",
    "removeAll",
    *_Ipc.__all__,
]
