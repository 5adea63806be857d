"""Reading a file descriptor from a generator component without blocking the scheduler.

Regular files are read directly (they are always "ready"). Pipes, terminals
and sockets are switched to non-blocking mode and, when they have nothing to
give, watched with the scheduler's I/O service (``scheduler.watch_io``), which
wakes the component when data (or the end) arrives: no polling, no thread,
and no dependency on kamaelia-net's Selector.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import stat
from typing import Any

__all__ = ["FdSource", "IoWaiter"]

_READ_SIZE = 65536


class IoWaiter:
    """Wakes ``owner`` (a paused component) once a watched descriptor is ready.

    Each :meth:`wait` is one-shot: the watch is removed when it fires, so an
    always-ready descriptor cannot keep the scheduler busy.
    """

    def __init__(self, owner: Any) -> None:
        self.owner = owner
        self.watched: set[int] = set()

    def wait(self, fd: int, events: int) -> None:
        """Wake the owner when ``fd`` is ready for ``events`` (selectors.EVENT_*)."""
        if fd not in self.watched:
            self.watched.add(fd)
            self.owner.scheduler.watch_io(fd, events, self._ready)

    def _ready(self, fd: Any, _mask: int) -> None:
        self.forget(fd)
        self.owner.unpause()

    def forget(self, fd: int) -> None:
        """Stop watching ``fd`` (no error if it was not watched)."""
        if fd in self.watched:
            self.watched.discard(fd)
            self.owner.scheduler.unwatch_io(fd)

    def close(self) -> None:
        """Stop watching everything."""
        for fd in list(self.watched):
            self.forget(fd)


class FdSource:
    """Buffered, non-blocking reads from ``fd`` on behalf of ``owner`` (a component).

    ``take_line()`` and ``take(n)`` return the next line or block of bytes
    once there is one (at the end, what is left, then ``b""``), or None when
    the caller must wait: the owner has then been set up to be woken, and
    should ``pause()`` and ``yield``.
    """

    def __init__(self, owner: Any, fd: int) -> None:
        self.owner = owner
        self.fd = fd
        self.pollable = not stat.S_ISREG(os.fstat(fd).st_mode)
        self._was_blocking = os.get_blocking(fd)
        if self.pollable:
            os.set_blocking(fd, False)
        self.buffer = bytearray()
        self.eof = False
        self._waiter = IoWaiter(owner)

    def _fill(self) -> bool:
        """Read what can be read now; False (and watch the fd) if nothing could be."""
        try:
            data = os.read(self.fd, _READ_SIZE)
        except BlockingIOError:
            self._waiter.wait(self.fd, selectors.EVENT_READ)
            return False
        if data:
            self.buffer += data
        else:
            self.eof = True
        return True

    def take(self, size: int) -> bytes | None:
        """The next ``size`` bytes (fewer at the end; ``b""`` after it), or None: wait."""
        while len(self.buffer) < size and not self.eof:
            if not self._fill():
                return None
        return self._cut(min(size, len(self.buffer)))

    def take_line(self) -> bytes | None:
        """The next line, ending included (the last may lack one; ``b""`` after it), or None."""
        start = 0
        while True:
            end = self.buffer.find(b"\n", start)
            if end >= 0:
                return self._cut(end + 1)
            if self.eof:
                return self._cut(len(self.buffer))
            start = len(self.buffer)
            if not self._fill():
                return None

    def _cut(self, size: int) -> bytes:
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    def close(self) -> None:
        """Stop watching and put the descriptor back in the blocking mode it had."""
        self._waiter.close()
        if self.pollable:
            with contextlib.suppress(OSError):  # already closed by its owner
                os.set_blocking(self.fd, self._was_blocking)
