"""1.x module ``Axon.Ipc``: the message classes."""

from ._ipc import (
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

__all__ = [
    "WaitComplete",
    "errorInformation",
    "ipc",
    "newComponent",
    "notify",
    "producerFinished",
    "reactivate",
    "shutdown",
    "shutdownMicroprocess",
    "status",
    "wouldblock",
]
