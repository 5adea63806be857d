"""Your first component: a class with boxes and a main() generator, run in a Pipeline.

Needs kamaelia-axon, kamaelia-chassis and kamaelia-console:

    python examples/first_component.py
"""

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.Console import ConsoleEchoer
from Kamaelia.Util.DataSource import DataSource


class Exclaim(component):
    """Adds "!" to each message; passes shutdown on and finishes."""

    Inboxes = {"inbox": "text to exclaim", "control": "producerFinished or shutdownMicroprocess"}
    Outboxes = {"outbox": "the text, with '!'", "signal": "the shutdown message, passed on"}

    def main(self):
        while True:
            while self.dataReady("inbox"):
                self.send(self.recv("inbox") + "!\n", "outbox")
            if self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (producerFinished, shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            if not self.anyReady():
                self.pause()  # sleep until a message arrives: costs nothing
            yield 1


if __name__ == "__main__":
    Pipeline(DataSource(["hello", "world"]), Exclaim(), ConsoleEchoer()).run()
