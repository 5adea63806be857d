"""Inboxes and outboxes, and how links between them are resolved.

Every box knows the box it feeds (``_target``) and the boxes that feed it
(``_sources``). When a link changes, every box upstream of the change is
given, once, the callables that put a message straight into the *final*
inbox of its chain (or drop it, when the chain ends at an unlinked outbox).
So ``send`` never walks a chain: it is one call that appends to a
``collections.deque`` and wakes the receiving component if it sleeps.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Callable
from typing import Any

from ._errors import BoxAlreadyLinkedToDestination, noSpaceInBox

__all__ = ["ShowAllTransits", "makeInbox", "makeOutbox", "postbox"]

ShowAllTransits = False
_transit_log = logging.getLogger("Axon.transit")


def _show_all_transits() -> bool:
    """The 1.x module flag, read where users set it: ``Axon.Box.ShowAllTransits``."""
    public = sys.modules.get("Axon.Box")
    return bool(getattr(public, "ShowAllTransits", ShowAllTransits))


def _discard(message: object) -> None:
    """Where a message sent from an unlinked outbox goes (as in 1.x)."""


def _empty_pop() -> Any:
    raise IndexError("pop from an empty outbox: outboxes hold no messages")


class postbox:
    """One inbox or outbox of a component.

    Not for subclassing: the machinery is final, components are the
    extension point. ``append`` delivers a message (into the final inbox of
    the chain this box starts), ``pop`` takes the oldest message from it.
    """

    __slots__ = (
        "__weakref__",
        "_final",
        "_is_inbox",
        "_owner",
        "_producers",
        "_queue",
        "_show_transit",
        "_size",
        "_sources",
        "_store",
        "_target",
        "_wake_list",
        "append",
        "name",
        "take",
    )

    def __init__(self, owner: Any, name: str, inbox: bool, size: int | None = None) -> None:
        self._owner = owner
        self.name = name
        self._is_inbox = inbox
        self._queue: deque[Any] | None = deque() if inbox else None
        self._size = size
        self._target: postbox | None = None
        # Most boxes have no source or one: a tuple of it (the empty one is shared).
        # From the second on, an insertion-ordered dict used as a set: a server's
        # feedback inbox has a source per connection, and dropping one must not
        # scan them all.
        self._sources: dict[postbox, None] | tuple[postbox, ...] = ()
        self._final: postbox | None = self if inbox else None
        self._show_transit: str | None = None
        self.append: Callable[[Any], None] = _discard
        self.take: Callable[[], Any] = _empty_pop  # the oldest message, from the final inbox
        # An inbox's store, made once and shared by every box feeding it.
        self._store: Callable[[Any], None] = _discard
        # How many chains that end in this (final) inbox start at an outbox (their
        # owners are its producers), and the producers a take wakes if they sleep.
        self._producers = 0
        self._wake_list: tuple[Any, ...] = ()
        if inbox:
            self._store = self._make_store()
            self.append, self.take = self._store, self._queue.popleft  # type: ignore[union-attr]

    # -- what the chain this box starts resolves to ---------------------------

    def _final_box(self) -> postbox:
        box = self
        while box._target is not None:
            box = box._target
        return box

    def _resolve(self) -> None:
        """Point this box and every box upstream of it at the chain's final box."""
        final = self._final_box()
        pending = [self]
        while pending:
            box = pending.pop()
            box._bind_to(final)
            pending.extend(box._sources)

    def _bind_to(self, final: postbox) -> None:
        if final._is_inbox:
            if self is not final and self._queue:
                # 1.x moves messages queued in a forwarding inbox on to the new destination.
                while self._queue:
                    final.append(self._queue.popleft())
            self._final = final
            self.append = final._store
            if self is final:
                self._producers, self._wake_list = 0, ()
                self._add_producers(self._find_producers())
                self.take = self._queue.popleft  # type: ignore[union-attr]
            else:
                self._producers, self._wake_list = 0, ()
                # An inbox forwarding to the final one still wakes its producers when
                # taken from; an outbox shares the final inbox's plain take (1.x list API).
                self.take = final._take_from_final if self._is_inbox else final.take
        else:
            self._final = None
            self.append = _discard
            self.take = _empty_pop

    def _make_store(self) -> Callable[[Any], None]:
        assert self._queue is not None
        transit = self._show_transit or (self.name if _show_all_transits() else None)
        if self._size is None and transit is None:
            return self._store_plain
        return _checked_store(self, self._size, transit)

    def _store_plain(self, message: Any) -> None:
        """Store for an unlimited, untraced inbox: append, and wake the owner if it sleeps.

        The one rule of waking, for every delivery: a sleeping owner goes back
        on its scheduler's run queue through ``scheduler._wake``; an owner that
        asked to pause during its current step (it sent to itself) stays awake.
        A bound method, not a closure: one object per inbox instead of five
        (closure, cells, bound ``append``) for the cyclic GC to scan.
        """
        self._queue.append(message)  # type: ignore[union-attr]
        owner = self._owner
        if owner._sleeping:
            owner.scheduler._wake(owner)
        elif owner._pause_requested:
            owner._pause_requested = False

    def _take_from_final(self) -> Any:
        """Take from this final inbox for a box forwarding to it, waking producers."""
        message = self.take()
        self._wake_producers()
        return message

    def _find_producers(self) -> list[Any]:
        """Owners of the outboxes where the chains ending in this box start."""
        producers = []
        pending = list(self._sources)
        while pending:
            box = pending.pop()
            if box._sources:
                pending.extend(box._sources)
            elif not box._is_inbox:
                producers.append(box._owner)
        return producers

    def _wake_producers(self) -> None:
        """A producer may have paused until its message is taken: wake it (1.x wakeOnPop).

        Whoever takes a message from a final inbox calls this (``component.recv``
        inlines it: it is the hot path of every recv, and a closure per inbox
        would cost memory in every linked component).
        """
        for producer in self._wake_list:
            if producer._sleeping:
                producer.scheduler._wake(producer)

    def _heads(self) -> list[Any]:
        """The producers of the chains that start at or above this box."""
        if self._sources:
            return self._find_producers()
        return [] if self._is_inbox else [self._owner]

    def _add_producers(self, owners: list[Any]) -> None:
        if self._is_inbox and owners:
            self._producers += len(owners)
            self._refresh_wake_list(owners if self._producers == len(owners) else None)

    def _remove_producers(self, owners: list[Any]) -> None:
        if self._is_inbox and owners:
            self._producers -= len(owners)
            self._refresh_wake_list(None)

    def _refresh_wake_list(self, producers: list[Any] | None) -> None:
        """``producers``: all of them, when the caller has them at hand."""
        # Every take walks this list, so it names the one producer, or all of a
        # size-limited inbox's (they wait for room). Several producers sharing an
        # unlimited inbox are not woken: walking them on every take would make
        # each message into a busy shared inbox (a server's, say) cost O(producers),
        # and so does finding them again, which is done only for one or a limit.
        if self._producers > 1 and self._size is None:
            self._wake_list = ()
        else:
            self._wake_list = tuple(producers if producers is not None else self._find_producers())

    # -- linking (1.x API) -------------------------------------------------

    def addsource(self, newsource: postbox) -> None:
        """Make ``newsource`` feed this box (one destination per source)."""
        if newsource._target is not None:
            raise BoxAlreadyLinkedToDestination(self, newsource._target, newsource)
        box: postbox | None = self
        while box is not None:
            if box is newsource:
                raise ValueError(f"linking {newsource!r} to {self!r} would make a loop of links")
            box = box._target
        newsource._target = self
        sources = self._sources
        if isinstance(sources, dict):
            sources[newsource] = None
        elif sources:
            self._sources = dict.fromkeys((*sources, newsource))
        else:
            self._sources = (newsource,)
        newsource._resolve()
        self._final_box()._add_producers(newsource._heads())

    def pop(self, index: int = 0) -> Any:
        """Take message ``index`` (the oldest by default) from the final inbox (1.x list API)."""
        final = self._final
        if final is None or final._queue is None:
            return _empty_pop()
        if index == 0:
            message = final.take()
        else:
            message = final._queue[index]
            del final._queue[index]
        final._wake_producers()
        return message

    def removesource(self, oldsource: postbox) -> None:
        """Stop ``oldsource`` feeding this box (if it does); delivered messages stay here."""
        sources = self._sources
        if oldsource not in sources:
            return
        if isinstance(sources, dict):
            del sources[oldsource]
        else:
            self._sources = ()
        oldsource._target = None
        oldsource._resolve()
        self._final_box()._remove_producers(oldsource._heads())

    # -- inspection and size (1.x API) --------------------------------------

    def __len__(self) -> int:
        final = self._final
        return len(final._queue) if final is not None and final._queue is not None else 0

    def local_len(self) -> int:
        return len(self._queue) if self._queue is not None else 0

    def setSize(self, size: int | None) -> None:
        """Limit the inbox to ``size`` messages (None: no limit)."""
        if not self._is_inbox:
            raise TypeError(f"{self!r} is an outbox; only inboxes can be size-limited")
        self._size = size
        self._refresh_upstream()

    def getSize(self) -> int | None:
        return self._size

    def isFull(self) -> bool:
        final = self._final
        if final is None or final._size is None or final._queue is None:
            return False
        return len(final._queue) >= final._size

    def setShowTransit(self, showtransit: bool = False, tag: str | None = None) -> None:
        """Log (logger ``Axon.transit``) every message that arrives in this inbox."""
        self._show_transit = (tag or self.name) if showtransit else None
        self._refresh_upstream()

    def _refresh_upstream(self) -> None:
        # Every box feeding this one holds a store made from its size: remake them.
        self._store = self._make_store()
        self._resolve()

    def __repr__(self) -> str:
        kind = "inbox" if self._is_inbox else "outbox"
        owner = getattr(self._owner, "name", self._owner)
        return f"<{kind} {self.name!r} of {owner}: {self.local_len()} queued>"


def _checked_store(box: postbox, size: int | None, transit: str | None) -> Callable[[Any], None]:
    """Store for a size-limited or traced inbox: check, log, then store as usual."""
    queue, name, deliver = box._queue, box.name, box._store_plain
    assert queue is not None

    def store(message: Any) -> None:
        if size is not None and len(queue) >= size:
            raise noSpaceInBox(len(queue), size, f"{name!r} of {box._owner.name}")
        if transit is not None:
            _transit_log.info("%s: %r arrives in %s", transit, message, name)
        deliver(message)

    return store


class _NotifyOwner:
    """Lets a box made by makeInbox/makeOutbox call a plain notify callback.

    It is its own scheduler: always "sleeping", so every delivery (or, for an
    outbox, every collection) goes to its ``_wake``, which calls ``notify``.
    """

    _sleeping = True
    _pause_requested = False
    name = "notify callback"

    def __init__(self, notify: Callable[[], object] | None) -> None:
        self.scheduler = self
        self._notify = notify

    def _wake(self, _owner: object) -> None:
        if self._notify is not None:
            self._notify()


def _owner_of(notify: Callable[[], object] | None) -> Any:
    owner = getattr(notify, "__self__", None)
    return owner if hasattr(owner, "_sleeping") else _NotifyOwner(notify)


def makeInbox(notify: Callable[[], object] | None, size: int | None = None) -> postbox:
    """1.x helper: an inbox whose arrivals call ``notify`` (usually ``component.unpause``)."""
    return postbox(_owner_of(notify), "inbox", inbox=True, size=size)


def makeOutbox(notify: Callable[[], object] | None) -> postbox:
    """1.x helper: an outbox (``notify`` is kept for signature compatibility)."""
    return postbox(_owner_of(notify), "outbox", inbox=False)
