"""Shutdown and backpressure helpers shared by the console and file components.

These are private to kamaelia-console. They work on generator components
(``Axon.Component.component``); the threaded ConsoleReader has its own
thread-side equivalents.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import IO, Any

from Axon.AxonExceptions import noSpaceInBox
from Axon.Ipc import producerFinished, shutdownMicroprocess

__all__ = ["ControlWatch", "send_when_room", "open_for"]


class ControlWatch:
    """Remembers the strongest stop request seen on a component's control inbox.

    ``shutdownMicroprocess`` means "stop now" and wins over
    ``producerFinished`` ("finish what you have, then stop"). Other control
    messages do not stop anything, as in the 1.x readers and writers, but
    every message drained is kept in ``received`` for components that pass
    all control messages on.
    """

    def __init__(self, component: Any, box: str = "control") -> None:
        self.component = component
        self.box = box
        self.message: object | None = None
        self.received: list[object] = []

    def poll(self) -> object | None:
        """Drain the control inbox; return the stop request kept so far (or None)."""
        comp = self.component
        while comp.dataReady(self.box):
            msg = comp.recv(self.box)
            self.received.append(msg)
            if isinstance(msg, shutdownMicroprocess) or (
                isinstance(msg, producerFinished) and self.message is None
            ):
                self.message = msg
        return self.message

    def urgent(self) -> bool:
        """True when a shutdownMicroprocess asked the component to stop at once."""
        return isinstance(self.poll(), shutdownMicroprocess)


def send_when_room(
    component: Any, message: object, box: str, control: ControlWatch
) -> Generator[int, None, bool]:
    """Send ``message`` on ``box``, waiting while the destination inbox is full.

    Use as ``sent = yield from send_when_room(...)``. A full, size-limited
    destination makes ``send`` raise ``noSpaceInBox``; the component then
    pauses and is woken when the consumer takes a message, and tries again.
    Nothing is dropped unless a shutdownMicroprocess arrives while waiting,
    in which case the message is abandoned and False is returned.
    """
    while True:
        try:
            component.send(message, box)
            return True
        except noSpaceInBox:
            pass
        if control.urgent():
            return False
        component.pause()
        yield 1


def open_for(
    component: Any, path: str | os.PathLike[str], mode: str, role: str, **kwargs: Any
) -> IO[Any]:
    """Open ``path`` for a component, or raise an OSError naming the component and path.

    The exception keeps the original class (FileNotFoundError,
    PermissionError, IsADirectoryError, ...) so callers can still catch it by
    kind, and chains the original error.
    """
    try:
        return open(path, mode, **kwargs)
    except OSError as exc:
        text = (
            f"{type(component).__name__}: cannot open {os.fspath(path)!r} for {role} "
            f"(mode {mode!r}): {exc.strerror or exc}"
        )
        if exc.errno is None:
            raise OSError(text) from exc
        raise type(exc)(exc.errno, text) from exc
