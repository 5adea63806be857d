"""Components: microprocesses with named inboxes and outboxes (1.x ``Axon.Component``)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Generator, Iterable, Iterator, Mapping, MutableSequence
from typing import Any, ClassVar

from ._box import postbox
from ._errors import UnknownBox
from ._linkage import linkage, postoffice
from ._microprocess import microprocess

__all__ = ["TraceAllRecvs", "TraceAllSends", "component"]

TraceAllSends = False
TraceAllRecvs = False
_trace = logging.getLogger("Axon.trace")


def _tracing() -> tuple[bool, bool]:
    """The 1.x module flags, read where users set them: ``Axon.Component.TraceAll*``."""
    public = sys.modules.get("Axon.Component")
    return (
        bool(getattr(public, "TraceAllSends", TraceAllSends)),
        bool(getattr(public, "TraceAllRecvs", TraceAllRecvs)),
    )


class _Children(MutableSequence[Any]):
    """A component's ``children``: a list to 1.x code, an insertion-ordered set inside.

    A server adopts and drops thousands of children; with a plain list every
    ``removeChild`` scanned them all. Here append, remove and ``in`` cost
    O(1); indexing (rare) builds a list. A child is held once.
    """

    __slots__ = ("_members",)

    def __init__(self) -> None:
        self._members: dict[Any, None] = {}

    def __len__(self) -> int:
        return len(self._members)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._members)

    def __contains__(self, item: object) -> bool:
        return item in self._members

    def __getitem__(self, index: Any) -> Any:
        return list(self._members)[index]

    def __setitem__(self, index: Any, value: Any) -> None:
        items = list(self._members)
        items[index] = value
        self._members = dict.fromkeys(items)

    def __delitem__(self, index: Any) -> None:
        items = list(self._members)
        del items[index]
        self._members = dict.fromkeys(items)

    def insert(self, index: int, value: Any) -> None:
        items = list(self._members)
        items.insert(index, value)
        self._members = dict.fromkeys(items)

    def append(self, value: Any) -> None:
        self._members[value] = None

    def remove(self, value: Any) -> None:
        try:
            del self._members[value]
        except KeyError:
            raise ValueError(f"{value!r} is not a child") from None

    def clear(self) -> None:
        self._members.clear()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, _Children)):
            return list(self._members) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(list(self._members))


class component(microprocess):
    """Base class of every component: subclass it and write ``main()`` as a generator.

    Keyword arguments given to the constructor become attributes (as in
    1.x). ``Inboxes`` and ``Outboxes`` name the boxes, as a dict of
    name -> description or a list of names::

        class Doubler(component):
            def main(self):
                while not self.dataReady("control"):
                    for value in self.Inbox("inbox"):
                        self.send(value * 2, "outbox")
                    self.pause()
                    yield 1
                self.send(self.recv("control"), "signal")
    """

    # Not ClassVar: a container may give an instance boxes of its own.
    Inboxes: Mapping[str, str] | Iterable[str] = {
        "inbox": "Default inbox for data, like stdin in a Unix pipeline",
        "control": "Shutdown and other control messages, like Unix signals",
    }
    Outboxes: Mapping[str, str] | Iterable[str] = {
        "outbox": "Default outbox for data, like stdout in a Unix pipeline",
        "signal": "Shutdown and other signals, sent when this component stops",
    }
    Usescomponents: ClassVar[list[Any]] = []
    # Made on first use (most components never link, adopt or register a callback):
    # every object a component is built of is one more for the cyclic GC to scan.
    _postoffice: postoffice | None = None
    _children: MutableSequence[Any] | None = None
    _closedown_callbacks: list[Any] | None = None

    def __init__(self, *args: Any, **argd: Any) -> None:
        super().__init__()
        if argd:
            self.__dict__.update(argd)
        self.inboxes: dict[str, postbox] = {
            name: postbox(self, name, True) for name in self.Inboxes
        }
        self.outboxes: dict[str, postbox] = {
            name: postbox(self, name, False) for name in self.Outboxes
        }
        sends, recvs = _tracing()
        if sends or recvs:
            self._trace_boxes(sends, recvs)

    @property
    def postoffice(self) -> postoffice:
        """Makes and remembers this component's links (made on first use: many never link)."""
        office = self._postoffice
        if office is None:
            office = self._postoffice = postoffice()
        return office

    @postoffice.setter
    def postoffice(self, office: postoffice) -> None:
        self._postoffice = office

    @property
    def children(self) -> MutableSequence[Any]:
        """The components this one adopted (a list to 1.x code; made on first use)."""
        children = self._children
        if children is None:
            children = self._children = _Children()
        return children

    @children.setter
    def children(self, children: MutableSequence[Any]) -> None:
        self._children = children

    @property
    def _callOnCloseDown(self) -> list[Any]:
        """Called when this component closes down (parents' ``unpause``; made on first use)."""
        callbacks = self._closedown_callbacks
        if callbacks is None:
            callbacks = self._closedown_callbacks = []
        return callbacks

    @_callOnCloseDown.setter
    def _callOnCloseDown(self, callbacks: list[Any]) -> None:
        self._closedown_callbacks = callbacks

    def __str__(self) -> str:
        return f"Component {self.name} [ inboxes : {self.inboxes} outboxes : {self.outboxes}"

    # -- messages ------------------------------------------------------------

    def send(self, message: Any, boxname: str = "outbox") -> None:
        """Send ``message`` out of outbox ``boxname``.

        Raises ``noSpaceInBox`` when the destination is a full size-limited inbox.
        """
        try:
            box = self.outboxes[boxname]
        except KeyError:
            raise UnknownBox(self, "outbox", boxname, self.outboxes) from None
        box.append(message)

    def recv(self, boxname: str = "inbox") -> Any:
        """Take the oldest message from inbox ``boxname``; IndexError when it is empty."""
        try:
            box = self.inboxes[boxname]
        except KeyError:
            raise UnknownBox(self, "inbox", boxname, self.inboxes) from None
        message = box.take()
        for producer in box._wake_list:  # box._wake_producers(), inlined: the hot path
            if producer._sleeping:
                producer.scheduler._wake(producer)
        return message

    def dataReady(self, boxname: str = "inbox") -> int:
        """How many messages wait in inbox ``boxname``."""
        try:
            return len(self.inboxes[boxname]._queue)  # type: ignore[arg-type]
        except KeyError:
            raise UnknownBox(self, "inbox", boxname, self.inboxes) from None

    def anyReady(self) -> str | bool:
        """The name of the first inbox holding a message (True for a nameless one), else False."""
        for name, box in self.inboxes.items():
            if box._queue:
                return name or True
        return False

    def Inbox(self, boxname: str = "inbox") -> Generator[Any, None, None]:
        """Yield every message waiting in inbox ``boxname``, oldest first."""
        while self.dataReady(boxname):
            yield self.recv(boxname)

    def deliver(self, message: Any, boxname: str = "inbox") -> None:
        """Put ``message`` into inbox ``boxname`` as if a linked outbox had sent it.

        For containers passing a message to a child, tests and set-up. Wakes
        the component if it sleeps; raises ``noSpaceInBox`` if the inbox is
        size-limited and full, and ``UnknownBox`` (a KeyError) naming the
        inboxes it has if there is no such box.
        """
        try:
            box = self.inboxes[boxname]
        except KeyError:
            raise UnknownBox(self, "inbox", boxname, self.inboxes) from None
        box.append(message)

    # The 1.x name ("for tests and debugging"): 1.x test suites and tools call it.
    _deliver = deliver

    def setInboxSize(self, boxname: str, size: int | None) -> None:
        """Limit inbox ``boxname`` to ``size`` messages (None: no limit)."""
        try:
            box = self.inboxes[boxname]
        except KeyError:
            raise UnknownBox(self, "inbox", boxname, self.inboxes) from None
        box.setSize(size)

    # -- links and children ----------------------------------------------------

    def link(
        self,
        source: tuple[Any, str],
        sink: tuple[Any, str],
        *optionalargs: Any,
        **kwoptionalargs: Any,
    ) -> linkage:
        """Link ``source`` = (component, box) to ``sink`` = (component, box); see ``linkage``."""
        return self.postoffice.link(source, sink, *optionalargs, **kwoptionalargs)

    def unlink(self, thecomponent: Any = None, thelinkage: linkage | None = None) -> None:
        """Break links this component made: ``thelinkage``, and/or all of ``thecomponent``'s."""
        self.postoffice.unlink(thecomponent, thelinkage)

    def addChildren(self, *children: Any) -> None:
        """Adopt components: this one is woken when any of them finishes (activate them too)."""
        for child in children:
            if not isinstance(child, component):
                raise TypeError(
                    f"{self.name}: addChildren needs component instances, got {child!r}"
                    + (
                        " (a class: did you forget the brackets?)"
                        if isinstance(child, type)
                        else ""
                    )
                )
            child._callOnCloseDown.append(self.unpause)
            self.children.append(child)
            if self._failure_handler_adopts and child._failure_handler is None:
                child.set_failure_handler(self._failure_handler, children=True)

    def removeChild(self, child: Any) -> None:
        """Disown ``child`` and break every link this component made that involves it."""
        if child in self.children:
            self.children.remove(child)
        child._callOnCloseDown[:] = [cb for cb in child._callOnCloseDown if cb != self.unpause]
        self.postoffice.unlink(thecomponent=child)

    def childComponents(self) -> list[Any]:
        return list(self.children)

    # -- the 1.x "legacy" body, for components that override mainBody instead --

    def main(self) -> Generator[Any, None, None]:
        result = self.initialiseComponent() or 1
        yield result
        while result:
            result = self.mainBody()
            if result:
                yield result
        yield self.closeDownComponent()

    def initialiseComponent(self) -> Any:
        return 1

    def mainBody(self) -> Any:
        return None

    def closeDownComponent(self) -> Any:
        return 1

    def _closeDownMicroprocess(self) -> Any:
        for callback in self._closedown_callbacks or ():
            callback()
        if self._postoffice is not None:
            self._postoffice.unlinkAll()
        return None

    # -- tracing (module flags TraceAllSends / TraceAllRecvs, as in 1.x) --

    def _trace_boxes(self, sends: bool, recvs: bool) -> None:
        plain_send, plain_recv = self.send, self.recv

        def send(message: Any, boxname: str = "outbox") -> None:
            _trace.info("SEND %s %r: %r", self.name, boxname, message)
            plain_send(message, boxname)

        def recv(boxname: str = "inbox") -> Any:
            message = plain_recv(boxname)
            _trace.info("RECV %s %r: %r", self.name, boxname, message)
            return message

        if sends:
            self.send = send  # type: ignore[method-assign]
        if recvs:
            self.recv = recv  # type: ignore[method-assign]
