"""1.x module ``Axon.background``: run the scheduler in a background thread."""

from ._handle import background

__all__ = ["background"]
