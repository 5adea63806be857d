"""TagWithSequenceNumber: (n, msg) pairs."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.TagWithSequenceNumber import TagWithSequenceNumber


def test_numbers_messages_from_initial():
    """Messages are tagged with consecutive numbers starting at ``initial``."""
    out = drive(TagWithSequenceNumber(5), inbox=["a", "b"], control=[producerFinished()])
    assert out.data == [(5, "a"), (6, "b")]
