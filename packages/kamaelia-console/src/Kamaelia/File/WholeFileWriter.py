"""WholeFileWriter: write each [filename, contents] job as a whole new file.

::

    Pipeline(ConsoleReader(), ChunkNamer("test", ".txt"), WholeFileWriter()).run()

Each message on ``inbox`` is a pair ``[filename, contents]``: the file is
created (or truncated), ``contents`` written (``bytes``, or ``str`` written
as UTF-8) and closed, and then ``filename`` leaves ``outbox``. Jobs are done
in order. A file that cannot be written stops the system with an OSError of
the original kind naming the component and the path; a job that is not a
pair is a TypeError naming it.

Shutdown: ``producerFinished`` writes the jobs already received, then stops;
``shutdownMicroprocess`` stops before the next job. Either is passed on out
of ``signal`` (1.x never finished and ignored ``control``).
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.File._jobs import as_bytes, serve_jobs
from Kamaelia.Util._console_flow import open_for

__all__ = ["WholeFileWriter"]


@checked_keywords
class WholeFileWriter(component):
    """WholeFileWriter() -> write each [filename, contents] job to a new file."""

    Inboxes = {"inbox": "Jobs: [filename, contents]", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "The filename of each file written", "signal": "Shutdown signalling"}

    def writeFile(self, filename: str | os.PathLike[str], data: Any) -> None:
        """Create ``filename`` holding ``data``."""
        contents = as_bytes(self, f"the contents for {os.fspath(filename)!r}", data)
        with open_for(self, filename, "wb", "writing") as fh:
            fh.write(contents)

    def _job(self, job: Any) -> None:
        if not (
            isinstance(job, (list, tuple))
            and len(job) == 2
            and isinstance(job[0], (str, os.PathLike))
        ):
            raise TypeError(
                f"WholeFileWriter {self.name}: inbox takes [filename, contents], got {job!r:.80}"
            )
        self.writeFile(job[0], job[1])
        self.send(job[0], "outbox")

    def main(self) -> Generator[int, None, None]:
        """Write each job until told to stop."""
        yield from serve_jobs(self, self._job)
