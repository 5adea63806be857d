"""Supervisor: OTP-style restarts, intensity limit, re-made links, introspection."""

import logging

import pytest
from _chassis_testkit import Collector, Feeder, run
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.Graphline import WiringError
from Kamaelia.Chassis.Supervisor import Supervisor, SupervisorError


class Worker(component):
    """Echoes inbox to outbox; crashes on the message "crash"; stops on a shutdown."""

    instances: list = []

    def __init__(self, tag, stubborn=False):
        super().__init__()
        self.tag = tag
        self.stubborn = stubborn
        Worker.instances.append(self)

    def main(self):
        while True:
            while self.dataReady("inbox"):
                msg = self.recv("inbox")
                if msg == "crash":
                    raise ValueError(f"{self.tag} was told to crash")
                self.send((self.tag, msg), "outbox")
            while self.dataReady("control"):
                msg = self.recv("control")
                if isinstance(msg, (producerFinished, shutdownMicroprocess)) and not self.stubborn:
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1


def made(tag):
    return [w for w in Worker.instances if w.tag == tag]


@pytest.fixture(autouse=True)
def _reset():
    Worker.instances.clear()


def supervised(script, strategy="one_for_one", **kw):
    """Run a Supervisor of workers A, B, C (self.inbox -> B); send ``script`` to its inbox, then stop it."""
    a_factory = kw.pop("a_factory", lambda: Worker("A"))
    sup = Supervisor(
        children={"A": a_factory, "B": lambda: Worker("B"), "C": lambda: Worker("C")},
        linkages={("self", "inbox"): ("B", "inbox"), ("B", "outbox"): ("self", "outbox")},
        strategy=strategy,
        **kw,
    )
    feeder = Feeder([("outbox", m) for m in script])
    # Feed one message every few slices so restarts complete in between.
    feeder.main = _spaced(feeder, script)
    sink = Collector()
    feeder.link((feeder, "outbox"), (sup, "inbox"))
    stop = Feeder([("outbox", shutdownMicroprocess())], delay=15 * (len(script) + 2))
    stop.link((stop, "outbox"), (sup, "control"))
    sink.link((sup, "outbox"), (sink, "inbox"))
    sink.link((sup, "signal"), (sink, "control"))
    run(feeder, sup, sink, stop)
    return sup, sink


def _spaced(feeder, script):
    def main():
        for msg in script:
            feeder.send(msg, "outbox")
            for _ in range(10):
                yield 1

    return main


def test_one_for_one_restarts_only_the_crashed_child_with_a_new_instance(caplog):
    """The crashed child is rebuilt by its factory; its links are re-made; siblings keep running."""
    caplog.set_level(logging.WARNING, logger="Kamaelia.Chassis.Supervisor")
    sup, sink = supervised(["x", "crash", "y"])
    assert sink.data == [("B", "x"), ("B", "y")]  # "y" went through the new B
    assert len(made("B")) == 2
    assert made("B")[0] is not made("B")[1]
    assert len(made("A")) == 1
    assert len(made("C")) == 1
    assert sup.restart_count() == 1
    assert sup.restart_count("B") == 1
    (record,) = sup.restart_log()
    assert record.child == "B"
    assert record.restarted == ("B",)
    assert isinstance(record.error, ValueError)
    assert "child 'B' crashed" in caplog.text
    assert isinstance(sink.signals[0], shutdownMicroprocess)


def test_one_for_all_restarts_every_child():
    """Under one_for_all a crash restarts all the children."""
    sup, sink = supervised(["crash", "z"], strategy="one_for_all")
    assert [len(made(t)) for t in "ABC"] == [2, 2, 2]
    assert sup.restart_log()[0].restarted == ("A", "B", "C")
    assert sink.data == [("B", "z")]


def test_rest_for_one_restarts_the_child_and_those_after_it():
    """Under rest_for_one a crash of B restarts B and C, not A."""
    sup, _ = supervised(["crash"], strategy="rest_for_one")
    assert [len(made(t)) for t in "ABC"] == [1, 2, 2]
    assert sup.restart_log()[0].restarted == ("B", "C")


def test_a_child_ignoring_shutdown_is_stopped_by_force():
    """A sibling that ignores shutdownMicroprocess is stopped after shutdown_timeout."""
    # Only the first A is stubborn, so the final shutdown still ends the system.
    _sup, _ = supervised(
        ["crash"],
        strategy="one_for_all",
        shutdown_timeout=0.01,
        a_factory=lambda: Worker("A", stubborn=not made("A")),
    )
    first, second = made("A")
    assert first.stubborn
    assert first._isStopped()
    assert not second.stubborn


def test_too_many_restarts_make_the_supervisor_fail_naming_child_and_error():
    """More than max_restarts crashes within max_seconds: the Supervisor fails with SupervisorError."""
    with pytest.raises(SupervisorError) as info:
        supervised(["crash", "crash", "crash"], max_restarts=2, max_seconds=60)
    error = info.value
    assert "child 'B'" in str(error)
    assert "B was told to crash" in str(error)
    assert isinstance(error.__cause__, ValueError)
    assert all(w._isStopped() for w in Worker.instances)


def test_max_restarts_zero_fails_on_the_first_crash():
    """With max_restarts=0 no restart is tried."""
    with pytest.raises(SupervisorError, match="child 'B'"):
        supervised(["crash"], max_restarts=0)


def test_children_that_finish_normally_are_not_restarted():
    """A child ending without an error is not restarted; the Supervisor ends when all have ended."""
    sink = Collector()
    sup = Supervisor(
        children={"ONE": lambda: Worker("one")}, linkages={("ONE", "signal"): ("self", "signal")}
    )
    sink.link((sup, "signal"), (sink, "control"))
    stop = Feeder([("outbox", producerFinished())])
    stop.link((stop, "outbox"), (sup, "control"))
    run(sup, sink, stop)
    assert len(made("one")) == 1
    assert sup.restart_count() == 0
    assert isinstance(sink.signals[0], producerFinished)


def test_settings_and_linkages_are_checked_at_construction():
    """Bad strategies, factories and linkages fail when the Supervisor is built."""
    with pytest.raises(
        ValueError, match="unknown strategy 'one_for_some'; the choices are: one_for_one"
    ):
        Supervisor(children={"A": lambda: Worker("A")}, strategy="one_for_some")
    with pytest.raises(TypeError, match="child 'A' needs a factory"):
        Supervisor(children={"A": Worker("A")})
    with pytest.raises(WiringError, match="names no component 'Z'"):
        Supervisor(children={"A": lambda: Worker("A")}, linkages={("A", "outbox"): ("Z", "inbox")})
    with pytest.raises(ValueError, match="max_restarts"):
        Supervisor(children={"A": lambda: Worker("A")}, max_restarts=-1)


def test_factory_must_build_a_new_instance():
    """A factory that returns the crashed instance again is an error."""
    only = Worker("same")
    sup = Supervisor(children={"S": lambda: only}, linkages={("self", "inbox"): ("S", "inbox")})
    feeder = Feeder([("outbox", "crash")])
    feeder.link((feeder, "outbox"), (sup, "inbox"))
    with pytest.raises(WiringError, match="must build a new component each time"):
        run(feeder, sup)


class CrashAtStart(Worker):
    """A Worker whose first ``failures`` instances crash as soon as they run."""

    failures = 2

    def main(self):
        if len(made(self.tag)) <= CrashAtStart.failures:
            raise RuntimeError(f"{self.tag} instance {len(made(self.tag))} failed to start")
        yield from super().main()


def test_supervisors_nest_a_failed_inner_supervisor_is_restarted():
    """An inner Supervisor that gives up is itself restarted by the outer one."""
    outer = Supervisor(
        children={
            "inner": lambda: Supervisor(children={"w": lambda: CrashAtStart("w")}, max_restarts=0)
        },
        max_restarts=5,
    )
    stop = Feeder([("outbox", shutdownMicroprocess())], delay=50)
    stop.link((stop, "outbox"), (outer, "control"))
    run(outer, stop)
    assert outer.restart_count("inner") == 2
    assert isinstance(outer.restart_log()[0].error, SupervisorError)
    assert len(made("w")) == 3
    assert not made("w")[-1].failure
