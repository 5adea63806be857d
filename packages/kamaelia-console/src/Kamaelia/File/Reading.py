"""Components that read files and send their contents on, in bounded memory.

- ``SimpleReader(filename, mode="r")`` sends a file's lines (or fixed-size
  chunks with ``chunksize=``) as fast as the consumer takes them.
- ``MaxSpeedFileReader(filename, chunksize=32768)`` sends a file's bytes in
  chunks as fast as the consumer takes them.
- ``PromptedFileReader(filename, readmode="bytes")`` reads N bytes or lines
  each time the number N arrives on its "inbox".
- ``RateControlledFileReader(filename, readmode="bytes", rate=..., ...)``
  reads at a steady rate of bytes or lines per second.

Every reader opens its file when it starts running (not when constructed) and
closes it when it finishes. At the end of the file it sends
``producerFinished`` out of "signal". A file that cannot be opened stops the
system with an OSError of the original kind (FileNotFoundError,
PermissionError, ...) whose message names the component and the path; the
scheduler reports it as the failure of that component.

Backpressure: when the destination inbox is size-limited and full, a reader
pauses until the consumer takes a message and then sends again; nothing is
dropped and at most one chunk is held back. Each reader sends one message per
scheduler turn, so even an unlimited inbox holds only what the consumer has
not yet had a turn to take.

Differences from 1.x: ``RateControlledFileReader`` is a component rather than
a Graphline prefab (same arguments; it needs no chassis and uses the
scheduler's timers instead of polling the clock); readers stop on
``producerFinished`` as well as ``shutdownMicroprocess`` on "control";
``SimpleReader``'s ``buffering`` defaults to -1 (1.x asked for line buffering,
which binary files do not support); ``PromptedFileReader`` in "lines" mode
sends bytes (1.x mixed str and bytes and failed on Python 3).

The reusable readers read one file after another, each named by a message:

- ``ReusableFileReader(readmode)``: a filename on ``next`` starts a
  ``PromptedFileReader`` on it (prompts go to ``inbox``);
- ``RateControlledReusableFileReader(readmode)``: ``(filename, rateargs)`` on
  ``next`` starts a ``RateControlledFileReader(filename, readmode, **rateargs)``;
- ``FixedRateControlledReusableFileReader(readmode="bytes", rate=100000,
  chunksize=None, chunkrate=None, allowchunkaggregation=False)``: a filename on
  ``inbox`` or ``next`` starts a ``RateControlledFileReader`` at that fixed
  rate.

Each sends ``"NEXT"`` on ``requestNext`` when a file has been read to its
end, and a new ``next`` stops the file being read. They behave like the
Carousel-based 1.x prefabs but are single components that do not need
kamaelia-chassis. ``producerFinished`` on "control" lets the requests
already queued run, then lets the last file be read to its end (the
prompted reader instead serves the prompts it has) and stops;
``shutdownMicroprocess`` stops at once. 1.x's fixed-rate reader kept one
rate limiter across files; here each file starts its own pace.
"""

from __future__ import annotations

import os
import time
from collections.abc import Generator
from typing import IO, Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.File._carousel import ReaderCarousel
from Kamaelia.Util._console_flow import ControlWatch, open_for, send_when_room

__all__ = [
    "EOF",
    "SimpleReader",
    "MaxSpeedFileReader",
    "PromptedFileReader",
    "RateControlledFileReader",
    "ReusableFileReader",
    "RateControlledReusableFileReader",
    "FixedRateControlledReusableFileReader",
]

_READMODES = ("bytes", "lines")


class EOF(Exception):
    """The end of a file was reached (1.x name; the readers here end with producerFinished)."""


def _check_readmode(cls: type, readmode: str) -> str:
    if readmode not in _READMODES:
        raise ValueError(
            f"{cls.__name__}: readmode must be one of {', '.join(map(repr, _READMODES))}, "
            f"got {readmode!r}"
        )
    return readmode


def _read_lines(fh: IO[bytes], count: int) -> bytes:
    return b"".join(fh.readline() for _ in range(count))


class _FileSource(component):
    """Shared behaviour of the readers: open, send with backpressure, finish."""

    Inboxes = {
        "inbox": "NOT USED",
        "control": "shutdownMicroprocess stops at once; producerFinished after the current chunk",
    }
    Outboxes = {
        "outbox": "The file's contents, one chunk or line per message",
        "signal": "producerFinished at end of file, or the shutdown message received",
    }

    filename: str | os.PathLike[str]

    def _open(self, mode: str, **kwargs: Any) -> IO[Any]:
        return open_for(self, self.filename, mode, "reading", **kwargs)

    def _stream(self, fh: IO[Any], read: Any) -> Generator[int, None, None]:
        """Send ``read()`` results one per turn until EOF or a stop request."""
        control = ControlWatch(self)
        while True:
            stop = control.poll()
            if stop is not None:
                self.send(stop, "signal")
                return
            data = read()
            if not data:
                self.send(producerFinished(self), "signal")
                return
            if not (yield from send_when_room(self, data, "outbox", control)):
                self.send(control.message, "signal")
                return
            yield 1  # one message per turn keeps the consumer's inbox short


@checked_keywords
class SimpleReader(_FileSource):
    """SimpleReader(filename, mode="r") -> send a file's lines (or chunks), then producerFinished.

    Full signature: ``SimpleReader(filename, mode="r", buffering=-1,
    chunksize=None, encoding=None, errors=None)``.

    ``mode`` is the ``open()`` mode: "r" for text, "rb" for bytes. Without
    ``chunksize`` each message is one line, ending included (as iterating
    over the file gives); with it each message is at most ``chunksize``
    characters (text) or bytes (binary), which bounds memory for files with
    very long lines or no lines at all.
    """

    mode = "r"
    buffering = -1
    chunksize: int | None = None
    encoding: str | None = None
    errors: str | None = None

    def __init__(self, filename: str | os.PathLike[str], **argd: Any) -> None:
        super().__init__(**argd)
        self.filename = filename
        if self.chunksize is not None and self.chunksize < 1:
            raise ValueError(f"SimpleReader: chunksize must be at least 1, got {self.chunksize!r}")

    def main(self) -> Generator[int, None, None]:
        """Open the file, stream it, close it."""
        binary = "b" in self.mode
        buffering = -1 if binary and self.buffering == 1 else self.buffering
        kwargs: dict[str, Any] = {"buffering": buffering}
        if not binary:
            kwargs.update(encoding=self.encoding, errors=self.errors)
        with self._open(self.mode, **kwargs) as fh:
            size = self.chunksize
            if size is None:
                yield from self._stream(fh, fh.readline)
            else:
                yield from self._stream(fh, lambda: fh.read(size))


@checked_keywords
class MaxSpeedFileReader(_FileSource):
    """MaxSpeedFileReader(filename, chunksize=32768) -> send a file's bytes as fast as taken.

    The pace is set by the destination: with a size-limited inbox the reader
    waits for room.
    """

    def __init__(self, filename: str | os.PathLike[str], chunksize: int = 32768) -> None:
        super().__init__()
        if chunksize < 1:
            raise ValueError(f"MaxSpeedFileReader: chunksize must be at least 1, got {chunksize!r}")
        self.filename = filename
        self.chunksize = chunksize

    def main(self) -> Generator[int, None, None]:
        """Open the file, stream it in chunks, close it."""
        with self._open("rb") as fh:
            size = self.chunksize
            yield from self._stream(fh, lambda: fh.read(size))


@checked_keywords
class PromptedFileReader(_FileSource):
    """PromptedFileReader(filename, readmode="bytes") -> read N bytes/lines per request N.

    Data is sent as bytes.
    When a request finds the file exhausted it sends producerFinished out of
    "signal" and finishes. A short read near the end is still sent.
    """

    Inboxes = {
        "inbox": "Requests: the number of bytes or lines to read next",
        "control": "shutdownMicroprocess stops at once; producerFinished after pending requests",
    }

    def __init__(self, filename: str | os.PathLike[str], readmode: str = "bytes") -> None:
        super().__init__()
        self.filename = filename
        self.readmode = _check_readmode(type(self), readmode)

    def main(self) -> Generator[int, None, None]:
        """Serve read requests until EOF or a stop request."""
        control = ControlWatch(self)
        with self._open("rb") as fh:
            while True:
                while self.dataReady("inbox"):
                    if control.urgent():
                        break
                    data = self._read(fh, self.recv("inbox"))
                    if not data:
                        self.send(producerFinished(self), "signal")
                        return
                    if not (yield from send_when_room(self, data, "outbox", control)):
                        break
                stop = control.poll()
                if stop is not None:
                    self.send(stop, "signal")
                    return
                self.pause()
                yield 1

    def _read(self, fh: IO[bytes], request: object) -> bytes:
        try:
            count = int(request)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise ValueError(
                f"PromptedFileReader for {os.fspath(self.filename)!r}: inbox takes a number "
                f"of {self.readmode} to read, got {request!r}"
            ) from None
        if self.readmode == "lines":
            return _read_lines(fh, count)
        return fh.read(count)


@checked_keywords
class RateControlledFileReader(_FileSource):
    """RateControlledFileReader(filename, readmode="bytes", rate=100000) -> paced reading.

    Full signature: ``RateControlledFileReader(filename, readmode="bytes",
    rate=100000, chunksize=None, chunkrate=None, allowchunkaggregation=False)``.

    Every ``1/chunkrate`` seconds a chunk of ``chunksize`` bytes (or lines) is
    read and sent, so ``rate = chunksize * chunkrate``. Give ``chunksize`` or
    ``chunkrate``, not both; with neither, chunks are ``rate/1000`` units
    (at least 1). If the consumer falls behind, the reader catches up one
    chunk per turn, or in one large chunk with ``allowchunkaggregation``.
    Data is sent as bytes.
    """

    def __init__(
        self,
        filename: str | os.PathLike[str],
        readmode: str = "bytes",
        rate: float = 100000,
        chunksize: float | None = None,
        chunkrate: float | None = None,
        allowchunkaggregation: bool = False,
    ) -> None:
        super().__init__()
        self.filename = filename
        self.readmode = _check_readmode(type(self), readmode)
        self.rate = rate
        self.chunksize, self.timestep = _rate_plan(rate, chunksize, chunkrate)
        self.allowchunkaggregation = allowchunkaggregation

    def main(self) -> Generator[int, None, None]:
        """Read and send chunks on a timer until EOF or a stop request."""
        with self._open("rb") as fh:
            yield from self._paced(fh)

    def _paced(self, fh: IO[bytes]) -> Generator[int, None, None]:
        control = ControlWatch(self)
        owed = 0.0
        due = time.monotonic()
        while True:
            stop = control.poll()
            if stop is not None:
                self.send(stop, "signal")
                return
            now = time.monotonic()
            if now >= due:
                steps = int((now - due) // self.timestep) + 1
                owed += steps * self.chunksize
                due += steps * self.timestep
            if owed < 1:
                yield from self._sleep_until(due, control)
                continue
            count = int(owed if self.allowchunkaggregation else min(owed, self.chunksize))
            data = _read_lines(fh, count) if self.readmode == "lines" else fh.read(count)
            if not data:
                self.send(producerFinished(self), "signal")
                return
            owed -= count
            if not (yield from send_when_room(self, data, "outbox", control)):
                self.send(control.message, "signal")
                return
            yield 1

    def _sleep_until(self, due: float, control: ControlWatch) -> Generator[int, None, None]:
        # A scheduler timer wakes us; a control message wakes us sooner.
        handle = self.scheduler.call_later(max(0.0, due - time.monotonic()), self.unpause)
        try:
            self.pause()
            yield 1
        finally:
            handle.cancel()


def _rate_plan(
    rate: float, chunksize: float | None, chunkrate: float | None
) -> tuple[float, float]:
    """Return (units per chunk, seconds between chunks) for the rate arguments."""
    if rate <= 0:
        raise ValueError(f"RateControlledFileReader: rate must be positive, got {rate!r}")
    if chunksize is not None and chunkrate is not None:
        raise ValueError(
            "RateControlledFileReader: give chunksize or chunkrate, not both "
            f"(got chunksize={chunksize!r}, chunkrate={chunkrate!r})"
        )
    if chunksize is None and chunkrate is None:
        chunksize = max(1, rate / 1000)
    if chunksize is not None:
        chunkrate = rate / chunksize
    else:
        assert chunkrate is not None
        if chunkrate <= 0:
            raise ValueError(
                f"RateControlledFileReader: chunkrate must be positive, got {chunkrate!r}"
            )
        chunksize = rate / chunkrate
    if chunksize < 1:
        raise ValueError(
            f"RateControlledFileReader: chunks would be {chunksize!r} units; "
            "chunksize must be at least 1 (lower chunkrate or raise rate)"
        )
    return float(chunksize), 1.0 / chunkrate


@checked_keywords
class ReusableFileReader(ReaderCarousel):
    """ReusableFileReader(readmode) -> read each file named on "next", as prompted on "inbox"."""

    def __init__(self, readmode: str = "bytes") -> None:
        super().__init__()
        self.readmode = _check_readmode(type(self), readmode)

    def makeReader(self, filename: Any) -> component:
        """A PromptedFileReader for ``filename``."""
        return PromptedFileReader(filename, self.readmode)


@checked_keywords
class RateControlledReusableFileReader(ReaderCarousel):
    """RateControlledReusableFileReader(readmode) -> read each (filename, rateargs) on "next"."""

    Inboxes = {
        "inbox": "NOT USED",
        "next": "(filename, rateargs): read that file at that rate (see RateControlledFileReader)",
        "control": "producerFinished / shutdownMicroprocess",
    }
    tell_reader_producer_finished = False

    def __init__(self, readmode: str = "bytes") -> None:
        super().__init__()
        self.readmode = _check_readmode(type(self), readmode)

    def makeReader(self, args: Any) -> component:
        """A RateControlledFileReader for ``(filename, rateargs)``."""
        if not (isinstance(args, (tuple, list)) and len(args) == 2 and isinstance(args[1], dict)):
            raise TypeError(
                f"RateControlledReusableFileReader {self.name}: next takes "
                f"(filename, {{rate arguments}}), got {args!r}"
            )
        filename, rateargs = args
        return RateControlledFileReader(filename, self.readmode, **rateargs)


@checked_keywords
class FixedRateControlledReusableFileReader(ReaderCarousel):
    """FixedRateControlledReusableFileReader(readmode="bytes", rate=...) -> read files at one rate.

    Each filename arriving on "inbox" or "next" is read in turn.

    ``rate``, ``chunksize``, ``chunkrate`` and ``allowchunkaggregation`` are
    RateControlledFileReader's, with its defaults.
    """

    Inboxes = {
        "inbox": "Filenames to read next",
        "next": "Filenames to read next (same as inbox)",
        "control": "producerFinished / shutdownMicroprocess",
    }
    next_boxes = ("next", "inbox")
    tell_reader_producer_finished = False

    def __init__(
        self,
        readmode: str = "bytes",
        *,
        rate: float = 100000,
        chunksize: float | None = None,
        chunkrate: float | None = None,
        allowchunkaggregation: bool = False,
    ) -> None:
        super().__init__()
        self.readmode = _check_readmode(type(self), readmode)
        self.rateargs: dict[str, Any] = {
            "rate": rate,
            "chunksize": chunksize,
            "chunkrate": chunkrate,
            "allowchunkaggregation": allowchunkaggregation,
        }
        # Checked now, so a bad rate fails here rather than at the first file.
        RateControlledFileReader(os.devnull, readmode, **self.rateargs)

    def makeReader(self, filename: Any) -> component:
        """A RateControlledFileReader for ``filename`` at the fixed rate."""
        return RateControlledFileReader(filename, self.readmode, **self.rateargs)
