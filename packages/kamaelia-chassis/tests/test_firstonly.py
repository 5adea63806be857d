"""FirstOnly: only the first message passes."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.FirstOnly import FirstOnly


def test_sends_only_the_first_message():
    """The first inbox message is sent, the rest dropped; control stops it and is passed on."""
    pf = producerFinished()
    out = drive(FirstOnly(), inbox=["a", "b", "c"], control=[pf])
    assert out.data == ["a"]
    assert out.signals == [pf]
