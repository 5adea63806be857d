"""Links: passthrough 0/1/2, chains, one-to-many, many-to-one, unlink and link-time errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
from Axon.AxonExceptions import BoxAlreadyLinkedToDestination, UnknownBox
from Axon.Component import component
from Axon.Linkage import linkage
from Axon.Postoffice import postoffice


def test_passthrough_0_outbox_to_inbox():
    """passthrough=0 links an outbox to an inbox."""
    a, b = component(), component()
    a.link((a, "outbox"), (b, "inbox"))
    a.send("m")
    assert list(b.Inbox()) == ["m"]


def test_passthrough_1_inbox_to_inbox():
    """passthrough=1 forwards a container's inbox to a child's inbox: the message lands in the child."""
    source, container, child = component(), component(), component()
    source.link((source, "outbox"), (container, "inbox"))
    container.link((container, "inbox"), (child, "inbox"), passthrough=1)
    source.send("m")
    assert container.dataReady("inbox") == 0
    assert list(child.Inbox()) == ["m"]


def test_passthrough_2_outbox_to_outbox():
    """passthrough=2 surfaces a child's outbox on its container's outbox."""
    child, container, sink = component(), component(), component()
    container.link((child, "outbox"), (container, "outbox"), passthrough=2)
    container.link((container, "outbox"), (sink, "inbox"))
    child.send("m")
    assert list(sink.Inbox()) == ["m"]


def test_chain_of_passthroughs_delivers_straight_to_final_inbox():
    """Through nested containers (1,1 inward and 2,2 outward) a send goes straight to the final inbox."""
    source, outer, middle, inner, sink = (component() for _ in range(5))
    source.link((source, "outbox"), (outer, "inbox"))
    outer.link((outer, "inbox"), (middle, "inbox"), passthrough=1)
    middle.link((middle, "inbox"), (inner, "inbox"), passthrough=1)
    middle.link((inner, "outbox"), (middle, "outbox"), passthrough=2)
    outer.link((middle, "outbox"), (outer, "outbox"), passthrough=2)
    outer.link((outer, "outbox"), (sink, "inbox"))
    source.send("in")
    assert [outer.dataReady(), middle.dataReady(), inner.dataReady()] == [0, 0, 1]
    assert inner.recv() == "in"
    inner.send("out")
    assert list(sink.Inbox()) == ["out"]


def test_chain_built_in_reverse_order_resolves_too():
    """Links made downstream-first resolve to the final inbox just the same."""
    source, container, child = component(), component(), component()
    container.link((container, "inbox"), (child, "inbox"), passthrough=1)
    source.link((source, "outbox"), (container, "inbox"))
    source.send("m")
    assert list(child.Inbox()) == ["m"]


def test_messages_queued_in_forwarding_inbox_move_when_linked():
    """Messages waiting in an inbox move on to the child when the inbox is linked onward."""
    container, child = component(), component()
    container.deliver(1)
    container.deliver(2)
    container.link((container, "inbox"), (child, "inbox"), passthrough=1)
    assert container.dataReady() == 0
    assert list(child.Inbox()) == [1, 2]


def test_one_to_many_is_refused():
    """An outbox feeds one destination: a second link raises BoxAlreadyLinkedToDestination."""
    a, b, c = component(), component(), component()
    a.link((a, "outbox"), (b, "inbox"))
    with pytest.raises(BoxAlreadyLinkedToDestination):
        a.link((a, "outbox"), (c, "inbox"))
    a.send("m")
    assert (b.dataReady(), c.dataReady()) == (1, 0)


def test_many_to_one_works():
    """Several outboxes may feed one inbox, messages arriving in send order."""
    a, b, sink = component(), component(), component()
    a.link((a, "outbox"), (sink, "inbox"))
    b.link((b, "outbox"), (sink, "inbox"))
    a.send("a1")
    b.send("b1")
    a.send("a2")
    assert list(sink.Inbox()) == ["a1", "b1", "a2"]


def test_unlink_stops_delivery_and_keeps_delivered_messages():
    """After unlink, sends no longer arrive; messages already delivered stay."""
    a, b = component(), component()
    link = a.link((a, "outbox"), (b, "inbox"))
    a.send(1)
    a.unlink(thelinkage=link)
    a.send(2)
    assert list(b.Inbox()) == [1]
    assert a.postoffice.linkages == []


def test_unlink_then_relink_elsewhere():
    """An outbox freed by unlink can be linked to a new destination."""
    a, b, c = component(), component(), component()
    a.link((a, "outbox"), (b, "inbox"))
    a.unlink(thecomponent=b)
    a.link((a, "outbox"), (c, "inbox"))
    a.send("m")
    assert (b.dataReady(), c.dataReady()) == (0, 1)


def test_unlinked_outbox_drops_silently():
    """Sending from an outbox linked to nothing drops the message without error."""
    a = component()
    a.send("nowhere")
    assert len(a.outboxes["outbox"]) == 0


def test_link_to_missing_inbox_raises_at_link_time():
    """Linking to an inbox the sink lacks raises at link time, naming component, box and choices."""
    a, b = component(), component()
    with pytest.raises(
        UnknownBox, match=rf"{b.name}.* has no inbox 'inbx'; its inboxes are: control, inbox"
    ):
        a.link((a, "outbox"), (b, "inbx"))
    assert a.postoffice.linkages == []


def test_link_from_missing_outbox_raises_at_link_time():
    """Linking from an outbox the source lacks raises a KeyError naming it and the choices."""
    a, b = component(), component()
    with pytest.raises(KeyError, match=r"has no outbox 'out'; its outboxes are: outbox, signal"):
        a.link((a, "out"), (b, "inbox"))


def test_link_to_a_class_is_a_clear_type_error():
    """Linking to a class instead of an instance raises a TypeError saying so."""
    a = component()
    with pytest.raises(TypeError, match="not a component"):
        a.link((a, "outbox"), (component, "inbox"))


def test_bad_passthrough_value():
    """passthrough must be 0, 1 or 2."""
    a, b = component(), component()
    with pytest.raises(ValueError, match="passthrough must be 0, 1 or 2, not 3"):
        a.link((a, "outbox"), (b, "inbox"), passthrough=3)


def test_postoffice_unlink_by_component_affects_only_its_own_links():
    """postoffice.unlink(thecomponent=...) breaks only links that postoffice made."""
    a, c, sink = component(), component(), component()
    mine, theirs = postoffice("mine"), postoffice("theirs")
    mine.link((a, "outbox"), (sink, "inbox"))
    theirs.link((c, "outbox"), (sink, "inbox"))
    mine.unlink(thecomponent=sink)
    a.send("a")
    c.send("c")
    assert list(sink.Inbox()) == ["c"]
    assert mine.linkages == []
    assert len(theirs.linkages) == 1


def test_postoffice_unlink_ignores_unknown_linkage():
    """Unlinking a linkage that this postoffice did not make does nothing."""
    a, b = component(), component()
    other = postoffice()
    link = a.link((a, "outbox"), (b, "inbox"))
    other.unlink(thelinkage=link)
    a.send("m")
    assert b.dataReady() == 1


def test_postoffice_unlink_all_and_registration():
    """unlinkAll breaks every link; islinkageregistered reports membership."""
    a, b = component(), component()
    po = postoffice()
    link = po.link((a, "outbox"), (b, "inbox"))
    assert po.islinkageregistered(link)
    po.unlinkAll()
    assert not po.islinkageregistered(link)
    a.send("m")
    assert b.dataReady() == 0


def test_linkage_str_and_pairs():
    """A linkage describes its ends: sourcePair, sinkPair and the 1.x __str__."""
    a, b = component(), component()
    link = a.link((a, "signal"), (b, "control"))
    assert link.sourcePair() == (a, "signal")
    assert link.sinkPair() == (b, "control")
    assert str(link) == f"Link( source:[{a.name},signal], sink:[{b.name},control] )"
    assert link.short_str().endswith(f",signal):(component_{b.id},control)")


def test_linkage_defaults():
    """linkage() defaults to outbox -> inbox with passthrough 0 and makes no link itself."""
    a, b = component(), component()
    link = linkage(a, b)
    assert (link.sourcebox, link.sinkbox, link.passthrough) == ("outbox", "inbox", 0)
    a.send("m")
    assert b.dataReady() == 0


def test_passthrough_loop_is_refused_not_a_hang():
    """Linking inboxes into a loop (a -> b -> a) raises at link time instead of hanging."""
    code = (
        "from Axon.Component import component\n"
        "a, b = component(), component()\n"
        "a.link((a, 'inbox'), (b, 'inbox'), passthrough=1)\n"
        "try:\n"
        "    b.link((b, 'inbox'), (a, 'inbox'), passthrough=1)\n"
        "except Exception as error:\n"
        "    print('refused:', type(error).__name__, error)\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=5
        )
    except subprocess.TimeoutExpired:
        pytest.fail(
            "linking a passthrough loop hangs (endless walk of the chain) instead of raising"
        )
    assert result.stdout.startswith("refused:"), result.stdout + result.stderr


def test_postoffice_str_is_the_1x_format():
    """str(postoffice) reads as in 1.x: its debug name ("NAME:debug "), then its links."""
    plain, named = postoffice(), postoffice(debugname="flurble")
    assert named.debugname == "flurble:debug "
    a, b = component(), component()
    link = named.link((a, "outbox"), (b, "inbox"))
    assert str(plain) == "{{ POSTOFFICE: links [] }}"
    assert str(named) == "{{ POSTOFFICE: flurble:debug links [" + repr(link) + "] }}"
