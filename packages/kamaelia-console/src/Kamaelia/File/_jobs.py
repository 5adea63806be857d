"""The loop shared by the file components that handle one inbox message at a time."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from Kamaelia.Util._console_flow import ControlWatch

__all__ = ["serve_jobs", "as_bytes"]


def serve_jobs(owner: Any, handle: Callable[[Any], None]) -> Generator[int, None, None]:
    """Call ``handle(message)`` for each inbox message until a stop request.

    ``producerFinished`` lets the messages already received be handled first;
    ``shutdownMicroprocess`` stops before the next one. The stop message is
    passed on out of ``signal``.
    """
    control = ControlWatch(owner)
    while True:
        while owner.dataReady("inbox") and not control.urgent():
            handle(owner.recv("inbox"))
        stop = control.poll()
        if stop is not None:
            owner.send(stop, "signal")
            return
        owner.pause()
        yield 1


def as_bytes(owner: Any, what: str, data: object) -> bytes:
    """``data`` as bytes (str is encoded as UTF-8), or a TypeError naming the component."""
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(
        f"{type(owner).__name__} {owner.name}: {what} must be bytes or str, "
        f"got {type(data).__name__}: {data!r:.60}"
    )
