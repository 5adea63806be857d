"""Small hand-wired systems shared by the in-process tests."""

from __future__ import annotations

from Axon.Component import component
from Axon.Ipc import newComponent, producerFinished


class SlowSink(component):
    """Takes one message every fourth turn from a 1-message inbox; finishes on producerFinished."""

    def __init__(self):
        super().__init__()
        self.got = []
        self.full_seen = 0
        self.inboxes["inbox"].setSize(1)

    def main(self):
        while True:
            for _ in range(3):
                yield 1  # slower than the reader, so its sends meet a full inbox
            if self.dataReady("inbox"):
                self.full_seen += self.inboxes["inbox"].isFull()
                self.got.append(self.recv("inbox"))
            elif self.dataReady("control"):
                self.recv("control")
                return
            else:
                self.pause()
                yield 1


class DataFeed(component):
    """Sends each item at once, then producerFinished."""

    def __init__(self, items):
        super().__init__()
        self.items = list(items)

    def main(self):
        for item in self.items:
            self.send(item, "outbox")
        self.send(producerFinished(self), "signal")
        yield 1


class Wire(component):
    """A hand-made pipeline: each outbox to the next inbox, each signal to the next control."""

    def __init__(self, *parts):
        super().__init__()
        self.parts = parts

    def main(self):
        for first, second in zip(self.parts, self.parts[1:], strict=False):
            self.link((first, "outbox"), (second, "inbox"))
            self.link((first, "signal"), (second, "control"))
        self.addChildren(*self.parts)
        yield newComponent(*self.parts)
        while not all(part._isStopped() for part in self.parts):
            self.pause()
            yield 1
