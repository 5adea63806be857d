"""Component basics: attributes, boxes, messages, children, the legacy body and misuse."""

from __future__ import annotations

import gc
import warnings

import pytest
from Axon.AxonExceptions import AlreadyActivated, UnknownBox
from Axon.Component import component
from Axon.Ipc import newComponent
from Axon.testing import run_component, run_system


class ListBoxes(component):
    Inboxes = ["inbox", "control", "extra"]
    Outboxes = ["outbox", "signal"]


def test_keyword_arguments_become_attributes():
    """Every keyword argument given to the constructor becomes an instance attribute."""
    c = component(port=1601, protocol="tcp")
    assert (c.port, c.protocol) == (1601, "tcp")


def test_boxes_declared_as_dict_by_default():
    """The default component has inbox/control and outbox/signal."""
    c = component()
    assert sorted(c.inboxes) == ["control", "inbox"]
    assert sorted(c.outboxes) == ["outbox", "signal"]


def test_boxes_declared_as_list():
    """Inboxes and Outboxes may be plain lists of names."""
    c = ListBoxes()
    assert sorted(c.inboxes) == ["control", "extra", "inbox"]
    assert sorted(c.outboxes) == ["outbox", "signal"]


def test_data_ready_returns_a_count():
    """dataReady returns how many messages wait, not just a flag."""
    c = component()
    assert c.dataReady() == 0
    for n in range(3):
        c.deliver(n)
    assert c.dataReady("inbox") == 3
    assert c.dataReady("control") == 0


def test_any_ready_returns_box_name_or_false():
    """anyReady returns the name of an inbox holding data, else False."""
    c = component()
    assert c.anyReady() is False
    c.deliver("stop", "control")
    assert c.anyReady() == "control"


def test_recv_is_fifo_and_empty_recv_raises_index_error():
    """recv takes the oldest message, and raises IndexError on an empty inbox."""
    c = component()
    c.deliver("a")
    c.deliver("b")
    assert [c.recv(), c.recv("inbox")] == ["a", "b"]
    with pytest.raises(IndexError):
        c.recv()


@pytest.mark.parametrize(
    ("action", "kind", "choices"),
    [
        (lambda c: c.send("x", "nope"), "outbox", "outbox, signal"),
        (lambda c: c.recv("nope"), "inbox", "control, inbox"),
        (lambda c: c.dataReady("nope"), "inbox", "control, inbox"),
    ],
)
def test_unknown_box_raises_key_error_naming_component_and_boxes(action, kind, choices):
    """send/recv/dataReady on an unknown box raise a KeyError naming the component and its boxes."""
    c = component()
    with pytest.raises(
        KeyError, match=rf"{c.name}.* has no {kind} 'nope'; its {kind}es are: {choices}"
    ):
        action(c)
    with pytest.raises(UnknownBox, match=r"component component \(id \d+"):
        action(c)


def test_inbox_generator_drains_the_box():
    """Inbox() yields every waiting message in order and leaves the box empty."""
    c = component()
    for n in range(4):
        c.deliver(n)
    assert list(c.Inbox()) == [0, 1, 2, 3]
    assert c.dataReady() == 0


def test_str_format():
    """str(component) follows the 1.x format "Component <name> [ inboxes : ..."."""
    c = component()
    text = str(c)
    assert text.startswith(f"Component {c.name} [ inboxes : ")
    assert " outboxes : " in text


def test_legacy_initialise_mainbody_closedown():
    """A component overriding initialiseComponent/mainBody/closeDownComponent runs them in order."""
    events: list[str] = []

    class Legacy(component):
        def initialiseComponent(self):
            events.append("init")
            return 1

        def mainBody(self):
            events.append("body")
            return 1 if events.count("body") < 3 else 0

        def closeDownComponent(self):
            events.append("close")
            return 1

    run_component(Legacy(), timeout=5)
    assert events == ["init", "body", "body", "body", "close"]


def test_child_components_returns_a_copy():
    """childComponents lists the children added, as a copy."""
    parent, a, b = component(), component(), component()
    parent.addChildren(a, b)
    children = parent.childComponents()
    assert children == [a, b]
    children.clear()
    assert parent.childComponents() == [a, b]


def test_parent_is_woken_when_child_finishes():
    """A paused parent is woken when a child it added finishes."""
    events: list[str] = []

    class Child(component):
        def main(self):
            for _ in range(3):
                yield 1
            events.append("child done")

    class Parent(component):
        def main(self):
            child = Child()
            self.addChildren(child)
            yield newComponent(child)
            while not child._isStopped():
                events.append("parent waits")
                self.pause()
                yield 1
            events.append("parent saw child stop")

    run_system(Parent(), timeout=5)
    assert events == ["parent waits", "child done", "parent saw child stop"]


def test_remove_child_unlinks_and_stops_waking_parent():
    """removeChild drops the child, breaks the parent's links to it and its wake-up callback."""
    parent, child, sink = component(), component(), component()
    parent.addChildren(child)
    parent.link((child, "outbox"), (sink, "inbox"))
    parent.removeChild(child)
    assert parent.childComponents() == []
    assert parent.postoffice.linkages == []
    child.send("lost")
    assert sink.dataReady() == 0
    assert parent.unpause not in child._callOnCloseDown


def test_closedown_unlinks_the_components_links():
    """When a component finishes, the links it made are broken."""
    sink = component()

    class Maker(component):
        def main(self):
            self.link((self, "outbox"), (sink, "inbox"))
            self.send("delivered")
            yield 1

    maker = Maker()
    run_system(maker, timeout=5)
    assert maker.postoffice.linkages == []
    maker.send("dropped")
    assert list(sink.Inbox()) == ["delivered"]


def test_activate_twice_raises(axon_scheduler):
    """Activating a running component a second time raises AlreadyActivated."""
    c = component()
    assert c.activate() is c
    with pytest.raises(AlreadyActivated, match=rf"{c.name} \(id {c.id}\) is already activated"):
        c.activate()


def test_add_children_with_a_class_is_a_clear_type_error():
    """Passing a class instead of an instance to addChildren raises a TypeError that says so."""
    parent = component()
    with pytest.raises(
        TypeError, match=r"addChildren needs component instances.*a class: did you forget"
    ):
        parent.addChildren(component)


def test_main_that_is_not_a_generator_is_a_clear_type_error(axon_scheduler):
    """A main() without yield is rejected at activate() with a TypeError naming it."""

    class NoYield(component):
        def main(self):
            return 42

    with pytest.raises(TypeError, match=r"NoYield\.main\(\) returned 42, not a generator"):
        NoYield().activate()


def test_exception_from_main_leaves_the_run_as_itself():
    """An exception in main() ends the run as that same exception (1.x code catches it by type)."""

    class Broken(component):
        def main(self):
            yield 1
            raise ValueError("bad value 7")

    with pytest.raises(ValueError, match="bad value 7"):
        run_system(Broken(), timeout=5)


def test_deliver_wakes_a_sleeping_component_and_checks_the_box(axon_scheduler):
    """deliver() puts a message in an inbox and wakes its owner; a full or unknown inbox raises."""
    from Axon.AxonExceptions import noSpaceInBox
    from Axon.testing import StepScheduler

    got: list = []

    class Waiter(component):
        def main(self):
            while not got:
                got.extend(self.Inbox())
                self.pause()
                yield 1

    sched = StepScheduler()
    waiter = Waiter().activate(Scheduler=sched)
    sched.step(3)
    assert waiter._isRunnable() is False
    waiter.deliver("hello")
    assert waiter._isRunnable() is True
    sched.step(3)
    assert got == ["hello"]
    waiter.setInboxSize("control", 1)
    waiter.deliver("first", "control")
    with pytest.raises(noSpaceInBox):
        waiter.deliver("second", "control")
    with pytest.raises(UnknownBox, match="has no inbox 'nope'; its inboxes are: control, inbox"):
        waiter.deliver("x", "nope")


def test_the_1x_name_deliver_still_works():
    """1.x code and test suites call _deliver(); it is deliver() under its 1.x name."""
    target = component()
    target._deliver("hello")
    target._deliver("stop", "control")
    assert (target.recv(), target.recv("control")) == ("hello", "stop")


def test_async_def_main_is_refused_and_its_coroutine_closed(axon_scheduler):
    """An 'async def main' is rejected at activate(): generators, not coroutines; no RuntimeWarning."""

    class Eager(component):
        async def main(self):
            return None

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "coroutine ... was never awaited" would fail here
        with pytest.raises(
            TypeError,
            match=r"Eager\.main\(\) is an 'async def' coroutine function: "
            r"Axon runs generators, not coroutines",
        ):
            Eager().activate()
        gc.collect()
