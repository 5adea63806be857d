"""Linkages (descriptions of links) and the postoffice that makes and breaks them."""

from __future__ import annotations

from typing import Any

from ._box import postbox
from ._errors import UnknownBox

__all__ = ["linkage", "postoffice"]

_PASSTHROUGH = {
    0: ("outbox", "inbox"),  # a component's outbox feeds another's inbox
    1: ("inbox", "inbox"),  # a container's inbox forwards to a child's inbox
    2: ("outbox", "outbox"),  # a child's outbox surfaces as the container's outbox
}


def _box(component: Any, kind: str, boxname: str) -> postbox:
    boxes = getattr(component, kind + "es", None)
    if boxes is None:
        raise TypeError(
            f"cannot link to {component!r}: it is not a component (no {kind}es); "
            "did you pass a class instead of an instance, or leave a trailing comma?"
        )
    try:
        box: postbox = boxes[boxname]
    except KeyError:
        raise UnknownBox(component, kind, boxname, boxes) from None
    return box


class linkage:
    """Describes a link from ``(source, sourcebox)`` to ``(sink, sinkbox)``.

    ``passthrough``: 0 links an outbox to an inbox, 1 an inbox to an inbox (a
    container forwarding inward), 2 an outbox to an outbox (a child's output
    surfacing on its container). ``pipewidth=n`` limits the destination inbox
    to n messages; ``synchronous=True`` limits it to one. The link itself is
    made by ``postoffice.link`` (``component.link``).
    """

    def __init__(
        self,
        source: Any,
        sink: Any,
        sourcebox: str = "outbox",
        sinkbox: str = "inbox",
        passthrough: int = 0,
        pipewidth: int | None = None,
        synchronous: bool | None = None,
    ) -> None:
        if passthrough not in _PASSTHROUGH:
            raise ValueError(f"passthrough must be 0, 1 or 2, not {passthrough!r}")
        self.source = source
        self.sink = sink
        self.sourcebox = sourcebox
        self.sinkbox = sinkbox
        self.passthrough = passthrough
        # The boxes, once linked (two attributes, not a tuple: one object less per link).
        self._made_source: postbox | None = None
        self._made_sink: postbox | None = None
        if pipewidth is not None:
            self.getSinkbox().setSize(pipewidth)
        elif synchronous is not None:
            self.getSinkbox().setSize(1)

    def sourcePair(self) -> tuple[Any, str]:
        return self.source, self.sourcebox

    def sinkPair(self) -> tuple[Any, str]:
        return self.sink, self.sinkbox

    def getSourcebox(self) -> postbox:
        return _box(self.source, _PASSTHROUGH[self.passthrough][0], self.sourcebox)

    def getSinkbox(self) -> postbox:
        return _box(self.sink, _PASSTHROUGH[self.passthrough][1], self.sinkbox)

    def setSynchronous(self, pipewidth: int | None = None) -> int | None:
        box = self.getSinkbox()
        box.setSize(pipewidth)
        return box.getSize()

    def setShowTransit(self, showtransit: bool, tag: str | None = None) -> None:
        self.getSinkbox().setShowTransit(showtransit, tag)

    def __str__(self) -> str:
        return (
            f"Link( source:[{self.source.name},{self.sourcebox}], "
            f"sink:[{self.sink.name},{self.sinkbox}] )"
        )

    def short_str(self) -> str:
        parts = (self.source.name, self.sourcebox, self.sink.name, self.sinkbox)
        src, srcbox, sink, sinkbox = (p[p.rfind(".") + 1 :] for p in parts)
        return f"({src},{srcbox}):({sink},{sinkbox})"


class postoffice:
    """Makes links and remembers them, so that its owner can break them later.

    Each component has one; a linkage belongs to the component that made it.
    Once it is first asked to break one component's links, it also indexes
    its links by the components at their ends, so that from then on breaking
    one component's links costs only as much as that component has: a server
    holding thousands of connections closes one in constant time. (Most
    postoffices are never asked: their component links children once and
    breaks every link when it ends, and the index would be two more dicts
    per component for the cyclic GC to scan.)
    """

    def __init__(self, debugname: str = "") -> None:
        self._links: dict[linkage, None] = {}  # insertion-ordered set
        self._byComponent: dict[int, dict[linkage, None]] | None = None  # see above
        self.debugname = f"{debugname}:debug " if debugname else ""  # as 1.x stored it

    @property
    def linkages(self) -> list[linkage]:
        """The links this postoffice made and has not broken, oldest first."""
        return list(self._links)

    def link(
        self,
        source: tuple[Any, str],
        sink: tuple[Any, str],
        *optionalargs: Any,
        **kwoptionalargs: Any,
    ) -> linkage:
        """Link ``source`` = (component, box) to ``sink`` = (component, box)."""
        thelink = linkage(source[0], sink[0], source[1], sink[1], *optionalargs, **kwoptionalargs)
        sourcebox, sinkbox = thelink.getSourcebox(), thelink.getSinkbox()
        sinkbox.addsource(sourcebox)
        thelink._made_source, thelink._made_sink = sourcebox, sinkbox
        self._links[thelink] = None
        if self._byComponent is not None:
            self._index(thelink, self._byComponent)
        return thelink

    @staticmethod
    def _index(link: linkage, index: dict[int, dict[linkage, None]]) -> None:
        for end in (link.source, link.sink):
            index.setdefault(id(end), {})[link] = None

    def unlink(self, thecomponent: Any = None, thelinkage: linkage | None = None) -> None:
        """Break ``thelinkage`` and/or every link of ``thecomponent`` that this postoffice made."""
        if thelinkage is not None and thelinkage in self._links:
            self._break(thelinkage)
        if thecomponent is not None:
            index = self._byComponent
            if index is None:
                index = self._byComponent = {}
                for link in self._links:
                    self._index(link, index)
            for link in list(index.get(id(thecomponent), ())):
                self._break(link)

    def unlinkAll(self) -> None:
        """Break every link this postoffice made."""
        for link in list(self._links):
            self._break(link)

    def _break(self, link: linkage) -> None:
        del self._links[link]
        index = self._byComponent
        if index is not None:
            for end in (link.source, link.sink):
                mine = index.get(id(end))
                if mine is not None:
                    mine.pop(link, None)
                    if not mine:
                        del index[id(end)]
        # The boxes themselves, not their names: a box may have been deleted since.
        source, sink = link._made_source, link._made_sink
        if source is None or sink is None:
            source, sink = link.getSourcebox(), link.getSinkbox()
        sink.removesource(source)

    def islinkageregistered(self, linkage: linkage) -> bool:
        return linkage in self._links

    def deregisterlinkage(
        self, thecomponent: Any = None, thelinkage: linkage | None = None
    ) -> None:
        """Deprecated 1.x name of ``unlink``."""
        self.unlink(thecomponent, thelinkage)

    def __str__(self) -> str:
        return f"{{{{ POSTOFFICE: {self.debugname}links {self.linkages} }}}}"  # 1.x's format
