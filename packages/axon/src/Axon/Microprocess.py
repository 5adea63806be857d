"""1.x module ``Axon.Microprocess``: the microprocess base class."""

from ._microprocess import microprocess

__all__ = ["microprocess"]
