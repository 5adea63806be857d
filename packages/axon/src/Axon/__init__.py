"""Axon, the core of Kamaelia 2.

Components are microprocesses with named inboxes and outboxes; a scheduler
runs their ``main()`` generators. The 1.x module names (``Axon.Component``,
``Axon.Scheduler``, ...) are the public API; ``Axon.plugins`` and
``Axon.testing`` are new.
"""

from __future__ import annotations

from . import (
    AdaptiveCommsComponent,
    AxonExceptions,
    Base,
    Box,
    Component,
    CoordinatingAssistantTracker,
    Introspector,
    Ipc,
    Linkage,
    Microprocess,
    Postoffice,
    Scheduler,
    ThreadedComponent,
    debug,
    idGen,
    util,
)
from .Base import AxonObject, AxonType

__version__ = "2.0.0a1"

__all__ = [
    "AdaptiveCommsComponent",
    "AxonExceptions",
    "AxonObject",
    "AxonType",
    "Base",
    "Box",
    "Component",
    "CoordinatingAssistantTracker",
    "Introspector",
    "Ipc",
    "Linkage",
    "Microprocess",
    "Postoffice",
    "Scheduler",
    "ThreadedComponent",
    "__version__",
    "debug",
    "idGen",
    "util",
]
