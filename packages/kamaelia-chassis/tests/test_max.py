"""Max: maximum of each collection."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.Max import Max


def test_sends_the_maximum_of_each_message():
    """Each collection received gives its largest value."""
    out = drive(Max(), inbox=[[1, 5, 2], (7,), "abc"], control=[producerFinished()])
    assert out.data == [5, 7, "c"]
