"""A placed part runs in a Ray actor's process, linked like a local component."""

from __future__ import annotations

import os

from _parts import Collect, Double, WherePid
from Axon.Scheduler import scheduler

from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Ray import RayPart
from Kamaelia.Util.DataSource import DataSource


def test_a_part_runs_in_another_process_with_the_parts_boxes() -> None:
    """RayPart has the part's boxes and the part runs outside the driver's process."""
    part = RayPart(WherePid)
    assert set(part.inboxes) == {"inbox", "control"}
    assert set(part.outboxes) == {"outbox", "signal"}
    sink = Collect()
    Pipeline(DataSource(["a", "b"]), part, sink).activate()
    scheduler.run.runThreads()
    assert [m for m, _ in sink.got] == ["a", "b"]
    pids = {pid for _, pid in sink.got}
    assert len(pids) == 1
    assert os.getpid() not in pids


def test_a_sub_pipeline_runs_whole_in_one_actor() -> None:
    """Both components of a placed Pipeline run in the same actor process."""
    sink = Collect()
    Pipeline(DataSource([1, 2, 3]), RayPart(lambda: Pipeline(Double(), WherePid())), sink).run()
    assert [m for m, _ in sink.got] == [2, 4, 6]
    assert len({pid for _, pid in sink.got}) == 1


def test_a_graphline_part_is_placed_and_linked_by_name() -> None:
    """A Graphline's named part can be a RayPart; its links are written as usual."""
    sink = Collect()
    Graphline(
        SRC=DataSource([5, 6]),
        WORK=RayPart(Double, label="work"),
        SINK=sink,
        linkages={
            ("SRC", "outbox"): ("WORK", "inbox"),
            ("SRC", "signal"): ("WORK", "control"),
            ("WORK", "outbox"): ("SINK", "inbox"),
            ("WORK", "signal"): ("SINK", "control"),
        },
    ).run()
    assert sink.got == [10, 12]
