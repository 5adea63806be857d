"""1.x module ``Axon.CoordinatingAssistantTracker``: the CAT."""

from ._cat import coordinatingassistanttracker

__all__ = ["coordinatingassistanttracker"]
