"""LossyConnector: drop what does not fit, and count it."""

from _chassis_testkit import Collector, run
from Axon.Ipc import producerFinished

from Kamaelia.Util.LossyConnector import LossyConnector


def test_drops_messages_the_destination_has_no_room_for():
    """With a one-slot destination, messages beyond it are dropped and counted."""
    lossy = LossyConnector()
    sink = Collector()
    sink.setInboxSize("inbox", 1)
    # Deliver all three in one go, before the sink can take any.
    lossy.deliver(1)
    lossy.deliver(2)
    lossy.deliver(3)
    lossy.deliver(producerFinished(), "control")
    sink.link((lossy, "outbox"), (sink, "inbox"))
    sink.link((lossy, "signal"), (sink, "control"))
    run(lossy, sink)
    assert sink.data == [1]
    assert lossy.dropped == 2
