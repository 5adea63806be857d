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
from ray import cloudpickle

__all__ = ["ComponentRef", "CutError", "portable", "unpicklable"]


class CutError(RuntimeError):
    """A message cannot cross a cut (it does not pickle), or a part cannot be placed."""


def unpicklable(items: list[tuple[str, Any]], where: str) -> CutError | None:
    """A CutError naming the first message of ``items`` that does not pickle, if any.

    ``where`` completes "message M for/from box B ...": who sent it, and to whom.
    """
    for box, message in items:
        try:
            cloudpickle.dumps(message)
        except Exception as reason:
            return CutError(
                f"message {message!r} {where.format(box=box)}: it does not pickle ({reason})"
            )
    return None


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
