"""Shared helpers for reading shutdown messages from a ``control`` inbox.

Every generic component in ``Kamaelia.Util`` follows the same convention:
``producerFinished`` means "finish what you have, then stop", while
``shutdownMicroprocess`` (or the legacy ``Axon.Ipc.shutdown``) means "stop as
soon as you can".  Whatever shutdown message stopped a component is passed on
out of its ``signal`` outbox so the rest of the chain stops too.
"""

from __future__ import annotations

from typing import Any

from Axon.Ipc import producerFinished, shutdown, shutdownMicroprocess

__all__ = ["is_shutdown", "is_stop_now", "latch_shutdown", "STOP_NOW_TYPES", "SHUTDOWN_TYPES"]

#: Messages that ask a component to stop at once, without draining.
STOP_NOW_TYPES: tuple[type, ...] = (shutdownMicroprocess, shutdown)
#: Every message that ends a component (the drain-then-stop one included).
SHUTDOWN_TYPES: tuple[type, ...] = (producerFinished, shutdownMicroprocess, shutdown)


def is_stop_now(msg: Any) -> bool:
    """True for a "stop now" message.

    A few 1.x chassis send the *class* ``shutdownMicroprocess`` rather than an
    instance, so the class object itself counts too.
    """
    return isinstance(msg, STOP_NOW_TYPES) or msg is shutdownMicroprocess


def is_shutdown(msg: Any) -> bool:
    """True for any message that ends a component (``producerFinished`` included)."""
    return isinstance(msg, SHUTDOWN_TYPES) or msg is shutdownMicroprocess


def latch_shutdown(comp: Any, latched: Any) -> Any:
    """The first shutdown message ``comp`` received: ``latched`` if already set,
    else one read from its ``control`` inbox (other messages are dropped), else None."""
    while latched is None and comp.dataReady("control"):
        msg = comp.recv("control")
        if is_shutdown(msg):
            latched = msg
    return latched
