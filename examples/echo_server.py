"""A TCP echo server and a client talking to it, in one system that stops by itself.

SimpleServer makes one EchoProtocol per connection; TCPClient turns a connection
into boxes (bytes in on "inbox", bytes out of "outbox"). The Talker sends three
lines, waits until they have come back, then closes the connection and shuts
the server down. Everything binds to 127.0.0.1; port 0 picks a free port.
Needs kamaelia-axon, kamaelia-chassis and kamaelia-net:

    python examples/echo_server.py
"""

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Internet.TCPClient import TCPClient
from Kamaelia.Protocol.EchoProtocol import EchoProtocol


class Talker(component):
    """Sends `lines`, prints what comes back, then closes the client and stops the server."""

    Outboxes = {
        "outbox": "bytes to the server",
        "signal": "producerFinished: close the connection",
        "stopserver": "shutdownMicroprocess for the server",
    }

    def __init__(self, lines):
        super().__init__()
        self.lines = lines

    def main(self):
        expected = b"".join(line.encode() + b"\n" for line in self.lines)
        for line in self.lines:
            self.send(line.encode() + b"\n", "outbox")
        received = b""
        while len(received) < len(expected) and not self.dataReady("control"):
            for chunk in self.Inbox("inbox"):
                received += chunk
            if len(received) < len(expected):
                self.pause()
                yield 1
        for line in received.decode().splitlines():
            print("echoed:", line)
        self.send(producerFinished(self), "signal")
        self.send(shutdownMicroprocess(self), "stopserver")


if __name__ == "__main__":
    server = SimpleServer(protocol=EchoProtocol, port=0)
    Graphline(
        SERVER=server,
        CLIENT=TCPClient("127.0.0.1", server.port),
        TALKER=Talker(["hello", "echo", "server"]),
        linkages={
            ("TALKER", "outbox"): ("CLIENT", "inbox"),
            ("CLIENT", "outbox"): ("TALKER", "inbox"),
            ("TALKER", "signal"): ("CLIENT", "control"),
            ("CLIENT", "signal"): ("TALKER", "control"),
            ("TALKER", "stopserver"): ("SERVER", "control"),
        },
    ).run()
    print("server and client have shut down")
