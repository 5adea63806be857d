"""The blocking half of ConsoleReader: a daemon thread that reads standard input.

A thread blocked in ``read()`` cannot be interrupted, so ConsoleReader keeps
its own thread free to answer control messages and hands the blocking read to
this helper. When ConsoleReader stops, the helper is told to quit after its
current read returns; until then it stays parked in ``read()``. It is a daemon
thread, so it never keeps the interpreter alive, and it reads the raw file
descriptor with ``os.read`` so it holds no lock of ``sys.stdin``'s buffer
(a daemon thread holding that lock can abort the interpreter at exit).
"""

from __future__ import annotations

import codecs
import io
import logging
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["LineSource", "LINES", "EOF", "ERROR"]

log = logging.getLogger("Kamaelia.Util.Console")

LINES = "lines"
EOF = "eof"
ERROR = "error"

# Bytes asked for per read; a terminal returns at most one line per read.
READ_SIZE = 64 * 1024
# Batches of lines (one batch per read) waiting for ConsoleReader; the reading
# thread blocks when this is full, which keeps memory bounded (about
# QUEUE_BATCHES * READ_SIZE, plus the longest line) when standard input is
# faster than the system. Batching keeps the cost per line low.
QUEUE_BATCHES = 8


def _fileno(stream: Any) -> int | None:
    try:
        return int(stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return None


class LineSource:
    """Reads lines from ``stream`` in a daemon thread and queues them, bounded.

    ``get_nowait()`` returns ``(LINES, [text, ...])``, ``(EOF, None)``,
    ``(ERROR, exception)`` or None when nothing is waiting. ``wake()`` is
    called when an item lands in an empty queue.
    Lines are decoded with ``encoding``/``errors`` and have their line ending
    removed; ``\\r\\n`` and ``\\r`` count as line endings, as in ``input()``.
    """

    def __init__(
        self,
        stream: Any,
        *,
        encoding: str,
        errors: str,
        prompt: str,
        show_prompt: bool,
        wake: Callable[[], None],
        name: str,
    ) -> None:
        self.stream = stream
        self.encoding = encoding
        self.errors = errors
        self.prompt = prompt
        self.show_prompt = show_prompt and bool(prompt)
        self.wake = wake
        self.items: queue.Queue[tuple[str, Any]] = queue.Queue(QUEUE_BATCHES)
        self.closed = False
        self._prompted = False
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        """Start the reading thread."""
        self.thread.start()

    def get_nowait(self) -> tuple[str, Any] | None:
        """The next queued item, or None when nothing is waiting."""
        try:
            return self.items.get_nowait()
        except queue.Empty:
            return None

    def close(self) -> None:
        """Ask the thread to stop; it quits once its current read returns."""
        self.closed = True
        # Unblock a put() waiting on a full queue; the thread then sees `closed`.
        while self.get_nowait() is not None:
            pass

    # -- the thread ---------------------------------------------------------

    def _put(self, item: tuple[str, Any]) -> bool:
        if self.closed:
            return False
        self.items.put(item)
        if self.closed:
            return False
        # The consumer only sleeps after finding the queue empty, so waking it
        # when an item lands in an empty queue is enough; it saves a
        # cross-thread wake-up per line when input arrives faster than it is
        # taken.
        if self.items.qsize() == 1:
            self.wake()
        return True

    def _run(self) -> None:
        try:
            for batch in self._batches():
                for _ in batch:
                    self._prompt()  # one prompt per line handed over, as input() does
                    self._prompted = False
                if not self._put((LINES, batch)):
                    return
        except OSError as exc:
            # A broken standard input (EIO from a vanished terminal, EBADF) is
            # treated as end of input: the system ends the way it would at EOF.
            log.warning("ConsoleReader: reading standard input failed (%s); treating as EOF", exc)
        except Exception as exc:
            # Only reachable with errors="strict" (UnicodeDecodeError) or a
            # misbehaving stream object; ConsoleReader raises it in its own
            # thread so the failure is reported with the component's name.
            self._put((ERROR, exc))
            return
        self._put((EOF, None))

    def _prompt(self) -> None:
        if not self.show_prompt or self._prompted:
            return
        self._prompted = True
        out = sys.stdout
        try:
            out.write(self.prompt)
            out.flush()
        except (OSError, ValueError, AttributeError):
            pass  # no usable stdout: a prompt is not worth stopping for

    def _batches(self) -> Iterator[list[str]]:
        """The complete lines found in each piece of input, one list per read."""
        pending: list[str] = []
        for text in self._texts():
            parts = text.split("\n")
            if len(parts) == 1:
                pending.append(text)  # still inside a (long) line
                continue
            pending.append(parts[0])
            batch = ["".join(pending)]
            batch.extend(parts[1:-1])
            pending = [parts[-1]]
            yield batch
        tail = "".join(pending)
        if tail:
            yield [tail]  # a last line without a line ending still counts

    def _texts(self) -> Iterator[str]:
        """Decoded, newline-translated text pieces until end of input."""
        decoder = io.IncrementalNewlineDecoder(
            codecs.getincrementaldecoder(self.encoding)(self.errors), translate=True
        )
        for chunk in self._chunks():
            if self.closed:
                return
            if isinstance(chunk, str):
                yield chunk.replace("\r\n", "\n").replace("\r", "\n")
            else:
                yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)

    def _chunks(self) -> Iterator[bytes | str]:
        stream = self.stream
        if stream is None:
            return
        fd = _fileno(stream)
        while not self.closed:
            if fd is not None:
                self._prompt()
                chunk: bytes | str = os.read(fd, READ_SIZE)
            else:
                # No file descriptor (io.StringIO and friends): read by line,
                # since read(n) could block until n characters arrive.
                self._prompt()
                chunk = stream.readline()
            if not chunk:
                return
            yield chunk
