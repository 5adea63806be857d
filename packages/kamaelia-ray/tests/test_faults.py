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


def _kill_first_actor(killed: list[int], after: list[int]) -> Any:
    """Kills the actor the first message came from; keeps the pids seen after that."""

    def on_message(message: Any) -> None:
        _, pid = message
        if not killed:
            killed.append(pid)
            os.kill(pid, signal.SIGKILL)
        elif pid != killed[0]:
            after.append(pid)

    return on_message


def test_a_killed_actor_is_that_components_failure() -> None:
    """The run ends with Ray's actor-died error, noted with the part's label."""
    killed: list[int] = []
    Pipeline(
        Ticker(0.005, until=lambda: False),
        RayPart(WherePid, label="victim"),
        Collect(_kill_first_actor(killed, [])),
    ).activate()
    with pytest.raises(Exception) as caught:
        scheduler.run.runThreads()
    (error,) = [e for e in cause_chain(caught.value) if isinstance(e, RayActorError)]
    if hasattr(error, "__notes__"):  # notes exist from Python 3.11
        assert any("victim failed" in note for note in error.__notes__)


def test_a_supervised_part_restarts_in_a_new_actor_with_its_links() -> None:
    """After the kill, later messages flow through a new actor, in order, to the end."""
    killed: list[int] = []
    after: list[int] = []  # the source stops once messages come from a new actor
    sink = Collect(_kill_first_actor(killed, after))
    supervisor = Supervisor(
        children={
            "source": lambda: Ticker(0.01, until=lambda: len(after) >= 20),
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
    assert set(after) == {pids[-1]}  # one new actor carried everything after the restart
    numbers = [m for m, _ in sink.got]
    assert numbers == sorted(numbers)  # order holds; what was in flight is lost
    assert isinstance(sink.ended_by, producerFinished)
