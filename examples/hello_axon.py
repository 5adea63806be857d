"""The classic Axon program: a source, a transformer and a sink, wired by hand.

Runs unchanged on Kamaelia 1.x and Kamaelia 2 (only kamaelia-axon needed):

    python examples/hello_axon.py
"""

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.Scheduler import scheduler


class Source(component):
    """Sends each word of a sentence, then producerFinished."""

    def main(self):
        for word in ["hello", "from", "a", "kamaelia", "component", "system"]:
            self.send(word, "outbox")
            yield 1
        self.send(producerFinished(self), "signal")


class Capitalise(component):
    """Capitalises what arrives; passes shutdown on."""

    def main(self):
        while True:
            while self.dataReady("inbox"):
                self.send(self.recv("inbox").capitalize(), "outbox")
            while self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (producerFinished, shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            self.pause()
            yield 1


class Printer(component):
    """Prints what arrives on one line; stops at shutdown."""

    def main(self):
        words = []
        while True:
            while self.dataReady("inbox"):
                words.append(self.recv("inbox"))
            if self.dataReady("control"):
                print(" ".join(words))
                return
            self.pause()
            yield 1


if __name__ == "__main__":
    source, capitalise, printer = Source(), Capitalise(), Printer()
    source.link((source, "outbox"), (capitalise, "inbox"))
    source.link((source, "signal"), (capitalise, "control"))
    capitalise.link((capitalise, "outbox"), (printer, "inbox"))
    capitalise.link((capitalise, "signal"), (printer, "control"))
    for c in (source, capitalise, printer):
        c.activate()
    scheduler.run.runThreads()
