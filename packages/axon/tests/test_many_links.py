"""Components with thousands of links and children (servers): unlinking one touches only its own."""

from __future__ import annotations

import time

from Axon.Component import component


def _server_with_connections(n: int) -> tuple[component, list[tuple[component, component]]]:
    server = component()
    pairs = []
    for _ in range(n):
        a, b = component(), component()
        server.link((a, "outbox"), (b, "inbox"))
        server.link((b, "outbox"), (a, "inbox"))
        server.addChildren(a, b)
        pairs.append((a, b))
    server.link((server, "outbox"), (pairs[0][0], "control"))
    return server, pairs


def test_unlink_of_one_component_breaks_exactly_its_links():
    """unlink(thecomponent=a) breaks a's links and leaves every other link in place."""
    server, pairs = _server_with_connections(200)
    a, b = pairs[100]
    server.unlink(thecomponent=a)
    remaining = server.postoffice.linkages
    assert all(a not in (k.source, k.sink) for k in remaining)
    assert len(remaining) == 2 * 200 + 1 - 2
    b.send("still linked? no", "outbox")  # b's outbox led to a: now it leads nowhere
    assert not a.dataReady("inbox")
    c, d = pairs[101]
    c.send("hello", "outbox")
    assert d.recv("inbox") == "hello"


def test_remove_child_forgets_the_child_and_its_links():
    """removeChild drops the child from children, its wake-up and its links; others stay."""
    server, pairs = _server_with_connections(50)
    a = pairs[10][0]
    server.removeChild(a)
    assert a not in server.children
    assert len(server.children) == 99
    assert server.childComponents() == [c for pair in pairs for c in pair if c is not a]
    assert server.unpause not in a._callOnCloseDown
    assert all(a not in (k.source, k.sink) for k in server.postoffice.linkages)
    server.removeChild(a)  # a second time is harmless
    assert len(server.children) == 99


def test_children_still_behaves_like_the_1x_list():
    """children iterates in adoption order, unpacks, indexes and compares like a list."""
    parent, a, b, c = component(), component(), component(), component()
    parent.addChildren(a, b, c)
    assert list(parent.children) == [a, b, c]
    assert parent.children == [a, b, c]
    assert parent.children[1] is b
    assert parent.children[-1] is c
    assert [*parent.children] == [a, b, c]
    assert len(parent.children) == 3
    assert repr(parent.children) == repr([a, b, c])
    parent.removeChild(b)
    assert parent.children == [a, c]


def test_many_sources_of_one_inbox_are_dropped_one_by_one():
    """An inbox fed by many outboxes keeps delivering from the rest as each is unlinked."""
    hub = component()
    feeders = [component() for _ in range(300)]
    links = [hub.link((f, "outbox"), (hub, "inbox")) for f in feeders]
    for link in links[::2]:
        hub.unlink(thelinkage=link)
    for n, feeder in enumerate(feeders):
        feeder.send(n, "outbox")
    assert [hub.recv("inbox") for _ in range(hub.dataReady("inbox"))] == list(range(1, 300, 2))


def _cost_of_closing(open_pairs: int, closes: int = 100) -> float:
    """Best of 3: seconds to unlink and remove `closes` connections beside `open_pairs` open."""
    best = float("inf")
    for _ in range(3):
        server, pairs = _server_with_connections(open_pairs + closes)
        closing = [c for pair in pairs[-closes:] for c in pair]
        server.unlink(thecomponent=pairs[0][0])  # the first close builds the index, once
        started = time.perf_counter()
        for child in closing:
            server.unlink(thecomponent=child)
            server.removeChild(child)
        best = min(best, time.perf_counter() - started)
    return best


def test_closing_a_connection_costs_the_same_beside_thousands_open():
    """unlink(thecomponent=) and removeChild touch one component's links, not all of them.

    Before, each scanned every link and rebuilt the children list, so a close
    beside 5,000 open connections cost hundreds of times what it cost alone.
    The bound is loose, for a noisy machine.
    """
    alone = _cost_of_closing(0)
    crowded = _cost_of_closing(5000)
    assert crowded < 10 * alone, (
        f"{crowded * 1e6:.0f} µs beside 5,000 vs {alone * 1e6:.0f} µs alone"
    )
