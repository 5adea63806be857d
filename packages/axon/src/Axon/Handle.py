"""1.x module ``Axon.Handle``: drive a component from blocking code (without 1.x's notice)."""

from ._handle import Handle

__all__ = ["Handle"]
