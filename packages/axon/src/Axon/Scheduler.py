"""1.x module ``Axon.Scheduler``: the scheduler (``scheduler.run`` is the default one)."""

from ._scheduler import scheduler

__all__ = ["scheduler"]
