"""UnseenOnly: pass each distinct message on once, dropping repeats."""

from __future__ import annotations

from typing import Any

from Axon.options import checked_keywords

from Kamaelia.Util.PureTransformer import PureTransformer

__all__ = ["UnseenOnly"]


@checked_keywords
class UnseenOnly(PureTransformer):
    """UnseenOnly() -> send a message only the first time it is seen.

    Messages must be hashable.  It remembers every message it has seen.
    """

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[Any] = set()

    def processMessage(self, msg: Any) -> Any:
        """Return msg the first time, None after."""
        if msg in self.seen:
            return None
        self.seen.add(msg)
        return msg
