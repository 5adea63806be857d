"""Axon.testing: run_component, run_system, conformance checks and StepScheduler."""

from __future__ import annotations

import pytest
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import StepScheduler, check_component_conformance, run_component, run_system

# Every test here also runs inside asyncio (see conftest's testing_waits).
pytestmark = pytest.mark.usefixtures("testing_waits")


class Doubler(component):
    def main(self):
        while True:
            for value in self.Inbox("inbox"):
                self.send(value * 2, "outbox")
            while self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (producerFinished, shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            self.pause()
            yield 1


class NeverStops(component):
    def main(self):
        while True:
            self.pause()
            yield 1


class Forgetful(component):
    """Stops on control but does not pass the message on."""

    def main(self):
        while not self.dataReady("control"):
            self.pause()
            yield 1


class NoControl(component):
    Inboxes = ["inbox"]
    Outboxes = ["outbox"]


def test_run_component_collects_outboxes():
    """run_component feeds the inboxes and returns what was sent, by outbox."""
    pf = producerFinished()
    out = run_component(Doubler(), {"inbox": [1, 2, 3], "control": [pf]}, timeout=5)
    assert out == {"outbox": [2, 4, 6], "signal": [pf]}


def test_run_component_timeout_names_the_component():
    """A component that never finishes makes run_component raise TimeoutError naming it."""
    stuck = NeverStops()
    with pytest.raises(
        TimeoutError, match=rf"still running after 0.1 s: NeverStops \(id {stuck.id}\)"
    ):
        run_component(stuck, timeout=0.1)


def test_run_system_runs_to_completion():
    """run_system activates every component and returns once they have all finished."""
    a, b = Doubler(), Doubler()
    a.link((a, "outbox"), (b, "inbox"))
    a.link((a, "signal"), (b, "control"))
    b_out = component()
    b.link((b, "outbox"), (b_out, "inbox"))
    a.deliver(5)
    a.deliver(producerFinished(), "control")
    run_system(a, b, timeout=5)
    assert list(b_out.Inbox()) == [20]


def test_run_system_timeout_lists_only_unfinished():
    """run_system's TimeoutError names the components still running, not those finished."""
    done, stuck = Doubler(), NeverStops()
    done.deliver(producerFinished(), "control")
    with pytest.raises(TimeoutError) as info:
        run_system(done, stuck, timeout=0.1)
    assert f"NeverStops (id {stuck.id})" in str(info.value)
    assert "Doubler" not in str(info.value)


def test_conformance_passes_a_good_component():
    """check_component_conformance accepts a component following the conventions."""
    check_component_conformance(Doubler, timeout=2)


def test_conformance_lists_missing_boxes():
    """A component without the standard boxes fails, each missing box listed."""
    with pytest.raises(AssertionError, match="NoControl does not conform") as info:
        check_component_conformance(NoControl, timeout=1)
    text = str(info.value)
    assert "no inbox 'control'" in text
    assert "no outbox 'signal'" in text


def test_conformance_lists_shutdown_problems():
    """A component that stops silently, or never stops, fails with the reason for each message."""
    with pytest.raises(AssertionError, match="sent no shutdown message on 'signal'") as info:
        check_component_conformance(Forgetful, timeout=1)
    assert "producerFinished" in str(info.value)
    assert "shutdownMicroprocess" in str(info.value)
    with pytest.raises(
        AssertionError, match=r"did not finish within 0\.1 s of receiving producerFinished"
    ):
        check_component_conformance(NeverStops, timeout=0.1)


def test_step_scheduler_steps_by_hand():
    """StepScheduler runs one cycle per step() and reports when nothing is left."""
    events: list[int] = []

    class Counter(component):
        def main(self):
            for n in range(3):
                events.append(n)
                yield 1

    sched = StepScheduler()
    Counter().activate(Scheduler=sched)
    sched.step()  # admits the component
    sched.step()
    assert events == [0]
    sched.step()
    assert events == [0, 1]
    while sched.step():
        pass
    assert events == [0, 1, 2]
    assert sched.listAllThreads() == []


def test_step_scheduler_run_until_idle():
    """run_until_idle steps until every component sleeps, and a delivery makes it busy again."""
    doubler = Doubler()
    sink = component()
    doubler.link((doubler, "outbox"), (sink, "inbox"))
    sched = StepScheduler()
    doubler.activate(Scheduler=sched)
    sched.run_until_idle()
    assert sched.isThreadPaused(doubler)
    doubler.deliver(21)
    sched.run_until_idle()
    assert list(sink.Inbox()) == [42]


def test_step_scheduler_run_until_idle_gives_up():
    """run_until_idle raises RuntimeError naming what is still busy after max_cycles."""

    class Busy(component):
        def main(self):
            while True:
                yield 1

    sched = StepScheduler()
    Busy().activate(Scheduler=sched)
    with pytest.raises(RuntimeError, match=r"still busy after 5 cycles: Busy"):
        sched.run_until_idle(max_cycles=5)
    sched.stop()
    sched.step()


def test_axon_scheduler_fixture_gives_a_fresh_default(axon_scheduler):
    """The axon_scheduler fixture installs a fresh scheduler.run with nothing in it."""
    from Axon.Scheduler import scheduler

    assert scheduler.run is axon_scheduler
    assert axon_scheduler.listAllThreads() == []
