"""Links: outbox -> inbox, and the two passthrough kinds a container uses.

A container component forwards its own inbox inward to a child
(passthrough=1, inbox -> inbox) and surfaces the child's outbox as its own
(passthrough=2, outbox -> outbox). A link to a box that does not exist fails
at once, naming the component and its boxes. Needs only kamaelia-axon:

    python examples/linkages.py
"""

from Axon.AxonExceptions import UnknownBox
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.Scheduler import scheduler


class Double(component):
    """Doubles numbers until a control message arrives, then passes it on."""

    def main(self):
        while True:
            for number in self.Inbox("inbox"):
                self.send(number * 2, "outbox")
            if self.dataReady("control"):
                self.send(self.recv("control"), "signal")
                return
            self.pause()
            yield 1


class Wrapper(component):
    """A container: its boxes are passed straight through to one child."""

    def __init__(self, child):
        super().__init__()
        self.child = child
        self.link((self, "inbox"), (child, "inbox"), passthrough=1)
        self.link((self, "control"), (child, "control"), passthrough=1)
        self.link((child, "outbox"), (self, "outbox"), passthrough=2)
        self.link((child, "signal"), (self, "signal"), passthrough=2)
        self.addChildren(child)

    def main(self):
        self.child.activate()
        while not self.child._isStopped():
            self.pause()  # addChildren: woken when the child finishes
            yield 1


class Source(component):
    def main(self):
        for number in (1, 2, 3):
            self.send(number, "outbox")
            yield 1
        self.send(producerFinished(self), "signal")


class Collect(component):
    def main(self):
        got = []
        while not self.dataReady("control"):
            got.extend(self.Inbox("inbox"))
            self.pause()
            yield 1
        got.extend(self.Inbox("inbox"))
        print("collected", got)


if __name__ == "__main__":
    source, wrapper, sink = Source(), Wrapper(Double()), Collect()
    source.link((source, "outbox"), (wrapper, "inbox"))
    source.link((source, "signal"), (wrapper, "control"))
    wrapper.link((wrapper, "outbox"), (sink, "inbox"))
    wrapper.link((wrapper, "signal"), (sink, "control"))
    try:
        source.link((source, "outbox"), (sink, "inbx"))
    except UnknownBox as error:
        print("refused:", error)
    for part in (source, wrapper, sink):
        part.activate()
    scheduler.run.runThreads()
