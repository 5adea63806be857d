"""Chooser: step through a list of items on command.

At start the Chooser sends the first item.  Commands on ``inbox``:

- ``"NEXT"`` / ``"PREV"`` -- step forwards / backwards and send the item;
  without ``loop``, NEXT at the end and PREV at the start send nothing (1.x's
  docstring said so, but its code sent the first item again); with
  ``loop=True`` both wrap around.
- ``"FIRST"`` / ``"LAST"`` -- jump to an end and send the item.
- ``"SAME"`` -- send the current item again.
- ``("GOTO", index)`` -- jump to ``items[index]`` (negative counts from the
  end) and send it; an index out of range is ignored (and logged).

``ForwardIteratingChooser(items)`` steps forwards only (``"NEXT"``/``"SAME"``)
over any iterable, even an endless one, and sends ``producerFinished`` once
it is exhausted.

Shutdown: ``shutdownMicroprocess`` stops either at once; ``producerFinished``
stops them once the commands already received are handled (1.x ignored it).
Either is passed on out of ``signal``.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterable
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["Chooser", "ForwardIteratingChooser"]

log = logging.getLogger(__name__)


class _CommandLoop(component):
    """Shared loop: handle inbox commands, stop on a shutdown message."""

    Inboxes = {"inbox": "Commands: NEXT, PREV, FIRST, LAST, SAME, (GOTO, n)", "control": "Shutdown"}
    Outboxes = {"outbox": "The chosen items", "signal": "Shutdown signalling"}

    def _emit(self) -> None:
        try:
            item = self.getCurrentChoice()
        except IndexError:
            return  # nothing to choose from
        self.send(item, "outbox")

    def _command(self, msg: Any) -> bool | None:
        """Act on one command; True to send the current item, None to stop."""
        raise NotImplementedError

    def getCurrentChoice(self) -> Any:
        """The current item (IndexError when there is none)."""
        raise NotImplementedError

    def _shutdown_message(self) -> Any:
        while self.dataReady("control"):
            msg = self.recv("control")
            if is_shutdown(msg):
                return msg
        return None

    def main(self) -> Generator[int, None, None]:
        """Send the first item, then obey commands until told to stop."""
        self._emit()
        while True:
            while self.dataReady("inbox"):
                send = self._command(self.recv("inbox"))
                if send is None:
                    self.send(producerFinished(self), "signal")
                    return
                if send:
                    self._emit()
            stop = self._shutdown_message()
            if stop is not None:
                self.send(stop, "signal")
                return
            self.pause()
            yield 1


@checked_keywords
class Chooser(_CommandLoop):
    """Chooser(items=[], loop=False) -> step through items on command."""

    def __init__(self, items: Iterable[Any] = (), loop: bool = False) -> None:
        super().__init__()
        self.items = list(items)
        self.index = 0
        self.loop = loop

    def _command(self, msg: Any) -> bool:
        if isinstance(msg, tuple) and len(msg) == 2 and msg[0] == "GOTO":
            return self.gotoIndex(msg[1])
        action = (
            {
                "SAME": lambda: True,
                "NEXT": self.gotoNext,
                "PREV": self.gotoPrev,
                "FIRST": self.gotoFirst,
                "LAST": self.gotoLast,
            }.get(msg)
            if isinstance(msg, str)
            else None
        )
        if action is None:
            log.warning("Chooser %s: ignoring unknown command %r", self.name, msg)
            return False
        return action()

    def getCurrentChoice(self) -> Any:
        """The current item (IndexError when there are no items)."""
        return self.items[self.index]

    def gotoNext(self) -> bool:
        """Step forwards; True if there is an item to send."""
        if self.index + 1 < len(self.items):
            self.index += 1
            return True
        if self.loop and self.items:
            self.index = 0
            return True
        return False

    def gotoPrev(self) -> bool:
        """Step backwards; True if there is an item to send."""
        if self.index > 0:
            self.index -= 1
            return True
        if self.loop and self.items:
            self.index = len(self.items) - 1
            return True
        return False

    def gotoFirst(self) -> bool:
        """Jump to the first item."""
        self.index = 0
        return True

    def gotoLast(self) -> bool:
        """Jump to the last item."""
        self.index = max(len(self.items) - 1, 0)
        return True

    def gotoIndex(self, index: Any) -> bool:
        """Jump to ``items[index]``; out-of-range indexes are ignored."""
        size = len(self.items)
        if not isinstance(index, int) or not -size <= index < size:
            log.warning(
                "Chooser %s: GOTO %r is out of range for %d items; ignored", self.name, index, size
            )
            return False
        self.index = index % size
        return True


@checked_keywords
class ForwardIteratingChooser(_CommandLoop):
    """ForwardIteratingChooser(items=[]) -> step forwards through any iterable."""

    Inboxes = {"inbox": "Commands: NEXT, SAME", "control": "Shutdown"}

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__()
        self.items = iter(items)
        self.gotoNext()

    def _command(self, msg: Any) -> bool | None:
        if msg == "SAME":
            return True
        if msg == "NEXT":
            return True if self.gotoNext() else None
        log.warning("ForwardIteratingChooser %s: ignoring unknown command %r", self.name, msg)
        return False

    def getCurrentChoice(self) -> Any:
        """The current item (IndexError before the first or when empty)."""
        try:
            return self.currentitem
        except AttributeError:
            raise IndexError("ForwardIteratingChooser has no current item") from None

    def gotoNext(self) -> bool:
        """Advance; False when the iterable is exhausted."""
        try:
            self.currentitem = next(self.items)
        except StopIteration:
            return False
        return True
