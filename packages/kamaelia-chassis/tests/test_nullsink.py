"""nullSinkComponent: discard everything, stop on shutdown."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.NullSink import nullSinkComponent


def test_discards_data_and_passes_shutdown_on():
    """Inbox messages vanish; a shutdown message stops it and is sent on signal."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        comp = nullSinkComponent()
        out = drive(comp, inbox=[1, 2, 3], control=[stop])
        assert out.data == []
        assert out.signals == [stop]
        assert not comp.dataReady("inbox")
