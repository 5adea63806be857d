"""The 1.x Selector service, kept as a compatibility layer over the scheduler."""

from __future__ import annotations

import socket

from _net_harness import Probe, Running
from Axon.CoordinatingAssistantTracker import coordinatingassistanttracker
from Axon.Ipc import shutdown

from Kamaelia.Internet.Selector import Selector
from Kamaelia.IPC import newReader, newWriter, removeReader


def test_get_selector_services_creates_then_reuses() -> None:
    """getSelectorServices makes a Selector once; later calls return the same services."""
    tracker = coordinatingassistanttracker()
    service, shutdown_service, new = Selector.getSelectorServices(tracker)
    assert new is not None
    assert service == (new, "notify")
    assert shutdown_service == (new, "control")
    again = Selector.getSelectorServices(tracker)
    assert again == (service, shutdown_service, None)


def test_reader_requests_are_one_shot_and_writers_fire() -> None:
    """newReader sends the socket once when readable; newWriter fires on a writable socket."""
    tracker = coordinatingassistanttracker()
    service, shutdown_service, selector = Selector.getSelectorServices(tracker)
    probe = Probe()
    probe.link((probe, "outbox"), service)
    probe.link((probe, "signal"), shutdown_service)
    left, right = socket.socketpair()
    system = Running(selector, probe)
    try:
        system.call(lambda: probe.send(newReader(probe, ((probe, "inbox"), left)), "outbox"))
        right.send(b"wake")
        system.wait_for(lambda: probe.received == [left], "the readable socket")
        right.send(b"again")  # one-shot: no second notification without a new request
        system.call(lambda: probe.send(newWriter(probe, ((probe, "control"), right)), "outbox"))
        system.wait_for(lambda: probe.controls == [right], "the writable socket")
        assert probe.received == [left]
        system.call(lambda: probe.send(newReader(probe, ((probe, "inbox"), left)), "outbox"))
        system.wait_for(lambda: probe.received == [left, left], "the second read event")
        system.call(lambda: probe.send(removeReader(probe, left), "outbox"))
        system.call(lambda: probe.send(shutdown(), "signal"))
        system.wait_for(selector._isStopped, "the selector to end")
        assert "selector" not in tracker.servicesRegistered()
    finally:
        left.close()
        right.close()
        system.close()
