"""Publish and subscribe: a named Backplane joins publishers to subscribers without links.

Subscribers receive what is published after they joined. Shutting the
Backplane down stops its subscribers too. Needs kamaelia-axon,
kamaelia-chassis and kamaelia-console:

    python examples/backplane.py
"""

from Axon.Component import component
from Axon.Ipc import shutdownMicroprocess

from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.Backplane import Backplane, PublishTo, SubscribeTo
from Kamaelia.Util.Console import ConsoleEchoer
from Kamaelia.Util.DataSource import DataSource


class Director(component):
    """Waits until `expected` messages have been seen, then stops the Backplane."""

    Outboxes = {"outbox": "shutdownMicroprocess for the Backplane", "signal": "unused"}

    def __init__(self, expected):
        super().__init__()
        self.expected = expected

    def main(self):
        for _ in range(self.expected):
            while not self.dataReady("inbox"):
                self.pause()
                yield 1
            self.recv("inbox")
        self.send(shutdownMicroprocess(self), "outbox")


if __name__ == "__main__":
    headlines = ["rain expected\n", "sun later\n"]
    Graphline(
        NEWS=Backplane("NEWS"),
        READER_A=Pipeline(SubscribeTo("NEWS"), ConsoleEchoer(tag="A heard: ")),
        READER_B=Pipeline(SubscribeTo("NEWS"), ConsoleEchoer(tag="B heard: ")),
        COUNT=SubscribeTo("NEWS"),
        DIRECTOR=Director(expected=len(headlines)),
        PRESS=Pipeline(DataSource(headlines), PublishTo("NEWS")),
        linkages={
            ("COUNT", "outbox"): ("DIRECTOR", "inbox"),
            ("DIRECTOR", "outbox"): ("NEWS", "control"),
        },
    ).run()
