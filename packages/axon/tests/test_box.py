"""Boxes: size limits (backpressure), lengths along a chain, makeInbox/makeOutbox."""

from __future__ import annotations

import logging

import pytest
from Axon.AxonExceptions import noSpaceInBox
from Axon.Box import makeInbox, makeOutbox
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.testing import run_system


def test_set_inbox_size_raises_no_space_with_len_and_size():
    """A full size-limited inbox makes send raise noSpaceInBox with args (len, size)."""
    a, b = component(), component()
    a.link((a, "outbox"), (b, "inbox"))
    b.setInboxSize("inbox", 2)
    a.send(1)
    a.send(2)
    with pytest.raises(
        noSpaceInBox, match=r"inbox 'inbox' of .* is full \(2 of 2 messages\)"
    ) as info:
        a.send(3)
    assert info.value.args == (2, 2)
    assert list(b.Inbox()) == [1, 2]


def test_pipewidth_limits_the_sink():
    """link(..., pipewidth=n) limits the destination inbox to n messages."""
    a, b = component(), component()
    a.link((a, "outbox"), (b, "inbox"), pipewidth=3)
    for n in range(3):
        a.send(n)
    assert b.inboxes["inbox"].isFull()
    with pytest.raises(noSpaceInBox) as info:
        a.send(3)
    assert info.value.args == (3, 3)


def test_synchronous_limits_the_sink_to_one():
    """link(..., synchronous=True) limits the destination inbox to one message."""
    a, b = component(), component()
    a.link((a, "outbox"), (b, "inbox"), synchronous=True)
    a.send(0)
    with pytest.raises(noSpaceInBox) as info:
        a.send(1)
    assert info.value.args == (1, 1)
    assert b.inboxes["inbox"].getSize() == 1


def test_size_limit_applies_through_a_passthrough_chain():
    """A limit on the final inbox is enforced for senders upstream of a passthrough."""
    source, container, child = component(), component(), component()
    source.link((source, "outbox"), (container, "inbox"))
    container.link((container, "inbox"), (child, "inbox"), passthrough=1)
    child.setInboxSize("inbox", 1)
    source.send("a")
    with pytest.raises(noSpaceInBox):
        source.send("b")
    assert source.outboxes["outbox"].isFull()


def test_removing_the_limit():
    """setInboxSize(box, None) removes the limit."""
    a, b = component(), component()
    a.link((a, "outbox"), (b, "inbox"))
    b.setInboxSize("inbox", 1)
    b.setInboxSize("inbox", None)
    for n in range(5):
        a.send(n)
    assert b.dataReady() == 5


def test_outbox_cannot_be_size_limited():
    """Only inboxes can be size-limited."""
    c = component()
    with pytest.raises(TypeError, match="only inboxes can be size-limited"):
        c.outboxes["outbox"].setSize(3)


def test_backpressure_producer_is_woken_when_consumer_receives():
    """A producer that paused on noSpaceInBox is woken by the consumer's recv; nothing is lost."""
    received: list[int] = []
    full_count = [0]

    class Producer(component):
        def main(self):
            for n in range(50):
                while True:
                    try:
                        self.send(n)
                        break
                    except noSpaceInBox:
                        full_count[0] += 1
                        self.pause()
                        yield 1
            self.send(producerFinished(), "signal")

    class Consumer(component):
        def main(self):
            while True:
                if self.dataReady("inbox"):
                    received.append(self.recv("inbox"))
                    yield 1  # one message per step, so the producer keeps meeting a full box
                    continue
                if self.dataReady("control"):
                    return
                self.pause()
                yield 1

    producer, consumer = Producer(), Consumer()
    producer.link((producer, "outbox"), (consumer, "inbox"), pipewidth=2)
    producer.link((producer, "signal"), (consumer, "control"))
    run_system(producer, consumer, timeout=5)
    assert received == list(range(50))
    assert full_count[0] > 0  # the test really exercised the full-box path


def test_len_vs_local_len_on_a_forwarding_inbox():
    """len() of a forwarding box counts the final inbox; local_len() counts its own queue."""
    source, container, child = component(), component(), component()
    source.link((source, "outbox"), (container, "inbox"))
    container.link((container, "inbox"), (child, "inbox"), passthrough=1)
    source.send("m")
    box = container.inboxes["inbox"]
    assert len(box) == 1
    assert box.local_len() == 0
    assert child.inboxes["inbox"].local_len() == 1
    assert len(source.outboxes["outbox"]) == 1


def test_outbox_pop_raises_index_error():
    """An outbox holds nothing: popping from it raises IndexError."""
    c = component()
    with pytest.raises(IndexError):
        c.outboxes["outbox"].pop()


def test_make_inbox_calls_notify_and_make_outbox_feeds_it():
    """makeInbox's notify is called for each arrival; a linked makeOutbox delivers into it."""
    calls: list[int] = []
    inbox = makeInbox(lambda: calls.append(1), size=2)
    outbox = makeOutbox(None)
    inbox.addsource(outbox)
    outbox.append("x")
    outbox.append("y")
    assert calls == [1, 1]
    assert len(inbox) == 2
    assert inbox.pop() == "x"
    assert inbox.getSize() == 2
    inbox.append("z")
    with pytest.raises(noSpaceInBox):
        outbox.append("w")
    inbox.removesource(outbox)
    outbox.append("dropped")
    assert [inbox.pop(), inbox.pop()] == ["y", "z"]


def test_show_transit_logs_arrivals(caplog):
    """setShowTransit logs each message arriving in the box on logger Axon.transit."""
    a, b = component(), component()
    a.link((a, "outbox"), (b, "inbox"))
    b.inboxes["inbox"].setShowTransit(True, "tagged")
    with caplog.at_level("INFO", logger="Axon.transit"):
        a.send("hello")
    assert "tagged: 'hello' arrives in inbox" in caplog.text
    assert b.recv() == "hello"


def test_recv_on_a_forwarding_inbox_takes_from_the_final_inbox():
    """As in 1.x, recv on a forwarded inbox pops from the final inbox of its chain."""
    container, child = component(), component()
    container.link((container, "inbox"), (child, "inbox"), passthrough=1)
    child.deliver("x")
    assert container.dataReady() == 0
    assert container.recv() == "x"
    assert child.dataReady() == 0


def test_module_flag_show_all_transits(monkeypatch, caplog):
    """Setting the 1.x module flag Axon.Box.ShowAllTransits logs every arrival on links made afterwards."""
    import Axon.Box

    monkeypatch.setattr(Axon.Box, "ShowAllTransits", True)
    a, b = component(), component()
    a.link((a, "outbox"), (b, "inbox"))
    with caplog.at_level("INFO", logger="Axon.transit"):
        a.send("traced")
    assert "'traced' arrives in inbox" in caplog.text


def test_module_flag_trace_all_sends(monkeypatch, caplog):
    """Setting the 1.x module flag Axon.Component.TraceAllSends traces sends of components made afterwards."""
    import Axon.Component

    monkeypatch.setattr(Axon.Component, "TraceAllSends", True)
    c = component()
    with caplog.at_level("INFO", logger="Axon.trace"):
        c.send("traced send")
    assert "traced send" in caplog.text


def test_set_inbox_size_on_unknown_box_names_component_and_boxes():
    """setInboxSize on a box the component lacks raises a KeyError naming the component and its inboxes."""
    c = component()
    with pytest.raises(KeyError, match=r"has no inbox 'nope'; its inboxes are: control, inbox"):
        c.setInboxSize("nope", 1)


def test_box_pop_takes_by_index_like_1x_list():
    """postbox.pop() takes the oldest message and pop(i) the i-th, as 1.x's list storage did."""
    c = component()
    for message in ("a", "b", "c"):
        c.deliver(message)
    box = c.inboxes["inbox"]
    assert box.pop(1) == "b"
    assert box.pop() == "a"
    assert c.recv() == "c"
    with pytest.raises(IndexError):
        box.pop()


def test_removing_a_box_that_is_not_a_source_does_nothing():
    """removesource() of a box that does not feed this one leaves everything as it was."""
    a, b = component(), component()
    a.link((a, "outbox"), (b, "inbox"))
    b.inboxes["inbox"].removesource(b.outboxes["outbox"])
    a.send("still linked")
    assert b.recv() == "still linked"


def test_make_inbox_without_size_calls_notify_on_append():
    """makeInbox(callback) with no size: append() stores the message and calls the callback (1.x)."""
    calls: list[str] = []
    inbox = makeInbox(lambda: calls.append("notified"))
    inbox.append("x")
    inbox.append("y")
    assert calls == ["notified", "notified"]
    assert [inbox.pop(), inbox.pop()] == ["x", "y"]


def test_collecting_wakes_a_producer_paused_on_an_unlimited_inbox():
    """A producer that sends, pauses and waits for its message to be taken is woken by the recv."""
    count = 20
    received: list[int] = []

    class Producer(component):
        def main(self):
            for n in range(count):
                self.send(n)
                self.pause()  # until the consumer has taken it (1.x wakeOnPop)
                yield 1
            self.send(producerFinished(), "signal")

    class Consumer(component):
        def main(self):
            while not self.dataReady("control"):
                for _ in range(3):
                    yield 1  # slower than the producer: it really sleeps in between
                received.extend(self.Inbox())
            received.extend(self.Inbox())

    producer, consumer = Producer(), Consumer()
    producer.link((producer, "outbox"), (consumer, "inbox"))
    producer.link((producer, "signal"), (consumer, "control"))
    run_system(producer, consumer, timeout=5)
    assert received == list(range(count))


def test_realsink_is_a_list_that_notifies_limits_and_wakes_on_pop():
    """1.x realsink(notify, size): append calls notify, refuses past size, pop calls wakeOnPop."""
    from Axon.Box import realsink

    events: list[str] = []
    sink = realsink(lambda: events.append("notify"), size=2)
    sink.wakeOnPop.append(lambda: events.append("popped"))
    sink.append("a")
    sink.append("b")
    with pytest.raises(noSpaceInBox) as info:
        sink.append("c")
    assert info.value.args == (2, 2)
    assert sink.pop(0) == "a"
    assert list(sink) == ["b"]
    assert events == ["notify", "notify", "popped"]


def test_nullsink_discards_everything():
    """1.x nullsink: append discards, len is 0, pop raises IndexError."""
    from Axon.Box import nullsink

    sink = nullsink()
    sink.append("gone")
    assert len(sink) == 0
    with pytest.raises(IndexError, match="nullsink"):
        sink.pop(0)


def test_sinks_log_transits_when_asked(caplog):
    """setShowTransit(True, tag) logs each delivery on logger Axon.transit (1.x printed it)."""
    from Axon.Box import nullsink, realsink

    caplog.set_level(logging.INFO, logger="Axon.transit")
    real, null = realsink(lambda: None), nullsink()
    real.setShowTransit(True, "T1")
    null.setShowTransit(True, "T2")
    real.append("kept")
    null.append("dropped")
    assert "[T1] of 'kept'" in caplog.text
    assert "[T2] of 'dropped'" in caplog.text


def test_collection_wakes_the_one_producer_left_after_others_unlink(axon_scheduler):
    """Producers sharing an unlimited inbox are not woken by collection (that would cost
    O(producers) per message); once the others unlink, the one left is woken again."""
    from Axon.testing import StepScheduler

    sched = StepScheduler()
    first, second, consumer = component(), component(), component()
    link_a = first.link((first, "outbox"), (consumer, "inbox"))
    link_b = second.link((second, "outbox"), (consumer, "inbox"))

    for producer in (first, second):
        producer._sleeping = True  # as if each had sent and paused
        producer.scheduler = sched
    first.send("a")
    consumer.recv()
    assert first._sleeping
    assert second._sleeping
    second.unlink(thelinkage=link_b)
    first.send("b")
    woken: list = []
    sched._wake = woken.append  # what a wake asks of the scheduler
    consumer.recv()
    assert woken == [first]
    first.unlink(thelinkage=link_a)
