"""Copies of a worker behind one inbox; results merged in order or as they come."""

from __future__ import annotations

import os

import pytest
from _parts import Collect, Source, WherePid
from Axon.Ipc import producerFinished

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Ray import RayWorkers


def test_round_robin_uses_every_copy_and_keeps_input_order() -> None:
    """Ordered merge: results in input order, work shared by both copies, one signal."""
    sink = Collect()
    Pipeline(Source(600), RayWorkers(WherePid, 2, batch_size=50), sink).run()
    assert [m for m, _ in sink.got] == list(range(600))
    pids = {pid for _, pid in sink.got}
    assert len(pids) == 2
    assert os.getpid() not in pids
    assert isinstance(sink.ended_by, producerFinished)


@pytest.mark.parametrize("policy", ["round_robin", "least_loaded"])
def test_unordered_merge_delivers_everything_once(policy: str) -> None:
    """Unordered: every result arrives once, each copy's results in its own order."""
    sink = Collect()
    Pipeline(
        Source(600), RayWorkers(WherePid, 2, policy=policy, ordered=False, batch_size=50), sink
    ).run()
    assert sorted(m for m, _ in sink.got) == list(range(600))
    for pid in {pid for _, pid in sink.got}:
        mine = [m for m, p in sink.got if p == pid]
        assert mine == sorted(mine)


def test_bad_policy_names_the_choices() -> None:
    """A mistyped policy is refused before any actor starts."""
    with pytest.raises(ValueError, match="unknown policy 'fastest'; the choices are: round_robin"):
        RayWorkers(WherePid, 2, policy="fastest")
