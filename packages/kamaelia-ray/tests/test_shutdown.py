"""producerFinished and shutdownMicroprocess cross the cut like any message."""

from __future__ import annotations

from _parts import Collect, Double, Lasts, Source
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.Scheduler import scheduler

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Ray import ComponentRef, RayPart


def test_producer_finished_ends_the_whole_distributed_system() -> None:
    """producerFinished crosses after the data; the remote part, stand-in and system end."""
    source, part, sink = Source(2), RayPart(Double), Collect()
    Pipeline(source, part, sink).activate()
    scheduler.run.runThreads()  # returns only once every component, the stand-in too, ended
    assert sink.got == [0, 2]
    assert isinstance(sink.ended_by, producerFinished)
    # The source sent producerFinished(self): the component crossed as a reference.
    assert sink.ended_by.caller == ComponentRef(source.name, "Source")
    assert part._isStopped()


class Stopper(component):
    """Sends one message, then shutdownMicroprocess on signal."""

    def main(self):  # type: ignore[no-untyped-def]
        self.send("last words", "outbox")
        self.send(shutdownMicroprocess(), "signal")
        yield 1


def test_shutdown_microprocess_stops_the_remote_part_and_comes_back() -> None:
    """The remote part stops on shutdownMicroprocess and its signal reaches the driver."""
    sink = Collect()
    Pipeline(Stopper(), RayPart(Lasts), sink).activate()
    scheduler.run.runThreads()
    assert sink.got == ["last words"]
    assert isinstance(sink.ended_by, shutdownMicroprocess)
    assert not isinstance(sink.ended_by, producerFinished)
