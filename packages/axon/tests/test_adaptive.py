"""AdaptiveCommsComponent: boxes added and removed at run time, tracked resources."""

from __future__ import annotations

import pytest
from Axon.AdaptiveCommsComponent import AdaptiveCommsComponent
from Axon.AxonExceptions import UnknownBox
from Axon.Component import component
from Axon.testing import run_system

# Every test here also runs inside asyncio (see conftest's testing_waits).
pytestmark = pytest.mark.usefixtures("testing_waits")


def test_add_inbox_and_outbox_return_names():
    """addInbox/addOutbox add boxes and return their names."""
    c = AdaptiveCommsComponent()
    assert c.addInbox("data") == "data"
    assert c.addOutbox("results") == "results"
    assert "data" in c.inboxes
    assert "results" in c.outboxes


def test_taken_names_are_made_unique():
    """A taken name gets a number appended until unique."""
    c = AdaptiveCommsComponent()
    second = c.addInbox("inbox")
    third = c.addInbox("inbox")
    assert second.startswith("inbox")
    assert second != "inbox"
    assert len({"inbox", second, third}) == 3
    assert {second, third} <= set(c.inboxes)
    out = c.addOutbox("outbox")
    assert out != "outbox"
    assert out in c.outboxes


def test_delete_boxes():
    """deleteInbox/deleteOutbox remove the boxes."""
    c = AdaptiveCommsComponent()
    name = c.addInbox("temp")
    c.deleteInbox(name)
    c.deleteOutbox("signal")
    assert name not in c.inboxes
    assert "signal" not in c.outboxes
    with pytest.raises(KeyError, match="has no outbox 'signal'"):
        c.send("x", "signal")


def test_added_boxes_can_be_linked_and_used():
    """An added outbox can be linked to an added inbox and carries messages."""
    a, b = AdaptiveCommsComponent(), AdaptiveCommsComponent()
    out, inb = a.addOutbox("to_b"), b.addInbox("from_a")
    a.link((a, out), (b, inb))
    a.send("hi", out)
    assert b.recv(inb) == "hi"


def test_track_resource():
    """trackResource/retrieveTrackedResource associate a resource with an inbox."""
    c = AdaptiveCommsComponent()
    name = c.addInbox("conn")
    c.trackResource("socket-1", name)
    assert c.retrieveTrackedResource(name) == "socket-1"


def test_track_resource_on_missing_inbox_is_a_key_error():
    """Tracking a resource against an inbox that does not exist raises a KeyError naming it."""
    c = AdaptiveCommsComponent()
    with pytest.raises(UnknownBox, match="has no inbox 'ghost'"):
        c.trackResource("r", "ghost")
    with pytest.raises(KeyError):
        c.trackResource("r", "ghost")


def test_track_resource_information_round_trip():
    """trackResourceInformation stores (inboxes, outboxes, info) until ceaseTrackingResource."""
    c = AdaptiveCommsComponent()
    i, o = c.addInbox("in"), c.addOutbox("out")
    c.trackResourceInformation("res", [i], [o], {"peer": "127.0.0.1"})
    assert c.retrieveTrackedResourceInformation("res") == ([i], [o], {"peer": "127.0.0.1"})
    c.ceaseTrackingResource("res")
    with pytest.raises(KeyError):
        c.retrieveTrackedResourceInformation("res")


def test_track_resource_information_checks_boxes():
    """trackResourceInformation refuses boxes that do not exist."""
    c = AdaptiveCommsComponent()
    with pytest.raises(UnknownBox, match="has no outbox 'nowhere'"):
        c.trackResourceInformation("res", ["inbox"], ["nowhere"], None)


def test_box_added_while_running_receives_messages():
    """A running adaptive component can add an inbox, link to it and receive on it."""
    got: list = []
    feeder = component()

    class Grower(AdaptiveCommsComponent):
        def main(self):
            name = self.addInbox("late")
            self.link((feeder, "outbox"), (self, name))
            feeder.send("arrived")
            yield 1
            got.append(self.recv(name))

    run_system(Grower(), timeout=5)
    assert got == ["arrived"]


def test_keyword_arguments_become_attributes():
    """AdaptiveCommsComponent keeps the component rule: keyword args become attributes."""
    assert AdaptiveCommsComponent(limit=3).limit == 3
