"""1.x module ``Axon.Postoffice``: makes and breaks a component's links."""

from ._linkage import postoffice

__all__ = ["postoffice"]
