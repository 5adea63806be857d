"""Shutdown conventions: producerFinished means "finish your work", shutdownMicroprocess "stop now".

A never-ending counter runs until a Stopper, having seen three numbers, sends
shutdownMicroprocess to its "control". Each component passes the message it
stopped on out of "signal", so shutdown cascades down the chain. Needs
kamaelia-axon and kamaelia-chassis:

    python examples/shutdown.py
"""

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.Graphline import Graphline


class Counter(component):
    """Counts forever; stops, passing the message on, on producerFinished or shutdownMicroprocess."""

    def main(self):
        n = 0
        while True:
            if self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (producerFinished, shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            n += 1
            self.send(n, "outbox")
            yield 1


class Stopper(component):
    """Prints what arrives; after `limit` messages sends shutdownMicroprocess on "outbox"."""

    Outboxes = {"outbox": "shutdownMicroprocess, once", "signal": "passed-on shutdown"}

    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def main(self):
        seen = 0
        while not self.dataReady("control"):
            for number in self.Inbox("inbox"):
                seen += 1
                if seen <= self.limit:
                    print("got", number)
                if seen == self.limit:
                    self.send(shutdownMicroprocess(self), "outbox")
            self.pause()
            yield 1
        message = self.recv("control")
        print("stopper got", type(message).__name__, "on control")
        self.send(message, "signal")


if __name__ == "__main__":
    Graphline(
        COUNT=Counter(),
        STOP=Stopper(limit=3),
        linkages={
            ("COUNT", "outbox"): ("STOP", "inbox"),
            ("STOP", "outbox"): ("COUNT", "control"),
            ("COUNT", "signal"): ("STOP", "control"),
        },
    ).run()
    print("everything finished")
