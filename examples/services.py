"""Services: find a component by name through the coordinating assistant tracker (CAT).

A component registers one of its inboxes as a named service; others look the
name up and link to it, without being handed the component. This is how the
network selector and the pygame display are shared. Needs only kamaelia-axon:

    python examples/services.py
"""

from Axon.Component import component
from Axon.CoordinatingAssistantTracker import coordinatingassistanttracker
from Axon.Ipc import producerFinished
from Axon.Scheduler import scheduler


class Registry(component):
    """Offers its inbox as the service "guestbook"; prints each entry; stops after `expected`."""

    def __init__(self, expected):
        super().__init__()
        self.expected = expected

    def main(self):
        cat = coordinatingassistanttracker.getcat()
        cat.registerService("guestbook", self, "inbox")
        try:
            for _ in range(self.expected):
                while not self.dataReady("inbox"):
                    self.pause()
                    yield 1
                print("guestbook:", self.recv("inbox"))
        finally:
            cat.deRegisterService("guestbook")


class Guest(component):
    """Looks the service up by name, links to it and signs."""

    def __init__(self, who):
        super().__init__()
        self.who = who

    def main(self):
        yield 1  # let the registry start first
        service, inbox = coordinatingassistanttracker.getcat().retrieveService("guestbook")
        self.link((self, "outbox"), (service, inbox))
        self.send(f"{self.who} was here", "outbox")
        yield 1
        self.send(producerFinished(self), "signal")


if __name__ == "__main__":
    Registry(expected=2).activate()
    Guest("ada").activate()
    Guest("grace").activate()
    scheduler.run.runThreads()
    print("services now:", coordinatingassistanttracker.getcat().servicesRegistered())
