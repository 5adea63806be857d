"""Backplane: named publish/subscribe, without wiring publishers to subscribers.

``Backplane("NEWS")`` makes a named hub; any number of ``PublishTo("NEWS")``
components send to it and any number of ``SubscribeTo("NEWS")`` components
receive everything published after they joined.  The hub is found through
the coordinating assistant tracker under the services ``Backplane_I_<name>``
and ``Backplane_O_<name>``, so the three can live in different parts of a
system.

Shutdown: a message on the Backplane's ``control`` is copied to every
subscriber (which passes a ``producerFinished``/``shutdownMicroprocess`` on out of
its ``signal`` and stops) and the Backplane then finishes and frees its name.
A publisher's ``control`` only stops that publisher, so one publisher
finishing does not end the stream for the others.

A second Backplane with a name already in use raises
``Axon.AxonExceptions.ServiceAlreadyExists`` when it is built.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.AxonExceptions import ServiceAlreadyExists
from Axon.Component import component
from Axon.CoordinatingAssistantTracker import coordinatingassistanttracker as _CAT
from Axon.options import checked_keywords

from Kamaelia.Chassis._wiring import reap_children
from Kamaelia.Util._control import is_shutdown
from Kamaelia.Util.PassThrough import PassThrough
from Kamaelia.Util.Splitter import Plug, PlugSplitter

__all__ = ["Backplane", "PublishTo", "SubscribeTo", "ServiceAlreadyExists"]

_IN = "Backplane_I_"
_OUT = "Backplane_O_"


def _lookup(kind: str, prefix: str, name: str) -> tuple[Any, str]:
    cat = _CAT.getcat()
    try:
        return cat.retrieveService(prefix + name)
    except KeyError:
        known = sorted(str(s)[len(_IN) :] for s in _services(cat) if str(s).startswith(_IN))
        raise KeyError(
            f"{kind}: no Backplane named {name!r}; the Backplanes are: "
            f"{', '.join(known) if known else '(none)'}"
        ) from None


def _services(cat: Any) -> list[Any]:
    try:
        return list(cat.servicesRegistered())
    except Exception:  # introspection only; never hide the real lookup error
        return []


@checked_keywords
class Backplane(component):
    """Backplane(name) -> a named hub for PublishTo / SubscribeTo."""

    Inboxes = {"inbox": "Unused", "control": "Shutdown: stops the Backplane and every subscriber"}
    Outboxes = {"outbox": "Unused", "signal": "Shutdown signalling"}

    def __init__(self, name: str) -> None:
        super().__init__()
        if not isinstance(name, str):
            raise TypeError(f"Backplane: name must be a string, got {name!r}")
        self.backplane_name = name
        self.splitter: PlugSplitter | None = PlugSplitter()
        cat = _CAT.getcat()
        cat.registerService(_IN + name, self.splitter, "inbox")  # raises ServiceAlreadyExists
        try:
            cat.registerService(_OUT + name, self.splitter, "configuration")
        except BaseException:
            cat.deRegisterService(_IN + name)
            raise
        self.link((self, "control"), (self.splitter, "control"), passthrough=1)
        self.link((self.splitter, "signal"), (self, "signal"), passthrough=2)

    def main(self) -> Generator[int, None, None]:
        """Run the hub until it is shut down, then free the name."""
        splitter, self.splitter = self.splitter, None
        assert splitter is not None  # main() runs once
        self.addChildren(splitter)
        splitter.activate(Scheduler=self.scheduler)
        try:
            while not self.childrenDone():
                self.pause()
                yield 1
        finally:
            cat = _CAT.getcat()
            cat.deRegisterService(_IN + self.backplane_name)
            cat.deRegisterService(_OUT + self.backplane_name)

    def childrenDone(self) -> bool:
        """Unplug the finished hub; True once it has gone."""
        return reap_children(self)


@checked_keywords
class PublishTo(component):
    """PublishTo(destination, forwarder=False) -> publish inbox to a Backplane.

    With ``forwarder=True`` every message is also sent on ``outbox``.
    """

    Inboxes = {"inbox": "Messages to publish", "control": "Shutdown (stops only this publisher)"}
    Outboxes = {
        "outbox": "A copy of each message, if a forwarder",
        "signal": "Shutdown signalling",
        "_outbox": "Internal: to the Backplane, if a forwarder",
    }
    forwarder: bool = False

    def __init__(self, destination: str, **argd: Any) -> None:
        super().__init__(**argd)
        self.destination = destination

    def main(self) -> Generator[int, None, None]:
        """Connect to the Backplane, then forward until told to stop."""
        service = _lookup(type(self).__name__, _IN, self.destination)
        if self.forwarder:
            self.link((self, "_outbox"), service)
        else:
            self.link((self, "inbox"), service, passthrough=1)
        while True:
            if self.forwarder:
                while self.dataReady("inbox"):
                    msg = self.recv("inbox")
                    self.send(msg, "outbox")
                    self.send(msg, "_outbox")
            while self.dataReady("control"):
                msg = self.recv("control")
                self.send(msg, "signal")
                if is_shutdown(msg):
                    return
            self.pause()
            yield 1


@checked_keywords
class SubscribeTo(component):
    """SubscribeTo(source) -> receive what is published to a Backplane."""

    Inboxes = {"inbox": "Forwarded to outbox", "control": "Shutdown (stops only this subscriber)"}
    Outboxes = {"outbox": "Messages published to the Backplane", "signal": "Shutdown signalling"}

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def main(self) -> Generator[int, None, None]:
        """Plug a forwarder into the Backplane and run until it finishes."""
        splitter, _box = _lookup(type(self).__name__, _OUT, self.source)
        plug = Plug(splitter, PassThrough())
        self.link((self, "control"), (plug, "control"), passthrough=1)
        self.link((plug, "outbox"), (self, "outbox"), passthrough=2)
        self.link((plug, "signal"), (self, "signal"), passthrough=2)
        self.addChildren(plug)
        plug.activate(Scheduler=self.scheduler)
        while not self.childrenDone():
            while self.dataReady("inbox"):
                self.send(self.recv("inbox"), "outbox")
            self.pause()
            yield 1

    def childrenDone(self) -> bool:
        """Unplug the finished plug; True once it has gone."""
        return reap_children(self)
