"""Splitters: copy a stream to any number of destinations added at run time.

Send ``addsink(component, "inbox", "control")`` to a splitter's
``configuration`` inbox to add a destination and ``removesink(...)`` (same
arguments) to remove it.  A :class:`PlugSplitter` copies ``inbox`` to
``outbox`` and to every sink's data inbox, and ``control`` to ``signal`` and
to every sink's control inbox.  :class:`Plug` wraps a component so that it
plugs itself into a splitter while it runs and unplugs when it finishes.
:class:`Splitter` is the older, data-only form (1.x's was broken; this one
works).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.AdaptiveCommsComponent import AdaptiveCommsComponent
from Axon.Component import component
from Axon.Ipc import ipc
from Axon.options import checked_keywords

from Kamaelia.Chassis._wiring import check_component, reap_children
from Kamaelia.Util._control import is_shutdown

__all__ = ["addsink", "removesink", "Splitter", "PlugSplitter", "Plug"]


class addsink(ipc):
    """addsink(sink, sinkbox="inbox", sinkcontrol=None, passthrough=0) -> request.

    Asks a splitter to send its data to ``(sink, sinkbox)`` and, if
    ``sinkcontrol`` is given, its control messages to ``(sink, sinkcontrol)``.
    """

    def __init__(
        self,
        sink: Any,
        sinkbox: str | None = "inbox",
        sinkcontrol: str | None = None,
        passthrough: int = 0,
    ) -> None:
        self.sink = sink
        self.sinkbox = sinkbox
        self.sinkcontrol = sinkcontrol
        self.passthrough = passthrough


class removesink(ipc):
    """removesink(sink, sinkbox="inbox", sinkcontrol=None) -> undo an addsink."""

    def __init__(self, sink: Any, sinkbox: str | None = "inbox", sinkcontrol: str | None = None):
        self.sink = sink
        self.sinkbox = sinkbox
        self.sinkcontrol = sinkcontrol


@checked_keywords
class _SinkSet(AdaptiveCommsComponent):
    """Keeps one private outbox per destination; shared by both splitters."""

    def __init__(self, **argd: Any) -> None:
        super().__init__(**argd)
        self.outboxsinks: dict[tuple[Any, str], tuple[str, Any]] = {}
        self.signalsinks: dict[tuple[Any, str], tuple[str, Any]] = {}

    def _configure(self) -> None:
        while self.dataReady("configuration"):
            request = self.recv("configuration")
            if isinstance(request, addsink):
                self._addSink(
                    request.sink, request.sinkbox, request.sinkcontrol, request.passthrough
                )
            elif isinstance(request, removesink):
                self._delSink(request.sink, request.sinkbox, request.sinkcontrol)

    def _plug(
        self,
        table: dict[tuple[Any, str], tuple[str, Any]],
        dst: tuple[Any, str],
        base: str,
        passthrough: int = 0,
    ) -> None:
        if dst not in table:
            box = self.addOutbox(base)
            table[dst] = (box, self.link((self, box), dst, passthrough=passthrough))

    def _unplug(self, table: dict[tuple[Any, str], tuple[str, Any]], dst: tuple[Any, str]) -> None:
        entry = table.pop(dst, None)
        if entry is not None:
            box, linkage = entry
            self.unlink(thelinkage=linkage)
            self.deleteOutbox(box)

    def _addSink(
        self,
        sink: Any,
        sinkinbox: str | None = None,
        sinkcontrol: str | None = None,
        passthrough: int = 0,
    ) -> None:
        """Add ``(sink, sinkinbox)`` for data and/or ``(sink, sinkcontrol)`` for control."""
        if sinkinbox is not None:
            self._plug(self.outboxsinks, (sink, sinkinbox), "outbox", passthrough)
        if sinkcontrol is not None:
            self._plug(self.signalsinks, (sink, sinkcontrol), "signal")

    def _delSink(
        self, sink: Any, sinkinbox: str | None = None, sinkcontrol: str | None = None
    ) -> None:
        """Remove a destination added by :meth:`_addSink` (unknown ones are ignored)."""
        if sinkinbox is not None:
            self._unplug(self.outboxsinks, (sink, sinkinbox))
        if sinkcontrol is not None:
            self._unplug(self.signalsinks, (sink, sinkcontrol))

    def _fan_data(self, data: Any, main_box: str | None) -> None:
        if main_box is not None:
            self.send(data, main_box)
        for box, _linkage in list(self.outboxsinks.values()):
            self.send(data, box)

    def _fan_control(self, msg: Any) -> None:
        self.send(msg, "signal")
        for box, _linkage in list(self.signalsinks.values()):
            self.send(msg, box)

    def _unplug_all(self) -> None:
        for dst in list(self.outboxsinks):
            self._unplug(self.outboxsinks, dst)
        for dst in list(self.signalsinks):
            self._unplug(self.signalsinks, dst)


class Splitter(_SinkSet):
    """Splitter() -> copy inbox to every sink added through "configuration".

    ``producerFinished`` or ``shutdownMicroprocess`` on ``control`` is passed
    to ``signal`` and to every sink's control box, and stops the Splitter.
    """

    Inboxes = {
        "inbox": "Messages to copy to every sink",
        "control": "Shutdown signalling (copied to sinks' control boxes)",
        "configuration": "addsink(...) and removesink(...) requests",
    }
    Outboxes = {"outbox": "Unused", "signal": "Shutdown signalling"}

    def main(self) -> Generator[int, None, None]:
        """Copy data to the sinks until told to stop."""
        while True:
            self._configure()
            while self.dataReady("inbox"):
                self._fan_data(self.recv("inbox"), None)
            while self.dataReady("control"):
                msg = self.recv("control")
                if is_shutdown(msg):
                    self._fan_control(msg)
                    self._unplug_all()
                    return
            self.pause()
            yield 1


@checked_keywords
class PlugSplitter(_SinkSet):
    """PlugSplitter(sourceComponent=None) -> copy a stream to plugged-in sinks.

    With a ``sourceComponent`` the splitter wraps it as a child: the
    splitter's inboxes feed the child and the child's output is what gets
    copied; the splitter finishes when the child does.  Without one, it
    copies its own inboxes and stops on ``producerFinished`` or
    ``shutdownMicroprocess`` (after copying that message to every sink).
    """

    Inboxes = {
        "inbox": "Messages to copy to outbox and every sink",
        "control": "Shutdown signalling, copied to signal and every sink's control",
        "configuration": "addsink(...) and removesink(...) requests",
        "_inbox": "Internal: the source child's outbox",
        "_control": "Internal: the source child's signal",
    }
    Outboxes = {
        "outbox": "A copy of each data message",
        "signal": "A copy of each control message",
    }

    def __init__(self, sourceComponent: component | None = None) -> None:
        super().__init__()
        self.usingChild = sourceComponent is not None
        if sourceComponent is not None:
            check_component("PlugSplitter", "sourceComponent", sourceComponent)
            self.addChildren(sourceComponent)
            self.link((self, "inbox"), (sourceComponent, "inbox"), passthrough=1)
            self.link((self, "control"), (sourceComponent, "control"), passthrough=1)
            self.link((sourceComponent, "outbox"), (self, "_inbox"))
            self.link((sourceComponent, "signal"), (self, "_control"))
            self.inboxname, self.controlname = "_inbox", "_control"
        else:
            self.inboxname, self.controlname = "inbox", "control"

    def main(self) -> Generator[int, None, None]:
        """Copy the stream until the source child ends or a shutdown arrives."""
        for child in self.childComponents():
            child.activate(Scheduler=self.scheduler)
        done = False
        while not done:
            self._configure()
            while self.dataReady(self.inboxname):
                self._fan_data(self.recv(self.inboxname), "outbox")
            while self.dataReady(self.controlname):
                msg = self.recv(self.controlname)
                self._fan_control(msg)
                done |= not self.usingChild and is_shutdown(msg)
            if self.usingChild:
                # The child's end wakes us; its last output was sent before it ended.
                done = (
                    self.childrenDone()
                    and not self.dataReady(self.inboxname)
                    and not self.dataReady(self.controlname)
                )
            if not done:
                self.pause()
                yield 1
        self._unplug_all()

    def childrenDone(self) -> bool:
        """Unplug a finished source child; True once none is left."""
        return reap_children(self)


@checked_keywords
class Plug(component):
    """Plug(splitter, component) -> wrap component as a sink of splitter.

    While it runs, the wrapped component receives the splitter's data on its
    ``inbox`` and control messages on its ``control``; its outboxes come out
    of the Plug's.  The Plug unplugs itself when the component finishes.
    """

    Inboxes = {
        "inbox": "Data for the wrapped component",
        "control": "Control messages for the wrapped component",
    }
    Outboxes = {
        "outbox": "The wrapped component's outbox",
        "signal": "The wrapped component's signal",
        "splitter_config": "Internal: addsink/removesink to the splitter",
    }

    def __init__(self, splitter: component, component: component) -> None:
        super().__init__()
        check_component("Plug", "splitter", splitter)
        check_component("Plug", "component", component)
        self.pluglinkage = self.link((self, "splitter_config"), (splitter, "configuration"))
        self.addChildren(component)
        self.link((self, "inbox"), (component, "inbox"), passthrough=1)
        self.link((self, "control"), (component, "control"), passthrough=1)
        self.link((component, "outbox"), (self, "outbox"), passthrough=2)
        self.link((component, "signal"), (self, "signal"), passthrough=2)

    def main(self) -> Generator[int, None, None]:
        """Plug in, run the component, unplug when it finishes."""
        self.send(addsink(self, "inbox", "control"), "splitter_config")
        for child in self.childComponents():
            child.activate(Scheduler=self.scheduler)
        while not self.childrenDone():
            self.pause()
            yield 1
        self.send(removesink(self, "inbox", "control"), "splitter_config")
        yield 1
        self.unlink(thelinkage=self.pluglinkage)

    def childrenDone(self) -> bool:
        """Unplug the finished component; True once none is left."""
        return reap_children(self)
