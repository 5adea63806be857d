"""TriggeredFileReader: read the whole file named by each message.

::

    Pipeline(ConsoleReader(eol=""), TriggeredFileReader(), ConsoleEchoer()).run()

Each path arriving on ``inbox`` is read whole, and its contents (``bytes``)
leave ``outbox`` as one message; requests are handled in order. A file that
cannot be read stops the system with an OSError of the original kind naming
the component and the path.

Shutdown: ``producerFinished`` reads the files already asked for, then
stops; ``shutdownMicroprocess`` stops before the next. Either is passed on
out of ``signal``. Differences from 1.x: it printed each filename, and sent a
new ``producerFinished`` whatever it received.

Files are read with ordinary (blocking) reads in the scheduler's thread, as
in 1.x: fine for local files, not for very large or network ones.
"""

from __future__ import annotations

import os
from collections.abc import Generator

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.File._jobs import serve_jobs
from Kamaelia.Util._console_flow import open_for

__all__ = ["TriggeredFileReader"]


@checked_keywords
class TriggeredFileReader(component):
    """TriggeredFileReader() -> send the contents of each file named on inbox."""

    Inboxes = {"inbox": "Paths of files to read", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "The contents of each file (bytes)", "signal": "Shutdown signalling"}

    def readFile(self, filename: str | os.PathLike[str]) -> bytes:
        """Read the file whole."""
        if not isinstance(filename, (str, os.PathLike)):
            raise TypeError(
                f"TriggeredFileReader {self.name}: inbox takes file paths, got {filename!r}"
            )
        with open_for(self, filename, "rb", "reading") as fh:
            data: bytes = fh.read()
        return data

    def main(self) -> Generator[int, None, None]:
        """Read each requested file until told to stop."""
        yield from serve_jobs(self, lambda name: self.send(self.readFile(name), "outbox"))
