"""PromptedTurnstile: one message per request."""

from _chassis_testkit import Collector, Feeder, run
from Axon.Ipc import producerFinished

from Kamaelia.Util.PromptedTurnstile import PromptedTurnstile


def test_releases_one_message_per_next_and_drains_before_finishing():
    """Each "next" releases one buffered message; producerFinished waits for the buffer to empty."""
    turnstile = PromptedTurnstile()
    data = Feeder([("outbox", "a"), ("outbox", "b"), ("signal", producerFinished())])
    nexts = Feeder([("outbox", "go"), ("outbox", "go")], delay=10)
    data.link((data, "outbox"), (turnstile, "inbox"))
    data.link((data, "signal"), (turnstile, "control"))
    nexts.link((nexts, "outbox"), (turnstile, "next"))
    sink = Collector()
    sink.link((turnstile, "outbox"), (sink, "inbox"))
    sink.link((turnstile, "signal"), (sink, "control"))
    run(data, nexts, turnstile, sink)
    assert sink.data == ["a", "b"]
    assert isinstance(sink.signals[0], producerFinished)
