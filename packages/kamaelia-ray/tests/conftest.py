"""One real local Ray instance for the whole test session (starting Ray costs seconds)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import ray
from Axon.Scheduler import scheduler
from ray import cloudpickle

sys.path.insert(0, str(Path(__file__).parent))
import _parts

# The actors' processes cannot import the tests directory: send the helpers by value.
cloudpickle.register_pickle_by_value(_parts)


@pytest.fixture(scope="session", autouse=True)
def ray_session() -> Iterator[None]:
    from Kamaelia.Ray import connect

    connect(num_cpus=2, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


@pytest.fixture(autouse=True)
def fresh_scheduler() -> Iterator[None]:
    """Each test runs its system on a new default scheduler."""
    scheduler.run = scheduler()
    return
