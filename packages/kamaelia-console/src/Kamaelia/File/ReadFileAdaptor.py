"""ReadFileAdaptor: read a file, a command's output or standard input, at a chosen pace.

::

    # one line every 0.2 seconds
    Pipeline(ReadFileAdaptor("myfile.txt", readmode="line", steptime=0.2), ConsoleEchoer()).run()
    # 10 kbit/s, in 24 chunks a second
    Pipeline(ReadFileAdaptor("myfile.data", readmode="bitrate", bitrate=10240), consumer).run()

The source is ``filename`` if given, else the output of ``command``, else
standard input. What is read leaves ``outbox`` as ``bytes``:

- ``readmode="line"`` (or ``""``, the default): one line per message, its
  ending included;
- ``readmode="block"``: ``readsize`` bytes per message;
- ``readmode="bitrate"``: blocks of ``bitrate / 8 / chunkrate`` bytes,
  ``chunkrate`` times a second (so ``steptime`` is ``1 / chunkrate``).

``steptime`` is the time between reads in seconds; 0 reads as fast as the
consumer takes the data (and a size-limited inbox downstream is waited on,
never overrun). At the end of the source it sends ``producerFinished`` on
``signal`` and finishes.

``command`` is a shell command line, run through the shell as 1.x did
(``os.popen``); give a list (``["ls", "-l"]``) to run a program without a
shell. The command's standard input is empty, its standard error is the
program's, and it is reaped when the reader finishes (terminated first if
the reader is stopped early).

Pipes and standard input are read without blocking the scheduler: the
component sleeps on the scheduler's I/O watching until data arrives.

Differences from 1.x: ``producerFinished`` or ``shutdownMicroprocess`` on
``control`` stops it and is passed on out of ``signal`` (1.x ignored
``control``); standard input and commands give ``bytes`` like files do (1.x
gave text for them); an unknown ``readmode`` is an error (1.x read blocks);
``debug=1`` logs what is read on the ``Kamaelia.File.ReadFileAdaptor`` logger
instead of printing it; nothing is printed on errors, they propagate.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Generator, Sequence
from typing import IO, Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.File._child import reap_now, wait_exit
from Kamaelia.File._fdsource import FdSource
from Kamaelia.File.Reading import EOF
from Kamaelia.Util._console_flow import ControlWatch, open_for, send_when_room

__all__ = ["ReadFileAdaptor", "EOF"]

log = logging.getLogger("Kamaelia.File.ReadFileAdaptor")

_READMODES = ("", "line", "block", "bitrate")


def _positive(label: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"ReadFileAdaptor: {label} must be a number > 0, got {value!r}")


@checked_keywords
class ReadFileAdaptor(component):
    """ReadFileAdaptor(filename="", command="", readmode="") -> read a source at a pace.

    Full signature: ``ReadFileAdaptor(filename="", command="", readmode="",
    readsize=1450, steptime=0.0, bitrate=65536.0, chunkrate=24, debug=0)``.

    Keyword arguments:

    - filename  -- file to read (default: none; then ``command``, else standard input)
    - command   -- shell command line (or argument list) whose output to read
    - readmode  -- "line" (also ""), "block" or "bitrate"
    - readsize  -- bytes per message in "block" mode
    - steptime  -- seconds between reads ("line" and "block"; 0: as fast as taken)
    - bitrate   -- bits per second in "bitrate" mode
    - chunkrate -- messages per second in "bitrate" mode
    - debug     -- log each message read (logger ``Kamaelia.File.ReadFileAdaptor``)
    """

    Inboxes = {
        "inbox": "NOT USED",
        "control": "producerFinished or shutdownMicroprocess stops it (passed on)",
    }
    Outboxes = {
        "outbox": "What was read (bytes), one line or block per message",
        "signal": "producerFinished at the end, or the shutdown message received",
    }

    def __init__(
        self,
        filename: str | os.PathLike[str] = "",
        command: str | Sequence[str] = "",
        readmode: str = "",
        readsize: int = 1450,
        steptime: float = 0.0,
        bitrate: float = 65536.0,
        chunkrate: float = 24,
        debug: int = 0,
    ) -> None:
        super().__init__()
        if readmode not in _READMODES:
            raise ValueError(
                f"ReadFileAdaptor: readmode must be one of {', '.join(map(repr, _READMODES))}, "
                f"got {readmode!r}"
            )
        if filename and command:
            raise ValueError(
                f"ReadFileAdaptor: give filename or command, not both "
                f"(got {filename!r} and {command!r})"
            )
        self.filename = filename
        self.command = command
        self.readmode = readmode or "line"
        self.debug = debug
        if self.readmode == "bitrate":
            _positive("bitrate", bitrate)
            _positive("chunkrate", chunkrate)
            self.bitrate, self.chunkrate = bitrate, chunkrate
            readsize = int(bitrate / 8 / chunkrate)
            if readsize < 1:
                raise ValueError(
                    f"ReadFileAdaptor: bitrate {bitrate!r} at chunkrate {chunkrate!r} gives "
                    "blocks of less than a byte; lower chunkrate or raise bitrate"
                )
            steptime = 1.0 / chunkrate
        elif self.readmode == "block" and (
            isinstance(readsize, bool) or not isinstance(readsize, int) or readsize < 1
        ):
            raise ValueError(
                f"ReadFileAdaptor: readsize must be a whole number > 0, got {readsize!r}"
            )
        if isinstance(steptime, bool) or not isinstance(steptime, (int, float)) or steptime < 0:
            raise ValueError(f"ReadFileAdaptor: steptime must be a number >= 0, got {steptime!r}")
        self.readsize = readsize
        self.steptime = float(steptime)
        self._proc: subprocess.Popen[bytes] | None = None
        self._file: IO[bytes] | None = None

    def _open_source(self) -> int:
        """Open the file or start the command; return the descriptor to read."""
        if self.filename:
            self._file = open_for(self, self.filename, "rb", "reading", buffering=0)
            return self._file.fileno()
        if self.command:
            self._proc = subprocess.Popen(
                self.command,
                shell=isinstance(self.command, str),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
            )
            assert self._proc.stdout is not None
            return self._proc.stdout.fileno()
        return sys.stdin.fileno()

    def _close_source(self) -> None:
        if self._file is not None:
            self._file.close()
        if self._proc is not None:
            assert self._proc.stdout is not None
            self._proc.stdout.close()
            reap_now(self._proc)

    def _take(self, source: FdSource) -> bytes | None:
        if self.readmode == "line":
            return source.take_line()
        return source.take(self.readsize)

    def main(self) -> Generator[int, None, None]:
        """Read and send one line or block per step until the end or a stop request."""
        control = ControlWatch(self)
        source = FdSource(self, self._open_source())
        try:
            due = time.monotonic()
            while True:
                stop = control.poll()
                if stop is not None:
                    self.send(stop, "signal")
                    return
                wait = due - time.monotonic()
                if wait > 0:
                    handle = self.scheduler.call_later(wait, self.unpause)
                    self.pause()
                    yield 1
                    handle.cancel()
                    continue
                data = self._take(source)
                if data is None:  # the source wakes us when it has more
                    self.pause()
                    yield 1
                    continue
                if not data:
                    break
                # On time, keep an exact pace; late (a slow consumer), do not
                # burst to catch up: at most one read follows at once.
                due = max(due + self.steptime, time.monotonic())
                if self.debug:
                    log.debug("%s read %r", self.name, data)
                if not (yield from send_when_room(self, data, "outbox", control)):
                    self.send(control.message, "signal")
                    return
                yield 1
            if self._proc is not None:
                yield from wait_exit(self, self._proc)
            self.send(producerFinished(self), "signal")
        finally:
            source.close()
            self._close_source()
