"""Sending into a size-limited inbox without losing messages."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from Axon.AxonExceptions import noSpaceInBox

__all__ = ["wait_send"]


def wait_send(
    comp: Any, msg: Any, box: str, must_stop: Callable[[], bool]
) -> Generator[int, None, bool]:
    """Send ``msg``; while the destination is full, sleep until it takes a message.

    Use as ``sent = yield from wait_send(...)``.  Returns False (without
    sending) if ``must_stop()`` turns true while waiting.
    """
    while True:
        try:
            comp.send(msg, box)
            return True
        except noSpaceInBox:
            if must_stop():
                return False
            comp.pause()  # collecting from the full inbox wakes us
            yield 1
