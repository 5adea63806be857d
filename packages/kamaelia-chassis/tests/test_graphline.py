"""Graphline: named wiring, "self" boundary boxes, nesting and shutdown rules."""

import pytest
from _chassis_testkit import Collector, Feeder, drive, run
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.Graphline import Graphline, WiringError
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.PassThrough import PassThrough
from Kamaelia.Util.PureTransformer import PureTransformer


class Waiter(component):
    """Records control messages; passes each on out of outbox and signal; stops on shutdown."""

    def __init__(self):
        super().__init__()
        self.received = []

    def main(self):
        while True:
            while self.dataReady("control"):
                msg = self.recv("control")
                self.received.append(msg)
                self.send(msg, "outbox")
                self.send(msg, "signal")
                if isinstance(msg, (producerFinished, shutdownMicroprocess)):
                    return
            self.pause()
            yield 1


def wrapped(child):
    return Graphline(
        CHILD=child,
        linkages={
            ("self", "inbox"): ("CHILD", "inbox"),
            ("self", "control"): ("CHILD", "control"),
            ("CHILD", "outbox"): ("self", "outbox"),
            ("CHILD", "signal"): ("self", "signal"),
        },
    )


def test_linkages_wire_children_to_each_other_and_to_self():
    """Messages follow the linkages, through the Graphline's self boxes."""
    out = drive(wrapped(PureTransformer(lambda x: -x)), inbox=[1, 2], control=[producerFinished()])
    assert out.data == [-1, -2]
    assert isinstance(out.signals[0], producerFinished)


def test_new_self_boxes_belong_to_the_instance_not_the_class():
    """A boundary box named in the linkages is created on that Graphline only."""
    before_in, before_out = dict(Graphline.Inboxes), dict(Graphline.Outboxes)
    g = Graphline(
        A=PassThrough(),
        linkages={("self", "extra_in"): ("A", "inbox"), ("A", "outbox"): ("self", "extra_out")},
    )
    assert "extra_in" in g.inboxes
    assert "extra_out" in g.outboxes
    assert Graphline.Inboxes == before_in
    assert Graphline.Outboxes == before_out
    other = Graphline(B=PassThrough())
    assert "extra_in" not in other.inboxes
    assert "extra_out" not in other.outboxes


def test_new_self_boxes_carry_data():
    """Data sent to a new self inbox reaches the child; a child's outbox leaves by a new self outbox."""
    g = Graphline(
        A=PassThrough(),
        linkages={
            ("self", "novel"): ("A", "inbox"),
            ("self", "control"): ("A", "control"),
            ("A", "outbox"): ("self", "results"),
            ("A", "signal"): ("self", "signal"),
        },
    )
    feeder = Feeder([("outbox", "x"), ("signal", producerFinished())])
    sink = Collector()
    feeder.link((feeder, "outbox"), (g, "novel"))
    feeder.link((feeder, "signal"), (g, "control"))
    sink.link((g, "results"), (sink, "inbox"))
    sink.link((g, "signal"), (sink, "control"))
    run(feeder, g, sink)
    assert sink.data == ["x"]


def test_unknown_component_name_is_an_error_listing_the_choices():
    """A linkage naming a component that does not exist fails at construction (1.x fell back to self)."""
    with pytest.raises(WiringError, match=r"names no component 'B'; the choices are: A, self"):
        Graphline(A=PassThrough(), linkages={("A", "outbox"): ("B", "inbox")})
    for name in ["flurble", "Self", " "]:
        with pytest.raises(WiringError, match="names no component"):
            Graphline(A=PassThrough(), linkages={(name, "inbox"): ("A", "inbox")})


def test_empty_name_means_the_graphline_itself():
    """As 1.x documented (and OneShot, Sync and the examples write), "" names the Graphline like "self"."""
    out = drive(
        Graphline(
            CHILD=PureTransformer(lambda x: x * 10),
            linkages={
                ("", "inbox"): ("CHILD", "inbox"),
                ("", "control"): ("CHILD", "control"),
                ("CHILD", "outbox"): ("", "outbox"),
                ("CHILD", "signal"): ("", "signal"),
            },
        ),
        inbox=[1, 2],
        control=[producerFinished()],
    )
    assert out.data == [10, 20]
    assert isinstance(out.signals[0], producerFinished)


def test_empty_name_is_reserved_and_cannot_loop_to_self():
    """A child may not be called "", and "" linked to "self" is a self-loop."""
    with pytest.raises(WiringError, match='"" is reserved for the chassis'):
        Graphline(**{"": PassThrough()})
    with pytest.raises(WiringError, match="links the chassis to itself"):
        Graphline(A=PassThrough(), linkages={("", "inbox"): ("self", "outbox")})


def test_unknown_box_is_an_error_listing_the_boxes():
    """A linkage naming a missing box fails at construction naming the component and its boxes."""
    with pytest.raises(
        WiringError, match=r"component 'A' has no inbox 'inbx'; its inboxes are: control, inbox"
    ):
        Graphline(A=PassThrough(), B=PassThrough(), linkages={("B", "outbox"): ("A", "inbx")})
    with pytest.raises(WiringError, match=r"component 'B' has no outbox 'outbx'"):
        Graphline(A=PassThrough(), B=PassThrough(), linkages={("B", "outbx"): ("self", "outbox")})


def test_malformed_linkages_and_self_loops_are_rejected():
    """Endpoints must be (name, box) string pairs, and self may not link to self."""
    with pytest.raises(WiringError, match="expected a"):
        Graphline(A=PassThrough(), linkages={("A", "outbox"): "A"})
    with pytest.raises(WiringError, match="links the chassis to itself"):
        Graphline(A=PassThrough(), linkages={("self", "inbox"): ("self", "outbox")})
    with pytest.raises(TypeError, match="component 'A' is the class PassThrough"):
        Graphline(A=PassThrough)


def test_linkages_are_optional():
    """Graphline() and Graphline(**components) without linkages are fine."""
    Graphline()
    sink = Collector(stop_after=1)
    g = Graphline(SRC=DataSource([1]))
    sink.link((g.components["SRC"], "outbox"), (sink, "inbox"))
    run(g, sink)
    assert sink.data == [1]


def test_control_goes_to_every_child_whose_control_is_not_linked():
    """Without a ("self", "control") linkage, control messages go to each child with an unfed control."""
    a, b, c = Waiter(), Waiter(), Waiter()
    g = Graphline(A=a, B=b, C=c, linkages={("A", "outbox"): ("B", "control")})
    stop = shutdownMicroprocess()
    out = drive(g, control=[stop])
    assert a.received == [stop]
    assert c.received == [stop]
    assert b.received == [stop]
    assert not b.dataReady("control")
    assert out.signals == [stop]


def test_producer_finished_comes_out_as_a_new_producer_finished():
    """After a non-shutdownMicroprocess control message, the Graphline ends with its own producerFinished."""
    g = Graphline(A=Waiter(), B=Waiter())
    pf = producerFinished()
    out = drive(g, control=[pf])
    assert len(out.signals) == 1
    assert isinstance(out.signals[0], producerFinished)
    assert out.signals[0] is not pf


def test_self_control_link_means_the_user_owns_shutdown():
    """With ("self", "control") linked, control goes only along that link, and signal is still sent."""
    a, b = Waiter(), Waiter()
    g = Graphline(
        A=a,
        B=b,
        linkages={("self", "control"): ("A", "control"), ("A", "outbox"): ("B", "control")},
    )
    stop = shutdownMicroprocess()
    out = drive(g, control=[stop])
    assert a.received == [stop]
    assert b.received == [stop]
    assert len(out.signals) == 1
    assert isinstance(out.signals[0], producerFinished)


def test_linked_self_signal_is_left_to_the_child():
    """With something linked to ("self", "signal"), the Graphline sends nothing of its own there."""
    a, b = Waiter(), Waiter()
    g = Graphline(A=a, B=b, linkages={("A", "signal"): ("self", "signal")})
    pf = producerFinished()
    feeder = Feeder([("signal", pf)])
    late = Feeder([("outbox", "END")], delay=50)
    sink = Collector(until="END")
    feeder.link((feeder, "signal"), (g, "control"))
    late.link((late, "outbox"), (sink, "inbox"))
    sink.link((g, "signal"), (sink, "control"))
    run(feeder, g, sink, late)
    assert g._isStopped()
    assert sink.signals == [pf]  # A's copy only: nothing of the Graphline's own


def test_graphline_finishes_when_every_child_has():
    """The Graphline runs until its last child ends."""
    slow = Collector()
    g = Graphline(
        SRC=DataSource([1, 2]), SLOW=slow, linkages={("SRC", "outbox"): ("SLOW", "inbox")}
    )
    feeder = Feeder([("outbox", producerFinished())], delay=30)
    feeder.link((feeder, "outbox"), (slow, "control"))
    run(g, feeder)
    assert slow.data == [1, 2]
    assert g._isStopped()


def test_graphlines_nest_inside_pipelines_and_graphlines():
    """Graphlines and Pipelines nest; data and shutdown pass through every level."""
    inner = wrapped(PureTransformer(lambda x: x * 2))
    middle = Pipeline(inner, PureTransformer(lambda x: x + 1))
    outer = Graphline(
        SRC=DataSource([1, 2, 3]),
        MID=middle,
        linkages={
            ("SRC", "outbox"): ("MID", "inbox"),
            ("SRC", "signal"): ("MID", "control"),
            ("MID", "outbox"): ("self", "outbox"),
            ("MID", "signal"): ("self", "signal"),
        },
    )
    sink = Collector()
    sink.link((outer, "outbox"), (sink, "inbox"))
    sink.link((outer, "signal"), (sink, "control"))
    run(outer, sink)
    assert sink.data == [3, 5, 7]
    assert isinstance(sink.signals[0], producerFinished)


def test_data_on_an_unlinked_inbox_does_not_keep_the_graphline_awake():
    """A message left on the Graphline's unlinked inbox does not make it spin."""
    a = Waiter()
    g = Graphline(A=a)
    g.deliver("nobody reads this", "inbox")
    awake = []

    class Spy(Feeder):
        def main(self):
            yield 1
            for _ in range(100):
                awake.append(not g.scheduler.isThreadPaused(g))
                yield 1
            self.send(shutdownMicroprocess(), "outbox")

    spy = Spy([])
    spy.link((spy, "outbox"), (g, "control"))
    run(g, spy)
    assert sum(awake) <= 2
