"""Introspection: the snapshot API, DOT output and the 1.x Introspector component."""

from __future__ import annotations

import pytest
from Axon.Component import component
from Axon.introspection import Instrument, snapshot
from Axon.Introspector import Introspector
from Axon.Ipc import shutdownMicroprocess
from Axon.Scheduler import scheduler
from Axon.testing import StepScheduler, run_system


class Idle(component):
    def main(self):
        while not self.dataReady("control"):
            self.pause()
            yield 1


def make_system():
    sched = StepScheduler()
    a, b = Idle(), Idle()
    a.link((a, "outbox"), (b, "inbox"))
    b.deliver("one")
    b.deliver("two")
    a.activate(Scheduler=sched)
    b.activate(Scheduler=sched)
    sched.step()
    return sched, a, b


def test_snapshot_lists_components_boxes_and_links():
    """snapshot() lists running components, their boxes with queue lengths, and the links."""
    sched, a, b = make_system()
    snap = snapshot(sched)
    by_id = {c.id: c for c in snap.components}
    assert set(by_id) == {a.id, b.id}
    assert by_id[b.id].name == b.name
    assert by_id[b.id].type.endswith("Idle")
    assert by_id[a.id].state == "runnable"
    queued = {box.name: box.queued for box in by_id[b.id].inboxes}
    assert queued == {"inbox": 2, "control": 0}
    assert {box.name for box in by_id[a.id].outboxes} == {"outbox", "signal"}
    assert [(ln.source, ln.sink, ln.passthrough) for ln in snap.links] == [
        ((a.id, "outbox"), (b.id, "inbox"), 0)
    ]


def test_snapshot_reports_sleeping_and_size():
    """After a step, paused components are reported sleeping, with inbox size limits."""
    sched, a, b = make_system()
    a.setInboxSize("inbox", 4)
    sched.run_until_idle()
    snap = snapshot(sched)
    states = {c.id: c.state for c in snap.components}
    assert states == {a.id: "sleeping", b.id: "sleeping"}
    sizes = {box.name: box.size for c in snap.components if c.id == a.id for box in c.inboxes}
    assert sizes == {"inbox": 4, "control": None}


def test_to_dot():
    """to_dot() draws components as nodes and links as labelled edges."""
    sched, a, b = make_system()
    dot = snapshot(sched).to_dot()
    assert dot.startswith("digraph")
    assert f"c{a.id} [label=" in dot
    assert f"c{b.id} [label=" in dot
    assert f"c{a.id} -> c{b.id}" in dot
    assert "outbox" in dot


def test_introspector_sends_del_all_then_topology():
    """The Introspector sends "DEL ALL", then ADD NODE and ADD LINK lines describing the system."""
    received: list[str] = []

    class Watcher(component):
        def main(self):
            while len(received) < 2:
                received.extend(self.Inbox())
                if len(received) < 2:
                    self.pause()
                    yield 1
            self.send(shutdownMicroprocess(), "outbox")
            yield 1

    watcher = Watcher()
    intro = Introspector(interval=0.01)
    watcher.link((intro, "outbox"), (watcher, "inbox"))
    watcher.link((watcher, "outbox"), (intro, "control"))
    run_system(intro, watcher, timeout=5)
    assert received[0] == "DEL ALL\n"
    lines = received[1].splitlines()
    assert f'ADD NODE "{watcher.id}" "{watcher.name}" randompos component' in lines
    assert f'ADD NODE "{intro.id}" "{intro.name}" randompos component' in lines
    assert f"ADD NODE \"({watcher.id}, 'i', 'inbox')\" \"inbox\" randompos inbox" in lines
    assert f"ADD LINK \"({intro.id}, 'o', 'outbox')\" \"({watcher.id}, 'i', 'inbox')\"" in lines
    assert all(line.startswith(("ADD NODE", "ADD LINK")) for line in lines)


class Parent(component):
    def main(self):
        child = Idle()
        self.addChildren(child)
        child.activate(Scheduler=self.scheduler)
        yield from self.wait_here()

    def wait_here(self):
        while not self.dataReady("control"):
            self.pause()
            yield 1


def test_snapshot_tells_children_and_where_each_component_waits():
    """children lists the ids a component contains; waiting_at is its innermost yield."""
    sched = StepScheduler()
    parent = Parent().activate(Scheduler=sched)
    sched.step()
    sched.step()
    by_id = {c.id: c for c in snapshot(sched).components}
    (child_id,) = by_id[parent.id].children
    assert by_id[child_id].children == ()
    assert by_id[parent.id].waiting_at.endswith("in wait_here")
    assert "test_introspection.py:" in by_id[parent.id].waiting_at
    assert by_id[child_id].waiting_at.endswith("in main")


def test_an_instrument_subclass_defines_only_the_hooks_it_needs():
    """Subclassing Instrument gives no-op hooks for the ones left out; the scheduler calls the rest."""
    ended: list = []

    class Ends(Instrument):
        def finished(self, mp, error):
            ended.append(mp)

    sched = scheduler()
    quick = component()
    assert Ends().stepped(quick, 1) is None
    sched.add_instrument(Ends())
    quick.activate(Scheduler=sched)
    sched.runThreads()
    assert ended == [quick]
    run_system(component())  # another scheduler: this instrument hears nothing of it
    assert ended == [quick]


@pytest.mark.parametrize("interval", [0, -1, "x", None, True])
def test_introspector_refuses_an_interval_that_cannot_work(interval):
    """A bad interval is refused when the Introspector is built, not when it first runs."""
    with pytest.raises(ValueError, match=r"Introspector: interval must be seconds > 0, got"):
        Introspector(interval=interval)
