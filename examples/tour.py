"""The flagship demo: a short tour of Kamaelia 2 that runs and stops by itself.

1. The front-page pipeline, fed canned lines instead of the keyboard.
2. The same components reused in a Graphline, with a line-numbering stage.
3. A TCP echo server and client on 127.0.0.1, talking through components.

Install the packages into a virtual environment and run it (the README's
quick start does both in one line):

    python3 -m venv .venv && . .venv/bin/activate
    python -m pip install ./packages/axon ./packages/kamaelia-chassis \
        ./packages/kamaelia-console ./packages/kamaelia-net ./packages/kamaelia-ui
    kamaelia run examples/tour.py
"""

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Internet.TCPClient import TCPClient
from Kamaelia.Protocol.EchoProtocol import EchoProtocol
from Kamaelia.Util.Console import ConsoleEchoer
from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.PureTransformer import PureTransformer


class Talker(component):
    """Sends each line to the server, then closes the connection and stops the server."""

    Outboxes = {
        "outbox": "bytes to the server",
        "signal": "producerFinished: close the connection",
        "stopserver": "shutdownMicroprocess for the server",
        "report": "what came back, as text",
        "reportdone": "producerFinished for the echoer",
    }

    def __init__(self, lines):
        super().__init__()
        self.lines = lines

    def main(self):
        wanted = sum(len(line) + 1 for line in self.lines)
        for line in self.lines:
            self.send(line.encode() + b"\n", "outbox")
        received = b""
        while len(received) < wanted and not self.dataReady("control"):
            for chunk in self.Inbox("inbox"):
                received += chunk
            if len(received) < wanted:
                self.pause()
                yield 1
        for line in received.decode().splitlines():
            self.send(f"   server echoed: {line}\n", "report")
        self.send(producerFinished(self), "signal")
        self.send(shutdownMicroprocess(self), "stopserver")
        self.send(producerFinished(self), "reportdone")


def act(title):
    print(f"\n== {title}")


if __name__ == "__main__":
    act("1. Pipeline(DataSource, PureTransformer, ConsoleEchoer)")
    Pipeline(
        DataSource(["hello", "from", "kamaelia 2"]),
        PureTransformer(lambda line: f"   {line.upper()}\n"),
        ConsoleEchoer(),
    ).run()

    act("2. Graphline: the same components, wired by name")
    numbers = iter(range(1, 100))
    Graphline(
        SOURCE=DataSource(["components", "have inboxes", "and outboxes"]),
        NUMBER=PureTransformer(lambda line: f"   {next(numbers)}: {line}\n"),
        SHOW=ConsoleEchoer(),
        linkages={
            ("SOURCE", "outbox"): ("NUMBER", "inbox"),
            ("SOURCE", "signal"): ("NUMBER", "control"),
            ("NUMBER", "outbox"): ("SHOW", "inbox"),
            ("NUMBER", "signal"): ("SHOW", "control"),
        },
    ).run()

    act("3. A TCP echo server and a client, on 127.0.0.1")
    server = SimpleServer(protocol=EchoProtocol, port=0)  # port 0: any free port
    print(f"   server listening on 127.0.0.1:{server.port}")
    Graphline(
        SERVER=server,
        CLIENT=TCPClient("127.0.0.1", server.port),
        TALKER=Talker(["ping", "pong"]),
        SHOW=ConsoleEchoer(),
        linkages={
            ("TALKER", "outbox"): ("CLIENT", "inbox"),
            ("CLIENT", "outbox"): ("TALKER", "inbox"),
            ("TALKER", "signal"): ("CLIENT", "control"),
            ("TALKER", "stopserver"): ("SERVER", "control"),
            ("TALKER", "report"): ("SHOW", "inbox"),
            ("TALKER", "reportdone"): ("SHOW", "control"),
        },
    ).run()

    print("\nNext: `kamaelia list` shows what is installed, `kamaelia demo` the examples")
    print("(try `kamaelia demo slideshow`), and docs/ explains it all.")
