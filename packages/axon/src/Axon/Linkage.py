"""1.x module ``Axon.Linkage``: link descriptions."""

from ._linkage import linkage

__all__ = ["linkage"]
