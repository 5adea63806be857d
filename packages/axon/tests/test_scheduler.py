"""The scheduler: run queue, pausing and waking, WaitComplete, errors, stop, services, instruments."""

from __future__ import annotations

import logging
import re
import selectors
import socket
import sys
import threading
import time

import pytest
from Axon.AxonExceptions import ComponentError, YieldedValueError
from Axon.Component import component
from Axon.Ipc import WaitComplete, newComponent, shutdownMicroprocess
from Axon.Microprocess import microprocess
from Axon.Scheduler import scheduler


class Stepper(component):
    """Records each of its steps in a shared list, `count` times."""

    def __init__(self, events, label, count=3):
        super().__init__()
        self.events, self.label, self.count = events, label, count

    def main(self):
        for n in range(self.count):
            self.events.append((self.label, n))
            yield 1


def test_run_threads_returns_when_all_finished(axon_scheduler):
    """runThreads() returns once every microprocess has finished, round-robin in between."""
    events: list = []
    Stepper(events, "a", 2).activate()
    Stepper(events, "b", 3).activate()
    axon_scheduler.runThreads()
    assert events == [("a", 0), ("b", 0), ("a", 1), ("b", 1), ("b", 2)]
    assert axon_scheduler.listAllThreads() == []


def test_paused_component_is_not_stepped_until_message(axon_scheduler):
    """A paused component is not run again until a message arrives for it."""
    steps = [0]

    class Sleeper(component):
        def main(self):
            while True:
                steps[0] += 1
                if self.dataReady():
                    return
                self.pause()
                yield 1

    class LateSender(component):
        def main(self):
            for _ in range(20):
                yield 1
            self.send("wake up")

    sleeper, sender = Sleeper(), LateSender()
    sender.link((sender, "outbox"), (sleeper, "inbox"))
    sleeper.activate()
    sender.activate()
    axon_scheduler.runThreads()
    assert steps[0] == 2


def test_wake_in_same_step_beats_pause(axon_scheduler):
    """unpause() called in the same step as pause() keeps the component running."""
    events: list[str] = []

    class Waker(component):
        def main(self):
            self.pause()
            self.unpause()
            yield 1
            events.append("ran again")

    Waker().activate()
    axon_scheduler.runThreads()
    assert events == ["ran again"]


def test_message_to_self_in_same_step_beats_pause(axon_scheduler):
    """A message arriving during the step that paused (here sent to itself) still wakes it: no lost wake-up."""
    events: list[str] = []
    stop_after = threading.Timer(
        2.0, axon_scheduler.stop
    )  # turns a lost wake-up into a failure, not a hang

    class Loop(component):
        def main(self):
            self.link((self, "outbox"), (self, "inbox"))
            self.pause()
            self.send("to myself")
            yield 1
            events.append(self.recv())

    Loop().activate()
    stop_after.start()
    try:
        axon_scheduler.runThreads()
    finally:
        stop_after.cancel()
    assert events == ["to myself"]


def test_list_all_threads_and_is_thread_paused(axon_scheduler):
    """listAllThreads lists running microprocesses; isThreadPaused is True for sleeping or unknown ones."""
    seen: dict = {}
    stranger = component()

    class Sleeper(component):
        def main(self):
            while not self.dataReady("control"):
                self.pause()
                yield 1

    class Observer(component):
        def main(self):
            yield 1
            sched = self.scheduler
            seen["all"] = set(sched.listAllThreads())
            seen["sleeper paused"] = sched.isThreadPaused(sleeper)
            seen["self paused"] = sched.isThreadPaused(self)
            seen["stranger paused"] = sched.isThreadPaused(stranger)
            sleeper.deliver(shutdownMicroprocess(), "control")

    sleeper, observer = Sleeper(), Observer()
    sleeper.activate()
    observer.activate()
    axon_scheduler.runThreads()
    assert seen == {
        "all": {sleeper, observer},
        "sleeper paused": True,
        "self paused": False,
        "stranger paused": True,
    }


def test_yield_new_component_activates(axon_scheduler):
    """`yield newComponent(...)` activates the given components."""
    events: list = []

    class Spawner(component):
        def main(self):
            yield newComponent(Stepper(events, "x", 1), Stepper(events, "y", 1))
            events.append("spawner resumed")

    Spawner().activate()
    axon_scheduler.runThreads()
    assert sorted(map(str, events)) == sorted(["spawner resumed", "('x', 0)", "('y', 0)"])


def test_wait_complete_runs_sub_generator_then_resumes(axon_scheduler):
    """WaitComplete runs the sub-generator to its end, then resumes the caller after the yield."""
    events: list[str] = []

    class Waiter(component):
        def inner(self, label):
            events.append(f"{label} start")
            yield 1
            events.append(f"{label} end")

        def outer(self):
            events.append("outer start")
            yield WaitComplete(self.inner("inner"))
            events.append("outer end")

        def main(self):
            events.append("main start")
            yield WaitComplete(self.outer())
            events.append("main resumed")
            yield 1
            events.append("main end")

    Waiter().activate()
    axon_scheduler.runThreads()
    assert events == [
        "main start",
        "outer start",
        "inner start",
        "inner end",
        "outer end",
        "main resumed",
        "main end",
    ]


def test_wait_complete_does_not_end_run_for_others(axon_scheduler):
    """A finishing WaitComplete does not end runThreads() while others still run (1.x py3 bug)."""
    events: list = []

    class Waiter(component):
        def sub(self):
            yield 1

        def main(self):
            yield WaitComplete(self.sub())
            events.append("waiter resumed")

    Waiter().activate()
    Stepper(events, "other", 10).activate()
    axon_scheduler.runThreads()
    assert "waiter resumed" in events
    assert ("other", 9) in events


def test_wait_complete_sub_generator_can_pause_and_be_woken(axon_scheduler):
    """A WaitComplete sub-generator may pause; a message wakes it and the caller resumes after."""
    events: list = []

    class Waiter(component):
        def wait_for_data(self):
            while not self.dataReady():
                self.pause()
                yield 1
            events.append(self.recv())

        def main(self):
            yield WaitComplete(self.wait_for_data())
            events.append("resumed")

    class Sender(component):
        def main(self):
            for _ in range(5):
                yield 1
            self.send("data")

    waiter, sender = Waiter(), Sender()
    sender.link((sender, "outbox"), (waiter, "inbox"))
    waiter.activate()
    sender.activate()
    axon_scheduler.runThreads()
    assert events == ["data", "resumed"]


def test_wait_complete_with_a_function_not_generator_is_an_error(axon_scheduler):
    """WaitComplete given something that is not a generator fails with an error naming it."""

    class Wrong(component):
        def main(self):
            yield WaitComplete(42)

    Wrong().activate()
    with pytest.raises(YieldedValueError, match=r"WaitComplete\(42\)") as info:
        axon_scheduler.runThreads()
    assert isinstance(info.value, ComponentError)  # Axon's own verdict on the component


def test_error_in_main_leaves_run_threads_as_the_same_object_naming_the_component(
    axon_scheduler, caplog
):
    """A RuntimeError raised in main() is an error (not a normal finish): the very same object
    leaves runThreads(), the component named in a note (3.11+) and in a log line."""
    original = RuntimeError("the original problem")

    class Broken(component):
        def main(self):
            yield 1
            raise original

    caplog.set_level(logging.DEBUG, logger="Axon.scheduler")
    broken = Broken()
    broken.activate()
    with pytest.raises(RuntimeError) as info:
        axon_scheduler.runThreads()
    assert info.value is original
    assert original.args == ("the original problem",)
    named = rf"component Broken \(id {broken.id}, {broken.name}\)"
    if sys.version_info >= (3, 11):
        assert [re.fullmatch(rf"raised in {named}", n) is not None for n in original.__notes__] == [
            True
        ]
    assert re.search(rf"{named} failed: RuntimeError: the original problem", caplog.text)


def test_one_x_code_catching_by_type_around_run_still_works(axon_scheduler):
    """The 1.x idiom: try: component.run() except ValueError: ... catches a component's ValueError."""

    class Broken(component):
        def main(self):
            yield 1
            int("not a number")

    try:
        Broken().run()
    except ValueError as error:
        caught = error
    assert "not a number" in str(caught)


def test_stop_iteration_raised_in_main_is_an_error(axon_scheduler):
    """StopIteration raised inside main() is reported as an error, not taken as the end of main."""

    class Broken(component):
        def main(self):
            yield 1
            raise StopIteration("hidden")

    Broken().activate()
    with pytest.raises(RuntimeError, match="generator raised StopIteration") as info:
        axon_scheduler.runThreads()
    assert isinstance(info.value.__cause__, StopIteration)


def test_error_in_component_stops_others_too(axon_scheduler):
    """By default (mortal) a crash ends runThreads() even though others are still running."""
    events: list = []

    class Broken(component):
        def main(self):
            yield 1
            raise ValueError("x")

    Broken().activate()
    Stepper(events, "other", 100).activate()
    with pytest.raises(ValueError):
        axon_scheduler.runThreads()
    assert len(events) < 100


def test_finished_plain_microprocess_does_not_end_run(axon_scheduler):
    """A plain microprocess (thread=generator) finishing does not end runThreads() for others."""
    events: list = []

    def short():
        events.append("short")
        yield 1

    microprocess(thread=short()).activate()
    Stepper(events, "long", 5).activate()
    axon_scheduler.runThreads()
    assert events[0] == "short"
    assert events[-1] == ("long", 4)


def test_stop_ends_everything_and_run_threads_works_again(axon_scheduler):
    """scheduler.stop() stops every microprocess; runThreads() then runs new ones (1.x was dead)."""
    events: list = []

    class Forever(component):
        def main(self):
            while True:
                yield 1

    class Stopper(component):
        def main(self):
            for _ in range(3):
                yield 1
            self.scheduler.stop()
            yield 1

    forever = Forever()
    forever.activate()
    Stopper().activate()
    axon_scheduler.runThreads()
    assert forever._isStopped()
    assert axon_scheduler.listAllThreads() == []
    Stepper(events, "after", 2).activate()
    axon_scheduler.runThreads()
    assert events == [("after", 0), ("after", 1)]


def test_stopping_one_microprocess_from_outside_ends_only_it(axon_scheduler):
    """Calling stop() on one running microprocess ends it and nothing else."""
    events: list = []

    class Forever(component):
        def main(self):
            while True:
                yield 1

    class Killer(component):
        def main(self):
            yield 1
            victim.stop()
            yield 1

    victim = Forever()
    victim.activate()
    Killer().activate()
    Stepper(events, "bystander", 10).activate()
    axon_scheduler.runThreads()
    assert victim._isStopped()
    assert events[-1] == ("bystander", 9)


def test_stop_runs_closedown_so_parent_is_woken(axon_scheduler):
    """A child stopped from outside still runs its closedown: its parent is woken."""
    events: list[str] = []

    class Forever(component):
        def main(self):
            while True:
                self.pause()
                yield 1

    class Parent(component):
        def main(self):
            self.addChildren(child)
            yield newComponent(child)
            yield 1
            child.stop()
            while not child._isStopped() or child in self.scheduler.listAllThreads():
                self.pause()
                yield 1
            events.append("parent woken")

    child = Forever()
    Parent().activate()
    axon_scheduler.runThreads()
    assert events == ["parent woken"]


def test_immortalise_removes_and_logs_crashing_component(axon_scheduler, caplog):
    """With immortalise(), a crashing component is logged and removed while the rest run on."""
    events: list = []

    class Broken(component):
        def main(self):
            yield 1
            raise ValueError("immortal test crash")

    broken = Broken()
    scheduler.immortalise()
    try:
        broken.activate()
        Stepper(events, "survivor", 10).activate()
        with caplog.at_level(logging.ERROR, logger="Axon.scheduler"):
            axon_scheduler.runThreads()
    finally:
        scheduler.mortalise()
    assert events[-1] == ("survivor", 9)
    assert "immortal test crash" in caplog.text
    assert f"Broken (id {broken.id}" in caplog.text
    assert isinstance(broken.failure, ValueError)


def test_mortalise_restores_the_default(axon_scheduler):
    """After mortalise(), a crash ends runThreads() again."""
    scheduler.immortalise()
    scheduler.mortalise()

    class Broken(component):
        def main(self):
            yield 1
            raise ValueError("y")

    Broken().activate()
    with pytest.raises(ValueError, match="y"):
        axon_scheduler.runThreads()


def test_failure_handler_gets_microprocess_and_error(axon_scheduler):
    """set_failure_handler(handler) calls handler(mp, error) instead of ending the run."""
    calls: list = []
    events: list = []
    error = ValueError("handled")

    class Broken(component):
        def main(self):
            yield 1
            raise error

    broken = Broken()
    broken.set_failure_handler(lambda mp, err: calls.append((mp, err)))
    broken.activate()
    Stepper(events, "survivor", 5).activate()
    axon_scheduler.runThreads()
    assert calls == [(broken, error)]
    assert events[-1] == ("survivor", 4)


def test_failure_handler_with_children_covers_adopted_components(axon_scheduler):
    """children=True hands the handler to components adopted later, grandchildren included."""
    calls: list = []
    error = ValueError("deep")

    class Broken(component):
        def main(self):
            yield 1
            raise error

    class Parent(component):
        def __init__(self, child):
            super().__init__()
            self.child = child

        def main(self):
            self.addChildren(self.child)
            self.child.activate()
            while not self.child._isStopped():
                self.pause()
                yield 1

    broken = Broken()
    top = Parent(Parent(broken))
    top.set_failure_handler(lambda mp, err: calls.append((mp, err)), children=True)
    top.activate()
    axon_scheduler.runThreads()
    assert calls == [(broken, error)]


def test_failure_handler_without_children_leaves_adopted_components_alone(axon_scheduler):
    """By default a failure handler covers only its own component (a child's crash ends run)."""

    class Broken(component):
        def main(self):
            yield 1
            raise ValueError("child")

    class Parent(component):
        def main(self):
            child = Broken()
            self.addChildren(child)
            child.activate()
            yield 1

    parent = Parent()
    parent.set_failure_handler(lambda mp, err: None)
    parent.activate()
    with pytest.raises(ValueError, match="child"):
        axon_scheduler.runThreads()


def test_yielding_a_coroutine_is_an_error_naming_it(axon_scheduler):
    """Yielding a coroutine object fails with YieldedValueError naming the component and the value."""

    async def not_for_axon():
        return None

    coro = not_for_axon()

    class Confused(component):
        def main(self):
            yield coro

    confused = Confused()
    confused.activate()
    try:
        with pytest.raises(YieldedValueError) as info:
            axon_scheduler.runThreads()
    finally:
        coro.close()
    cause = info.value
    assert isinstance(cause, TypeError)
    assert confused.name in str(cause)
    assert "coroutine object" in str(cause)
    assert "not_for_axon" in str(cause)


def test_call_later_runs_callbacks_in_time_order(axon_scheduler):
    """call_later callbacks run in order of their due time, in the scheduler thread."""
    order: list[str] = []
    threads: set = set()

    class Timed(component):
        def main(self):
            sched = self.scheduler
            for delay, label in [(0.03, "third"), (0.0, "first"), (0.015, "second")]:
                sched.call_later(
                    delay,
                    lambda label=label: (
                        order.append(label),
                        threads.add(threading.get_ident()),
                        self.unpause(),
                    ),
                )
            cancelled = sched.call_later(0.01, lambda: order.append("cancelled"))
            cancelled.cancel()
            while len(order) < 3:
                self.pause()
                yield 1

    Timed().activate()
    axon_scheduler.runThreads()
    assert order == ["first", "second", "third"]
    assert threads == {threading.get_ident()}


def test_watch_io_wakes_on_socket_read(axon_scheduler):
    """watch_io calls back when a watched socket is readable; unwatch_io stops it."""
    got: list[bytes] = []
    left, right = socket.socketpair()

    class Reader(component):
        def main(self):
            def ready(sock, mask):
                assert mask & selectors.EVENT_READ
                got.append(sock.recv(100))
                self.scheduler.unwatch_io(sock)
                self.unpause()

            self.scheduler.watch_io(left, selectors.EVENT_READ, ready)
            self.scheduler.call_later(0.01, lambda: right.send(b"ping"))
            while not got:
                self.pause()
                yield 1

    try:
        Reader().activate()
        axon_scheduler.runThreads()
    finally:
        left.close()
        right.close()
    assert got == [b"ping"]
    axon_scheduler.unwatch_io(left)  # not watched any more: no error


def test_call_soon_threadsafe_wakes_blocked_scheduler(axon_scheduler):
    """call_soon_threadsafe from another thread wakes a scheduler blocked with nothing to run."""
    ran_in: list[int] = []

    class Waiting(component):
        def main(self):
            def from_thread():
                time.sleep(0.05)  # let the scheduler block in its selector first
                self.scheduler.call_soon_threadsafe(
                    lambda: (ran_in.append(threading.get_ident()), self.unpause())
                )

            threading.Thread(target=from_thread, daemon=True).start()
            while not ran_in:
                self.pause()
                yield 1

    Waiting().activate()
    axon_scheduler.runThreads()
    assert ran_in == [threading.get_ident()]


def test_unpause_from_another_thread_wakes_component(axon_scheduler):
    """component.unpause() from another thread wakes it (and the blocked scheduler)."""
    events: list[str] = []

    class Waiting(component):
        def main(self):
            threading.Thread(target=lambda: (time.sleep(0.05), self.unpause()), daemon=True).start()
            self.pause()
            yield 1
            events.append("woken")

    Waiting().activate()
    axon_scheduler.runThreads()
    assert events == ["woken"]


def test_idle_scheduler_uses_no_cpu(axon_scheduler):
    """A scheduler waiting 0.3 s for a call_later timer blocks instead of spinning."""

    class Waiting(component):
        def main(self):
            self.scheduler.call_later(0.3, self.unpause)
            self.pause()
            yield 1

    Waiting().activate()
    cpu0, wall0 = time.process_time(), time.monotonic()
    axon_scheduler.runThreads()
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    assert wall >= 0.29
    assert cpu < 0.05


def test_ping_pong_completes_among_1000_paused_components(axon_scheduler):
    """A ping-pong between two components completes while 1000 others sit paused (stepped once each)."""
    sleeper_steps = [0]
    rounds = 500

    class Sleeper(component):
        def main(self):
            while not self.dataReady("control"):
                sleeper_steps[0] += 1
                self.pause()
                yield 1

    class Player(component):
        def __init__(self, serve):
            super().__init__()
            self.serve = serve
            self.hits = 0

        def main(self):
            if self.serve:
                self.send(0)
            while self.hits < rounds:
                if self.dataReady():
                    self.send(self.recv() + 1)
                    self.hits += 1
                else:
                    self.pause()
                yield 1
            if self.serve:
                for s in sleepers:
                    s.deliver(shutdownMicroprocess(), "control")

    sleepers = [Sleeper() for _ in range(1000)]
    ping, pong = Player(True), Player(False)
    ping.link((ping, "outbox"), (pong, "inbox"))
    pong.link((pong, "outbox"), (ping, "inbox"))
    for s in sleepers:
        s.activate()
    ping.activate()
    pong.activate()
    axon_scheduler.runThreads()
    assert (ping.hits, pong.hits) == (rounds, rounds)
    assert sleeper_steps[0] == 1000


def test_instruments_see_activated_stepped_finished(axon_scheduler):
    """An instrument's activated/stepped/finished hooks are called as a component runs."""
    seen: list = []

    class Recorder:
        def activated(self, mp):
            seen.append(("activated", mp))

        def stepped(self, mp, value):
            seen.append(("stepped", mp, value))

        def finished(self, mp, error):
            seen.append(("finished", mp, error))

    class Two(component):
        def main(self):
            yield "one"
            yield "two"

    recorder = Recorder()
    axon_scheduler.add_instrument(recorder)
    two = Two()
    two.activate()
    axon_scheduler.runThreads()
    axon_scheduler.remove_instrument(recorder)
    assert seen == [
        ("activated", two),
        ("stepped", two, "one"),
        ("stepped", two, "two"),
        ("finished", two, None),
    ]


def test_run_threads_slowmo(axon_scheduler):
    """runThreads(slowmo=...) still runs everything to the end."""
    events: list = []
    Stepper(events, "slow", 2).activate()
    axon_scheduler.runThreads(slowmo=0.001)
    assert events == [("slow", 0), ("slow", 1)]


def test_slowmo_sleeps_between_every_pass(monkeypatch):
    """runThreads(slowmo=s) sleeps s before every pass over the runnable microprocesses (1.x)."""
    events: list = []
    monkeypatch.setattr(time, "sleep", lambda seconds: events.append(("sleep", seconds)))
    sched = scheduler()
    Stepper(events, "a", 3).activate(Scheduler=sched)
    Stepper(events, "b", 3).activate(Scheduler=sched)
    sched.runThreads(slowmo=0.25)
    nap = ("sleep", 0.25)
    # Passes with nothing to run (before the activations are admitted) nap too: fold those.
    folded = [e for i, e in enumerate(events) if not (e == nap and events[i - 1 : i] == [nap])]
    assert folded[:9] == [nap, ("a", 0), ("b", 0), nap, ("a", 1), ("b", 1), nap, ("a", 2), ("b", 2)]


def test_scheduler_time_attribute(axon_scheduler):
    """scheduler.time gives the wall-clock time, as 1.x components read it."""
    assert abs(axon_scheduler.time - time.time()) < 5


def test_wait_for_one_keeps_running_until_first_activation(axon_scheduler):
    """waitForOne() keeps runThreads() alive until a microprocess is activated from another thread."""
    events: list = []
    axon_scheduler.waitForOne()
    worker = threading.Thread(
        target=lambda: (
            time.sleep(0.05),
            Stepper(events, "late", 1).activate(Scheduler=axon_scheduler),
        )
    )
    worker.start()
    axon_scheduler.runThreads()
    worker.join(5)
    assert events == [("late", 0)]


def test_stop_from_another_thread_ends_a_blocked_run(axon_scheduler):
    """scheduler.stop() called from another thread ends a runThreads() blocked with everything paused."""

    class Sleeper(component):
        def main(self):
            while True:
                self.pause()
                yield 1

    sleeper = Sleeper()
    sleeper.activate()
    stopper = threading.Thread(target=lambda: (time.sleep(0.05), axon_scheduler.stop()))
    stopper.start()
    axon_scheduler.runThreads()
    stopper.join(5)
    assert sleeper._isStopped()


def test_activate_inside_main_goes_to_the_running_scheduler(axon_scheduler):
    """activate() with no scheduler, called inside a running component, uses the scheduler running it."""
    from Axon.testing import StepScheduler

    events: list = []
    sched = StepScheduler()

    class Spawner(component):
        def main(self):
            child = Stepper(events, "child", 2)
            child.activate()
            events.append(child.scheduler is sched)
            yield 1

    Spawner().activate(Scheduler=sched)
    for _ in range(10):
        if not sched.step():
            break
    assert events == [True, ("child", 0), ("child", 1)]
    assert axon_scheduler.listAllThreads() == []


def test_reactivate_knock_on_wakes_the_original(axon_scheduler):
    """A microprocess ending with closeDownValue=reactivate(x) wakes the sleeping x."""
    from Axon.Ipc import reactivate

    events: list[str] = []

    class Sleeper(component):
        def main(self):
            self.pause()
            yield 1
            events.append("woken by knock-on")

    def quick():
        yield 1

    sleeper = Sleeper()
    sleeper.activate()
    microprocess(thread=quick(), closeDownValue=reactivate(sleeper)).activate()
    axon_scheduler.runThreads()
    assert events == ["woken by knock-on"]


def test_shutdown_knock_on_stops_the_named_microprocesses(axon_scheduler):
    """A microprocess ending with closeDownValue=shutdownMicroprocess(a, b) stops a and b."""

    class Forever(component):
        def main(self):
            while True:
                yield 1

    def quick():
        yield 1

    a, b = Forever(), Forever()
    a.activate()
    b.activate()
    microprocess(thread=quick(), closeDownValue=shutdownMicroprocess(a, b)).activate()
    axon_scheduler.runThreads()
    assert a._isStopped()
    assert b._isStopped()


def test_crashed_child_still_wakes_parent_under_immortalise(axon_scheduler):
    """With immortalise(), a crashing child is finished properly: its waiting parent is woken."""
    events: list[str] = []

    class Crasher(component):
        def main(self):
            yield 1
            raise ValueError("child crash")

    class Parent(component):
        def main(self):
            child = Crasher()
            self.addChildren(child)
            yield newComponent(child)
            while not child._isStopped():
                self.pause()
                yield 1
            events.append("parent woken")

    scheduler.immortalise()
    try:
        Parent().activate()
        logging.getLogger("Axon.scheduler").disabled = True
        axon_scheduler.runThreads()
    finally:
        logging.getLogger("Axon.scheduler").disabled = False
        scheduler.mortalise()
    assert events == ["parent woken"]


def test_later_schedulers_do_not_replace_the_default(axon_scheduler):
    """Only the first scheduler made is scheduler.run; later ones do not replace it."""
    other = scheduler()
    assert scheduler.run is axon_scheduler
    assert other is not axon_scheduler


def test_next_by_hand_raises_stop_iteration_when_finished():
    """Stepping a microprocess by hand with next() raises StopIteration (not RuntimeError) at its end."""
    from Axon.testing import StepScheduler

    class Two(component):
        def main(self):
            yield 1
            yield 2

    two = Two()
    two.activate(Scheduler=StepScheduler())
    assert [two.next(), next(two)] == [1, 2]
    with pytest.raises(StopIteration):
        two.next()


def test_keyboard_interrupt_in_a_component_is_not_wrapped(axon_scheduler):
    """KeyboardInterrupt raised in a component propagates as itself (Ctrl-C), not as ComponentError."""

    class Interrupted(component):
        def main(self):
            yield 1
            raise KeyboardInterrupt

    Interrupted().activate()
    with pytest.raises(KeyboardInterrupt):
        axon_scheduler.runThreads()


def test_a_duck_typed_microprocess_runs(axon_scheduler):
    """Any object with next() can be handed to the scheduler, as in 1.x; the scheduler lists
    it as itself, and its stop() is called when it ends."""
    steps = []

    class StandIn:
        def __init__(self):
            self.count = 0
            self.stopped = False

        def next(self):
            self.count += 1
            steps.append((self.count, self in axon_scheduler.listAllThreads()))
            if self.count == 3:
                raise StopIteration
            return 1

        def stop(self):
            self.stopped = True

    stand_in = StandIn()
    axon_scheduler._addThread(stand_in)
    axon_scheduler.runThreads()
    assert steps == [(1, True), (2, True), (3, True)]
    assert stand_in.stopped
    assert axon_scheduler.listAllThreads() == []


def test_a_duck_typed_microprocess_can_be_paused_and_woken(axon_scheduler):
    """pauseThread, isThreadPaused and wakeThread take the duck-typed object itself, as in 1.x."""
    steps = []

    class StandIn:
        def next(self):
            steps.append(axon_scheduler.isThreadPaused(self))
            if len(steps) == 1:
                axon_scheduler.pauseThread(self)
                axon_scheduler.call_later(0, lambda: axon_scheduler.wakeThread(self))
            elif len(steps) == 2:
                raise StopIteration
            return 1

    stand_in = StandIn()
    axon_scheduler._addThread(stand_in)
    axon_scheduler.runThreads()
    assert steps == [False, False]
    assert axon_scheduler.isThreadPaused(stand_in)  # finished: unknown again


def test_instruments_see_a_component_go_to_sleep(axon_scheduler):
    """An instrument's paused hook is called when a step ends with the component paused."""
    seen: list = []

    class Recorder:
        def paused(self, mp):
            seen.append(mp)

    class Sleeper(component):
        def main(self):
            self.pause()
            yield 1

    recorder = Recorder()
    axon_scheduler.add_instrument(recorder)
    sleeper = Sleeper()
    sleeper.activate()
    axon_scheduler.call_later(0.01, sleeper.unpause)  # wakes it again, so it can finish
    axon_scheduler.runThreads()
    axon_scheduler.remove_instrument(recorder)
    assert seen == [sleeper]
