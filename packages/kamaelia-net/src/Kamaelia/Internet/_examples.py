"""The example systems this package offers (`kamaelia demo echo-server`, `kamaelia demo chat`)."""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Generator
from typing import Any, TextIO

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import newComponent, producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Protocol.EchoProtocol import EchoProtocol

__all__ = ["ChatSession", "run_chat", "run_echo"]

_MAX_LINE = 4096
_MAX_BACKLOG = 1 << 20  # bytes of room lines a user may be behind before being dropped
_log = logging.getLogger("Kamaelia.Internet._examples")


def _port(argv: list[str], name: str, default: int) -> int | None:
    if not argv:
        return default
    try:
        port = int(argv[0])
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        sys.stderr.write(f"{name}: expected a port number 0-65535, got {argv[0]!r}\n")
        return None
    return port


def run_echo(argv: list[str], stream: TextIO | None = None) -> int:
    """Run an echo server on 127.0.0.1 (port from argv, default 1601; 0 picks one)."""
    port = _port(argv, "echo", 1601)
    if port is None:
        return 2
    server = SimpleServer(protocol=EchoProtocol, port=port)
    out = stream or sys.stdout
    out.write(f"echo server on 127.0.0.1:{server.port}; try: nc 127.0.0.1 {server.port}\n")
    out.flush()
    server.run()
    return 0


class ChatSession(component):
    """One chat user: lines from the connection go to the room, the room's lines come back.

    ``room`` is a Backplane name. Each line is prefixed with the sender's
    address; a user does not get their own lines back. Lines longer than 4096
    bytes end the session, and so does falling more than 1 MiB of room lines
    behind (a user who stops reading); a burst waits while the connection's
    send queue is full.
    """

    Inboxes = {
        "inbox": "bytes from the user's connection",
        "control": "socketShutdown / shutdownMicroprocess: leave the room",
        "_fromRoom": "(sender, line) published in the room",
    }
    Outboxes = {
        "outbox": "bytes to the user's connection",
        "signal": "producerFinished when the session ends",
        "_toRoom": "(sender, line) to publish",
        "_stopPub": "shutdown for the publisher",
        "_stopSub": "shutdown for the subscriber",
    }

    def __init__(self, room: str, who: str) -> None:
        super().__init__()
        self.room = room
        self.who = who
        self.buffer = b""
        self.backlog: deque[bytes] = deque()
        self.backlogBytes = 0

    def main(self) -> Generator[int | newComponent, None, None]:
        """Join the room, relay until the connection ends, leave."""
        from Kamaelia.Util.Backplane import PublishTo, SubscribeTo

        pub, sub = PublishTo(self.room), SubscribeTo(self.room)
        self.link((self, "_toRoom"), (pub, "inbox"))
        self.link((sub, "outbox"), (self, "_fromRoom"))
        self.link((self, "_stopPub"), (pub, "control"))
        self.link((self, "_stopSub"), (sub, "control"))
        self.addChildren(pub, sub)
        yield newComponent(pub, sub)
        self.send(f"* welcome to {self.room}, {self.who}\n".encode(), "outbox")
        self.send((self, f"* {self.who} joined\n".encode()), "_toRoom")
        while not self.dataReady("control") and self._relay():
            if not self.anyReady():
                self.pause()
            yield 1
        self.send((self, f"* {self.who} left\n".encode()), "_toRoom")
        yield 1  # let the publisher pass the goodbye on before it stops
        self.send(shutdownMicroprocess(), "_stopPub")
        self.send(shutdownMicroprocess(), "_stopSub")
        self.send(producerFinished(self), "signal")

    def _flushToUser(self) -> None:
        # The connection's send queue is bounded: a burst waits here, within limits.
        while self.backlog:
            try:
                self.send(self.backlog[0], "outbox")
            except noSpaceInBox:
                return  # woken when the connection takes some
            self.backlogBytes -= len(self.backlog.popleft())

    def _relay(self) -> bool:
        while self.dataReady("_fromRoom"):
            sender, line = self.recv("_fromRoom")
            if sender is not self:
                self.backlog.append(line)
                self.backlogBytes += len(line)
        self._flushToUser()
        if self.backlogBytes > _MAX_BACKLOG:
            _log.warning("%s: %s reads too slowly; dropping them", self.name, self.who)
            return False
        while self.dataReady("inbox"):
            self.buffer += self.recv("inbox")
            *lines, self.buffer = self.buffer.split(b"\n")
            for line in lines:
                text = line.rstrip(b"\r")
                self.send((self, b"[" + self.who.encode() + b"] " + text + b"\n"), "_toRoom")
            if len(self.buffer) > _MAX_LINE:
                self.send(b"* line too long; goodbye\n", "outbox")
                return False
        return True


def run_chat(argv: list[str], stream: TextIO | None = None) -> int:
    """Run a chat server on 127.0.0.1 (port from argv, default 1602); join with nc."""
    try:
        from Kamaelia.Util.Backplane import Backplane
    except ImportError:
        sys.stderr.write("chat: needs kamaelia-chassis (pip install kamaelia-chassis)\n")
        return 1
    port = _port(argv, "chat", 1602)
    if port is None:
        return 2

    def session(**info: Any) -> ChatSession:
        return ChatSession("CHAT", f"{info['peer']}:{info['peerport']}")

    Backplane("CHAT").activate()
    server = ServerCore(protocol=session, port=port)
    out = stream or sys.stdout
    out.write(f"chat server on 127.0.0.1:{server.port}; join with: nc 127.0.0.1 {server.port}\n")
    out.flush()
    server.run()
    return 0
