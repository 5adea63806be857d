"""A killed actor fails its stand-in; under a Supervisor the part restarts, links re-made."""

from __future__ import annotations

import os
import signal
from typing import Any

import pytest
from _errors import cause_chain
from _parts import Collect, Ticker, WherePid
from Axon.Ipc import producerFinished
from Axon.Scheduler import scheduler
from ray.exceptions import RayActorError

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Chassis.Supervisor import Supervisor
from Kamaelia.Ray import RayPart


def _kill_first_actor(killed: list[int]) -> Any:
    def on_message(message: Any) -> None:
        _, pid = message
        if not killed:
            killed.append(pid)
            os.kill(pid, signal.SIGKILL)

    return on_message


def test_a_killed_actor_is_that_components_failure() -> None:
    """The run ends with Ray's actor-died error, noted with the part's label."""
    killed: list[int] = []
    Pipeline(
        Ticker(1000, 0.005), RayPart(WherePid, label="victim"), Collect(_kill_first_actor(killed))
    ).activate()
    with pytest.raises(Exception) as caught:
        scheduler.run.runThreads()
    (error,) = [e for e in cause_chain(caught.value) if isinstance(e, RayActorError)]
    if hasattr(error, "__notes__"):  # notes exist from Python 3.11
        assert any("victim failed" in note for note in error.__notes__)


def test_a_supervised_part_restarts_in_a_new_actor_with_its_links() -> None:
    """After the kill, later messages flow through a new actor, in order, to the end."""
    killed: list[int] = []
    sink = Collect(_kill_first_actor(killed))
    supervisor = Supervisor(
        children={
            "source": lambda: Ticker(150, 0.01),
            "work": lambda: RayPart(WherePid, label="work"),
            "sink": lambda: sink,
        },
        linkages={
            ("source", "outbox"): ("work", "inbox"),
            ("source", "signal"): ("work", "control"),
            ("work", "outbox"): ("sink", "inbox"),
            ("work", "signal"): ("sink", "control"),
        },
    )
    supervisor.activate()
    scheduler.run.runThreads()
    assert supervisor.restart_count("work") == 1
    pids = [pid for _, pid in sink.got]
    assert pids[0] == killed[0]
    assert pids[-1] != killed[0]
    numbers = [m for m, _ in sink.got]
    assert numbers == sorted(numbers)
    assert numbers[-1] == 149
    assert isinstance(sink.ended_by, producerFinished)
