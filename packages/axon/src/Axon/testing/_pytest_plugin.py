"""pytest plugin of kamaelia-axon: the ``axon_scheduler`` fixture."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .._cat import coordinatingassistanttracker
from .._scheduler import scheduler


@pytest.fixture
def axon_scheduler() -> Iterator[scheduler]:
    """A fresh default scheduler (``scheduler.run``) and an empty CAT for one test."""
    previous_run = scheduler.run
    previous_cat = coordinatingassistanttracker.basecat
    fresh = scheduler()
    scheduler.run = fresh
    coordinatingassistanttracker.basecat = coordinatingassistanttracker()
    try:
        yield fresh
    finally:
        scheduler.run = previous_run
        coordinatingassistanttracker.basecat = previous_cat
        fresh._waker.close()
