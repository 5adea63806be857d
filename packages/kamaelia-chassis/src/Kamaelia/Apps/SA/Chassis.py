"""TTL: give a component a time to live, then shut it down.

Contributed to Kamaelia 1.x as ``Kamaelia.Apps.SA.Chassis``; same name and
arguments::

    TTL(SomeServer(), 10).run()   # at most ten seconds

``TTL(comp, delay)`` wraps ``comp``: it has the same public boxes (those not
starting with ``_``), which pass straight through to and from ``comp``.  If
``comp`` has not finished ``delay`` seconds after the TTL started, the TTL
asks harder and harder: ``producerFinished``, then ``shutdownMicroprocess``
on ``comp``'s ``control`` (each given a moment to work), and finally stops
it by force, sending ``shutdownMicroprocess`` on its own ``signal`` if it
has one.  The TTL finishes as soon as ``comp`` does.

Differences from 1.x: the time is kept by a scheduler timer instead of a
``SingleTick`` thread; the boxes belong to the instance (1.x added them to
the class, so every later TTL had them); ``serverShutdown`` is not among the
requests (it lives in kamaelia-net, which the chassis does not depend on:
servers also stop on ``shutdownMicroprocess``).
"""

from __future__ import annotations

from collections.abc import Generator

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Chassis._wiring import box_names, check_component, describe_box
from Kamaelia.Util._args import positive_number
from Kamaelia.Util._timer import Timer

__all__ = ["TTL"]

#: Slices a child is given to act on each shutdown request before the next.
_GRACE_SLICES = 2


def _public_boxes(comp: component, kind: str) -> dict[str, str]:
    return {
        name: describe_box(comp, kind, name)
        for name in box_names(comp, kind)
        if not name.startswith("_")
    }


@checked_keywords
class TTL(component):
    """TTL(comp, delay) -> run comp for at most delay seconds.

    Keyword arguments:

    - comp  -- the component to wrap (an instance)
    - delay -- seconds it may run before being shut down (> 0)
    """

    Inboxes: dict[str, str] = {}
    Outboxes = {"_sigkill": "Shutdown requests to the wrapped component's control"}

    def __init__(self, comp: component, delay: float) -> None:
        check_component("TTL", "comp", comp)
        positive_number("TTL", "delay", delay, "a number of seconds")
        self.child = comp
        self.delay = float(delay)
        inboxes = _public_boxes(comp, "inbox")
        outboxes = _public_boxes(comp, "outbox")
        # Per instance, before the base class builds the boxes.
        self.Inboxes = inboxes
        self.Outboxes = {**outboxes, **type(self).Outboxes}
        super().__init__()
        self.nochildcontrol = "control" not in inboxes
        if not self.nochildcontrol:
            self.link((self, "_sigkill"), (comp, "control"))
        for name in inboxes:
            self.link((self, name), (comp, name), passthrough=1)
        for name in outboxes:
            self.link((comp, name), (self, name), passthrough=2)

    def main(self) -> Generator[int, None, None]:
        """Run the child; past the deadline, ask it to stop, then stop it."""
        self.addChildren(self.child)
        self.child.activate(Scheduler=self.scheduler)
        timer = Timer(self)
        timer.start(self.delay)
        while not (self.child._isStopped() or timer.fired):
            self.pause()
            yield 1
        timer.cancel()
        requests = (
            [] if self.nochildcontrol else [producerFinished(self), shutdownMicroprocess(self)]
        )
        for request in requests:
            if self.child._isStopped():
                break
            self.send(request, "_sigkill")
            for _ in range(_GRACE_SLICES):
                yield 1
        self.removeChild(self.child)
        if not self.child._isStopped():
            self.child.stop()
            if "signal" in self.outboxes:
                self.send(shutdownMicroprocess(self), "signal")
