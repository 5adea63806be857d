"""Stringify: send ``str(msg)`` for each message."""

from __future__ import annotations

from typing import Any

from Kamaelia.Util.PureTransformer import PureTransformer

__all__ = ["Stringify"]


class Stringify(PureTransformer):
    """Stringify() -> send str(msg) for each message.

    Unlike 1.x it does not activate itself when built, sleeps while idle and
    stops on ``producerFinished``/``shutdownMicroprocess``.
    """

    Inboxes = {"inbox": "Messages to convert", "control": "Shutdown signalling"}
    passOnProducerFinished = True
    Outboxes = {"outbox": "str() of each message", "signal": "Shutdown signalling"}

    def processMessage(self, msg: Any) -> str:
        """Convert one message."""
        return str(msg)
