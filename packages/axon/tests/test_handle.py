"""background + Handle: driving a component from ordinary blocking code."""

from __future__ import annotations

import queue
import time
import warnings

import pytest
from Axon.background import background
from Axon.Component import component
from Axon.Handle import Handle
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.Scheduler import scheduler


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


def start_background(before):
    """Start a zapping background scheduler and wait (bounded) until it has installed itself."""
    bg = background(zap=True)
    bg.start()
    for _ in range(2000):
        if scheduler.run is not before:
            return bg
        time.sleep(0.001)
    raise AssertionError("background scheduler did not start")


def finish_background(bg):
    """Join the background thread; if it is still running after 5 s, stop its scheduler so no thread leaks."""
    bg.join(5)
    alive = bg.is_alive()
    if alive:
        scheduler.run.stop()
        bg.join(5)
    return alive


def test_handle_put_and_get(axon_scheduler):
    """Numbers put into a doubling component come back doubled through Handle.get; the thread then ends."""
    bg = start_background(axon_scheduler)
    handle = Handle(Doubler()).activate()
    try:
        with pytest.raises(queue.Empty):
            handle.get("outbox")
        for n in range(5):
            handle.put(n, "inbox")
        results = [handle.get("outbox", timeout=5) for _ in range(5)]
        assert results == [0, 2, 4, 6, 8]
        handle.put(producerFinished(), "control")
        assert isinstance(handle.get("signal", timeout=5), producerFinished)
    finally:
        still_running = finish_background(bg)
    assert not still_running


def test_put_right_after_activate_is_not_lost(axon_scheduler):
    """Data put() straight after activate(), before the scheduler has run the Handle, is still delivered."""
    handle = Handle(Doubler()).activate()
    handle.put(21, "inbox")  # queued before the Handle's main() has had a chance to run
    handle.put(producerFinished(), "control")
    bg = background()  # runs the fixture's fresh default scheduler
    bg.start()
    try:
        assert handle.get("outbox", timeout=5) == 42
    finally:
        still_running = finish_background(bg)
    assert not still_running


def test_only_one_background_at_a_time(axon_scheduler):
    """A second background scheduler while one runs raises RuntimeError."""

    class Holder(component):
        released = False

        def main(self):
            while not self.released:
                self.pause()
                yield 1

    bg = start_background(axon_scheduler)
    holder = Holder().activate()
    try:
        with pytest.raises(RuntimeError, match="only one background scheduler"):
            background()
    finally:
        holder.released = True
        holder.unpause()
        still_running = finish_background(bg)
    assert not still_running


def test_put_before_activate_is_a_clear_error():
    """put() on a Handle that is not running raises RuntimeError saying to activate it."""
    handle = Handle(Doubler())
    with pytest.raises(RuntimeError, match="activate it"):
        handle.put(1)


def test_get_with_timeout_waits_for_the_message(axon_scheduler):
    """get(timeout=) blocks until the component sends, without polling."""
    bg = start_background(axon_scheduler)
    handle = Handle(Doubler()).activate()
    try:
        handle.put(4, "inbox")
        assert handle.get("outbox", timeout=5) == 8
        handle.put(producerFinished(), "control")
        assert isinstance(handle.get("signal", timeout=5), producerFinished)
    finally:
        still_running = finish_background(bg)
    assert not still_running


def test_get_with_timeout_raises_empty_when_nothing_comes(axon_scheduler):
    """With nothing sent, get(timeout=) gives up after the timeout with queue.Empty."""
    handle = Handle(Doubler())
    with pytest.raises(queue.Empty):
        handle.get("outbox", timeout=0.01)


def test_get_without_a_timeout_returns_at_once(axon_scheduler):
    """The 1.x form never waits: get() with nothing sent raises queue.Empty straight away."""
    handle = Handle(Doubler())
    with pytest.raises(queue.Empty):
        handle.get("outbox")


def test_get_waiting_forever_ends_when_the_component_finishes(axon_scheduler):
    """get(timeout=None) waits for a message, but not past the end of the component."""
    bg = start_background(axon_scheduler)
    handle = Handle(Doubler()).activate()
    try:
        handle.put(producerFinished(), "control")
        assert isinstance(handle.get("signal", timeout=None), producerFinished)
        with pytest.raises(queue.Empty):
            handle.get("outbox", timeout=None)
    finally:
        still_running = finish_background(bg)
    assert not still_running


def test_put_after_the_component_finished_warns_once_and_drops(axon_scheduler):
    """As in 1.x the message is dropped, but a RuntimeWarning names the component, once."""
    bg = start_background(axon_scheduler)
    handle = Handle(Doubler()).activate()
    try:
        handle.put(producerFinished(), "control")
        handle.get("signal", timeout=5)
        assert not finish_background(bg)
        with pytest.warns(RuntimeWarning, match=r"Doubler.*has finished.*dropped 1 on 'inbox'"):
            handle.put(1, "inbox")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            handle.put(2, "inbox")  # dropped quietly: warned once already
    finally:
        finish_background(bg)


class PrivateWiring(component):
    """Doubles through a child it wires to its own private ("_") boxes when it starts, as 1.x
    components such as SimpleHTTPClient do."""

    Inboxes = {"inbox": "numbers", "control": "stop", "_fromChild": "doubled numbers"}
    Outboxes = {
        "outbox": "doubled numbers",
        "signal": "stop",
        "_toChild": "numbers",
        "_stopChild": "stop",
    }

    def main(self):
        child = Doubler()
        self.link((self, "_toChild"), (child, "inbox"))
        self.link((child, "outbox"), (self, "_fromChild"))
        self.link((self, "_stopChild"), (child, "control"))
        self.addChildren(child)
        child.activate()
        while not self.dataReady("control"):
            for value in self.Inbox("inbox"):
                self.send(value, "_toChild")
            for value in self.Inbox("_fromChild"):
                self.send(value, "outbox")
            self.pause()
            yield 1
        self.send(self.recv("control"), "_stopChild")


def test_handle_leaves_private_boxes_to_the_component(axon_scheduler):
    """Handle wires only the public boxes, so a component may link its "_" boxes itself (1.x)."""
    bg = start_background(axon_scheduler)
    handle = Handle(PrivateWiring()).activate()
    try:
        handle.put(21, "inbox")
        assert handle.get("outbox", timeout=5) == 42
        handle.put(producerFinished(), "control")
    finally:
        still_running = finish_background(bg)
    assert not still_running
