"""1.x module ``Axon.AdaptiveCommsComponent``."""

from ._adaptive import AdaptiveCommsComponent, _AdaptiveCommsable

__all__ = ["AdaptiveCommsComponent", "_AdaptiveCommsable"]
