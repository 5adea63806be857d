"""DataSink: store every message in a list (the inverse of DataSource).

Contributed to Kamaelia 1.x as ``Kamaelia.Apps.SA.DSL``; same name and
arguments::

    results = []
    Pipeline(DataSource([1, 2, 3, 4]), DataSink(results)).run()
    assert results == [1, 2, 3, 4]

Each message arriving on ``inbox`` is appended to ``outlist`` and, unless
``pass_thru=False``, sent on out of ``outbox``.  With ``limit=n`` it stops
after ``n`` messages and sends ``producerFinished`` on ``signal``.  Read the
list once the component has finished (or from the same scheduler).

Shutdown: ``shutdownMicroprocess`` stops it at once; any other message on
``control`` (``producerFinished`` included) stops it after the messages
already received (1.x could drop those).  Either is passed on out of
``signal``.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_stop_now

__all__ = ["DataSink"]


@checked_keywords
class DataSink(component):
    """DataSink(outlist, limit=0, pass_thru=True) -> append each message to outlist.

    Keyword arguments:

    - outlist   -- the list (anything with ``append``) to store messages in
    - limit     -- stop after this many messages (0: no limit)
    - pass_thru -- also send each message out of ``outbox``
    """

    Inboxes = {"inbox": "Messages to store", "control": "Any message stops it"}
    Outboxes = {
        "outbox": "A copy of each message, if pass_thru",
        "signal": "producerFinished at the limit, else the message that stopped it",
    }
    limit: int = 0
    pass_thru: bool = True

    def __init__(self, outlist: Any, **argd: Any) -> None:
        if not callable(getattr(outlist, "append", None)):
            raise TypeError(f"DataSink: outlist must have an append() method, got {outlist!r}")
        super().__init__(**argd)
        if isinstance(self.limit, bool) or not isinstance(self.limit, int) or self.limit < 0:
            raise ValueError(f"DataSink: limit must be a whole number >= 0, got {self.limit!r}")
        self.outlist = outlist
        self.count = 0

    def _store_all(self) -> bool:
        """Store what has arrived; True once the limit is reached."""
        while self.dataReady("inbox"):
            data = self.recv("inbox")
            self.outlist.append(data)
            if self.pass_thru:
                self.send(data, "outbox")
            self.count += 1
            if self.limit and self.count >= self.limit:
                return True
        return False

    def main(self) -> Generator[int, None, None]:
        """Store messages until the limit or a control message."""
        while True:
            if self.dataReady("control"):
                msg = self.recv("control")
                if not is_stop_now(msg) and self._store_all():
                    msg = producerFinished(self)
                self.send(msg, "signal")
                return
            if self._store_all():
                self.send(producerFinished(self), "signal")
                return
            self.pause()
            yield 1
