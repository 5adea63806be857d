"""The 1.x storage classes of ``Axon.Box``: ``nullsink`` and ``realsink``.

1.x postboxes kept their messages in one of these. Kamaelia 2's boxes keep
theirs in a ``collections.deque`` and do not use them; they are here for
1.x code that builds or subclasses them directly. A transit that 1.x
printed is logged on logger ``Axon.transit``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, SupportsIndex

from ._errors import noSpaceInBox

__all__ = ["nullsink", "realsink"]

_transit_log = logging.getLogger("Axon.transit")


class _Traced:
    """Show-transit settings shared by both sinks (1.x ``setShowTransit``)."""

    showtransit: bool | None = None
    tag: Any = None

    def setShowTransit(self, showtransit: bool, tag: Any) -> None:
        """Log every message that arrives here, naming ``tag``."""
        self.showtransit = showtransit
        self.tag = tag

    def _transit(self, what: str, data: Any) -> None:
        if self.showtransit:
            _transit_log.info("%s via [%s] of %r", what, self.tag, data)


class nullsink(_Traced):
    """Storage that discards what is appended and always holds nothing."""

    def __init__(self) -> None:
        self.size: int | None = None
        self.wakeOnPop: list[Callable[[], object]] = []

    def append(self, data: Any) -> None:
        """Discard ``data``."""
        self._transit("Discarding delivery", data)

    def __len__(self) -> int:
        return 0

    def pop(self, index: SupportsIndex = -1) -> Any:
        """Raise IndexError: a nullsink holds nothing."""
        raise IndexError("pop from a nullsink: it discards everything appended to it")


class realsink(_Traced, list):  # type: ignore[type-arg]
    """``realsink(notify, size=None)``: a list that calls ``notify()`` after each append.

    With a ``size``, appending to a full one raises ``noSpaceInBox(len, size)``.
    Each ``pop`` calls every callback in ``wakeOnPop``.
    """

    def __init__(self, notify: Callable[[], object], size: int | None = None) -> None:
        super().__init__()
        self.notify = notify
        self.size = size
        self.wakeOnPop: list[Callable[[], object]] = []

    def append(self, data: Any) -> None:
        """Store ``data`` and call ``notify()``; noSpaceInBox when ``size`` items are held."""
        self._transit("Delivery", data)
        if self.size is not None and len(self) >= self.size:
            raise noSpaceInBox(len(self), self.size)
        super().append(data)
        self.notify()

    def pop(self, index: SupportsIndex = -1) -> Any:
        """Take item ``index`` and call every callback in ``wakeOnPop``."""
        item = super().pop(index)
        for callback in self.wakeOnPop:
            callback()
        return item
