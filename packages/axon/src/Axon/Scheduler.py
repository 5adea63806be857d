"""1.x module ``Axon.Scheduler``: the scheduler (``scheduler.run`` is the default one)."""

from ._scheduler import running_scheduler, scheduler

__all__ = ["running_scheduler", "scheduler"]
