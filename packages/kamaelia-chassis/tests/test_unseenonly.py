"""UnseenOnly: drop repeats."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.UnseenOnly import UnseenOnly


def test_passes_each_distinct_message_once():
    """A message seen before is not sent again."""
    out = drive(UnseenOnly(), inbox=[1, 2, 1, 3, 2, 4], control=[producerFinished()])
    assert out.data == [1, 2, 3, 4]
