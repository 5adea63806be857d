"""A component that writes what it receives to a file.

``SimpleFileWriter(filename, mode="wb")`` writes each message from "inbox" to
the file, which it opens (truncating it, with the default mode) when the first
message arrives - or, if none does, when it is told to stop - and closes when
it finishes. So a system that fails before sending anything (a reader whose
input file is missing) leaves the output file as it was. It finishes on ``producerFinished`` or
``shutdownMicroprocess`` at "control", after writing everything already in
"inbox", and passes that message on out of "signal".

A file that cannot be opened stops the system with an OSError of the original
kind whose message names the component and the path; a message of the wrong
type (str for a binary file, bytes for a text file) stops it with a TypeError
saying which was expected and which modes match.

Differences from 1.x: the file is buffered (1.x wrote unbuffered) and flushed
when the writer finishes; ``encoding``/``errors`` may be given for text modes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Generator
from typing import IO, Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._console_flow import ControlWatch, open_for

__all__ = ["SimpleFileWriter"]


@checked_keywords
class SimpleFileWriter(component):
    """SimpleFileWriter(filename, mode="wb") -> write each inbox message to a file.

    Full signature: ``SimpleFileWriter(filename, mode="wb", encoding=None,
    errors=None)``; "wb" and "ab" take bytes, "w" and "a" take str. Finishes
    on producerFinished or shutdownMicroprocess.
    """

    Inboxes = {
        "inbox": "Data to write to the file (bytes for binary modes, str for text)",
        "control": "producerFinished or shutdownMicroprocess: write what is queued, then stop",
    }
    Outboxes = {
        "outbox": "NOT USED",
        "signal": "The producerFinished or shutdownMicroprocess received, passed on",
    }

    def __init__(
        self,
        filename: str | os.PathLike[str],
        mode: str = "wb",
        encoding: str | None = None,
        errors: str | None = None,
    ) -> None:
        super().__init__()
        if not any(flag in mode for flag in "wax+"):
            raise ValueError(
                f"SimpleFileWriter: mode must open the file for writing "
                f"('wb', 'ab', 'w', 'a', ...), got {mode!r}"
            )
        self.filename = filename
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def main(self) -> Generator[int, None, None]:
        """Write inbox messages until a stop request, then close the file."""
        kwargs: dict[str, Any] = {}
        if "b" not in self.mode:
            kwargs.update(encoding=self.encoding, errors=self.errors)
        control = ControlWatch(self)
        with contextlib.ExitStack() as files:
            fh = None
            while True:
                while self.dataReady("inbox"):
                    if fh is None:
                        fh = files.enter_context(self._open(kwargs))
                    self._write(fh, self.recv("inbox"))
                stop = control.poll()
                if stop is not None:
                    break
                self.pause()
                yield 1
            if fh is None:  # nothing came: the file is still created (or emptied), as in 1.x
                files.enter_context(self._open(kwargs))
        self.send(stop, "signal")

    def _open(self, kwargs: dict[str, Any]) -> IO[Any]:
        return open_for(self, self.filename, self.mode, "writing", **kwargs)

    def _write(self, fh: IO[Any], data: object) -> None:
        try:
            fh.write(data)
        except TypeError as exc:
            binary = "b" in self.mode
            wanted = "bytes" if binary else "str"
            fix = (
                "to write text use SimpleFileWriter(filename, mode='w'), or send bytes "
                "(SimpleReader(filename, mode='rb') reads them)"
                if binary
                else "to write bytes use SimpleFileWriter(filename, mode='wb'), or send str"
            )
            raise TypeError(
                f"SimpleFileWriter for {os.fspath(self.filename)!r} (mode {self.mode!r}) "
                f"writes {wanted}, got {type(data).__name__}: {data!r:.60}; {fix}"
            ) from exc
