"""IntelligentFileReader: read a file (or FIFO, or device) without flooding its consumer.

::

    Pipeline(IntelligentFileReader("/dev/urandom", 1024, 5), consumer).run()

It reads ``chunksize`` bytes at a time and sends them out of ``outbox``, but
stops reading while ``maxqueue`` or more of its chunks wait, uncollected, in
the destination inbox. It then sleeps until the consumer collects one (Axon
wakes a sleeping producer when its message is taken, as 1.x did) or, the way
1.x documented, any message arrives on its ``inbox``. Pipes, FIFOs and devices are
read without blocking the scheduler (on the scheduler's I/O watching, where
1.x used kamaelia-net's Selector). At the end of the file it sends
``producerFinished`` on ``signal``.

Shutdown: ``producerFinished`` or ``shutdownMicroprocess`` on ``control``
stops it and is passed on out of ``signal`` (1.x ignored ``control``). A
file that cannot be opened stops the system with an OSError of the original
kind naming the component and the path (1.x printed it and ended silently).
Nothing is sent on ``debug`` any more; it is kept for 1.x wiring.
"""

from __future__ import annotations

import os
from collections.abc import Generator

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.File._fdsource import FdSource
from Kamaelia.Util._console_flow import ControlWatch, open_for, send_when_room

__all__ = ["IntelligentFileReader"]


@checked_keywords
class IntelligentFileReader(component):
    """IntelligentFileReader(filename, chunksize=1024, maxqueue=5) -> read, at most maxqueue ahead."""

    Inboxes = {
        "inbox": "Anything: wakes it to check its queue again",
        "control": "producerFinished or shutdownMicroprocess stops it (passed on)",
    }
    Outboxes = {
        "outbox": "The file's bytes, in chunks",
        "debug": "NOT USED (kept for 1.x wiring)",
        "signal": "producerFinished at the end, or the shutdown message received",
    }

    def __init__(
        self, filename: str | os.PathLike[str], chunksize: int = 1024, maxqueue: int = 5
    ) -> None:
        super().__init__()
        for label, value in (("chunksize", chunksize), ("maxqueue", maxqueue)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(
                    f"IntelligentFileReader: {label} must be a whole number > 0, got {value!r}"
                )
        self.filename = filename
        self.chunksize = chunksize
        self.maxqueue = maxqueue

    def main(self) -> Generator[int, None, None]:
        """Read while the consumer keeps up; sleep while it does not."""
        control = ControlWatch(self)
        with open_for(self, self.filename, "rb", "reading", buffering=0) as fh:
            source = FdSource(self, fh.fileno())
            try:
                while True:
                    while self.dataReady("inbox"):
                        self.recv("inbox")  # only a wake-up call
                    stop = control.poll()
                    if stop is not None:
                        self.send(stop, "signal")
                        return
                    data = None
                    if len(self.outboxes["outbox"]) < self.maxqueue:
                        data = source.take(self.chunksize)
                    if data is None:  # queue full or nothing to read yet: sleep
                        self.pause()
                        yield 1
                        continue
                    if not data:
                        self.send(producerFinished(self), "signal")
                        return
                    if not (yield from send_when_room(self, data, "outbox", control)):
                        self.send(control.message, "signal")
                        return
                    yield 1
            finally:
                source.close()
