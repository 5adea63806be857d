"""1.x module ``Axon.Scheduler``: the scheduler (``scheduler.run`` is the default one).

Its 1.x version had no ``__all__``, so ``from Axon.Scheduler import *`` also gave the
names it imported; they are re-exported (second group) so such code still runs.
"""

from ._scheduler import running_scheduler, scheduler
from .debug import debug
from .idGen import numId, strId
from .Ipc import (
    WaitComplete,
    errorInformation,
    ipc,
    newComponent,
    notify,
    producerFinished,
    reactivate,
    shutdown,
    shutdownMicroprocess,
    status,
    wouldblock,
)
from .Microprocess import microprocess
from .util import next, removeAll

__all__ = [
    "running_scheduler",
    "scheduler",
    # re-exported for 1.x star imports
    "debug",
    "numId",
    "strId",
    "ipc",
    "WaitComplete",
    "reactivate",
    "newComponent",
    "shutdownMicroprocess",
    "notify",
    "shutdown",
    "status",
    "wouldblock",
    "producerFinished",
    "errorInformation",
    "microprocess",
    "next",
    "removeAll",
]
