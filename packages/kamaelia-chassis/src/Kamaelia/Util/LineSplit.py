"""LineSplit: split each message into its lines, one message per line."""

from __future__ import annotations

from typing import Any

from Kamaelia.Util.PureTransformer import PureTransformer

__all__ = ["LineSplit"]


class LineSplit(PureTransformer):
    """LineSplit() -> send each line of each message separately.

    Works on ``str`` and ``bytes``.  As in 1.x it splits on ``"\\n"`` only, so
    a message ending in a newline also yields a final empty line.
    """

    def processMessage(self, msg: Any) -> None:
        """Send the lines of one message."""
        separator = b"\n" if isinstance(msg, (bytes, bytearray)) else "\n"
        for line in msg.split(separator):
            self.send(line, "outbox")
        return None
