"""1.x module ``Axon.Base``: the empty base classes kept for compatibility."""

from __future__ import annotations

__all__ = ["AxonObject", "AxonType"]


class AxonType(type):
    """The metaclass 1.x used; it adds nothing."""


class AxonObject(metaclass=AxonType):
    """An empty base class, kept because 1.x code subclasses it."""
