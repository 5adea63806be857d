"""SimpleDetupler: pick one element of each message."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.Detuple import SimpleDetupler


def test_sends_the_chosen_element_and_passes_shutdown_on():
    """msg[index] is sent for each message (None included); the shutdown message is passed on."""
    pf = producerFinished()
    out = drive(SimpleDetupler(1), inbox=[(1, 2), ("a", None, "c"), "xy"], control=[pf])
    assert out.data == [2, None, "y"]
    assert out.signals == [pf]
