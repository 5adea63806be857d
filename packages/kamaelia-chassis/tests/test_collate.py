"""Collate: everything as one list at the end."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.Collate import Collate


def test_sends_one_list_then_the_shutdown_message():
    """On shutdown, every message received goes out as one list, then the message on signal."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        out = drive(Collate(), inbox=[1, "two", 3], control=["note", stop])
        assert out.data == [[1, "two", 3]]
        assert out.signals == ["note", stop]
