"""What Axon's own messages become when they cross a cut.

Axon's Ipc messages often carry the component that sent them
(``producerFinished(self)``); a component holds a running generator and cannot
leave its process. Such a reference crosses as a :class:`ComponentRef` naming it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from Axon.Ipc import ipc
from Axon.Microprocess import microprocess

__all__ = ["ComponentRef", "portable"]


@dataclass(frozen=True)
class ComponentRef:
    """Stands for a component that lives in another process: its name and class."""

    name: str
    classname: str


def _portable_value(value: Any) -> Any:
    if isinstance(value, microprocess):
        return ComponentRef(value.name, type(value).__qualname__)
    if isinstance(value, tuple):
        return tuple(_portable_value(v) for v in value)
    return value


def portable(message: Any) -> Any:
    """``message``, or for an Ipc message naming components, a copy naming them by ComponentRef."""
    if not isinstance(message, ipc):
        return message
    fields = vars(message)
    if not any(isinstance(v, (microprocess, tuple)) for v in fields.values()):
        return message
    twin = copy.copy(message)
    for key, value in fields.items():
        setattr(twin, key, _portable_value(value))
    return twin
