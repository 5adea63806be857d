"""A client that pipelines requests and never reads holds bounded memory (issue 14, finding 1)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from _net_harness import Running, connect, recv_until_eof
from Axon.Component import component
from Axon.testing import StepScheduler

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Protocol.HTTP.Handlers.Minimal import MinimalFactory
from Kamaelia.Protocol.HTTP.HTTPServer import HTTPServer
from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol, StaticFiles
from Kamaelia.Support.Protocol.HTTP import HTTPProtocol as OneXProtocol

REQUESTS = 1100  # more than the connection adapter's 1,024-message send queue
FILE_SIZE = 64 * 1024


class _Peer(component):
    """Stands for the connection adapter of a peer that does not read: it never takes replies."""

    Inboxes = {"inbox": "replies waiting to be written", "control": "close requests"}

    def main(self):  # type: ignore[no-untyped-def]
        while True:
            self.pause()
            yield 1


@pytest.fixture
def sched() -> Iterator[StepScheduler]:
    """A scheduler stepped by hand, run to its end afterwards.

    Its loop must end in this thread: a loop abandoned to the garbage collector
    resets the "running scheduler" of whichever thread collects it.
    """
    stepped = StepScheduler()
    yield stepped
    stepped.stop()
    while stepped.step():
        pass


def _system(sched: StepScheduler, tmp_path: Path, parser: str) -> tuple[HTTPProtocol, _Peer]:
    (tmp_path / "big.bin").write_bytes(b"x" * FILE_SIZE)
    handler = HTTPProtocol({"/": StaticFiles(tmp_path)}, parser=parser)
    handler.inboxes["inbox"].setSize(16)  # as ServerCore does
    peer = _Peer()
    peer.inboxes["inbox"].setSize(1024)  # as ConnectedSocketAdapter's maxSendQueue
    handler.link((handler, "outbox"), (peer, "inbox"))
    handler.link((handler, "signal"), (peer, "control"))
    handler.activate(Scheduler=sched)
    peer.activate(Scheduler=sched)
    request = b"GET /big.bin HTTP/1.1\r\nHost: a\r\n\r\n"
    handler.inboxes["inbox"].append(request * REQUESTS)
    return handler, peer


def test_replies_waiting_stop_the_parsing(
    sched: StepScheduler, tmp_path: Path, parser: str
) -> None:
    """While replies wait to be written the handler parses nothing more, and stays alive."""
    handler, peer = _system(sched, tmp_path, parser)
    sched.run_until_idle()
    assert 1 <= len(peer.inboxes["inbox"]) <= HTTPProtocol.maxPendingReplies
    assert not handler._isStopped()


def test_every_pipelined_request_is_answered_once_the_peer_reads(
    sched: StepScheduler, tmp_path: Path, parser: str
) -> None:
    """As the peer takes replies, parsing resumes: all requests get their response, in order."""
    handler, peer = _system(sched, tmp_path, parser)
    replies = 0
    most_waiting = 0
    for _ in range(REQUESTS * 4):
        sched.run_until_idle()
        most_waiting = max(most_waiting, len(peer.inboxes["inbox"]))
        if not peer.dataReady("inbox"):
            break
        reply = peer.recv("inbox")
        replies += reply.count(b"HTTP/1.1 200 OK")
    assert replies == REQUESTS
    assert most_waiting <= HTTPProtocol.maxPendingReplies
    assert not handler._isStopped()


def _pipelineWithoutReading(server: ServerCore, bound: int) -> bytes:
    """Pipeline REQUESTS GETs without reading until replies pile up (checked against ``bound``
    messages waiting to be written), then read everything."""
    system = Running(server)

    def waiting() -> int:
        adapters = list(server.connectedSockets)
        return len(adapters[0].inboxes["inbox"]) if adapters else 0

    try:
        with connect(server.port) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
            sock.sendall(b"GET /big.bin HTTP/1.1\r\nHost: a\r\n\r\n" * REQUESTS)
            system.wait_for(lambda: waiting() >= bound, "replies to pile up while not reading")
            assert waiting() <= bound
            sock.shutdown(socket.SHUT_WR)
            return recv_until_eof(sock)
    finally:
        system.close()


def test_pipelining_client_over_tcp_is_served_in_bounded_memory(
    tmp_path: Path, parser: str
) -> None:
    """Over a real connection: the reply queue stays bounded until the client reads, then all arrive."""
    (tmp_path / "big.bin").write_bytes(b"x" * FILE_SIZE)
    server = SimpleServer(
        protocol=lambda: HTTPProtocol({"/": StaticFiles(tmp_path)}, parser=parser), port=0
    )
    replies = _pipelineWithoutReading(server, HTTPProtocol.maxPendingReplies)
    assert replies.count(b"HTTP/1.1 200 OK") == REQUESTS


def test_1x_http_server_bounds_a_pipelining_client(tmp_path: Path, parser: str) -> None:
    """The 1.x HTTPServer (with Minimal) holds the same bound, then answers every request."""
    (tmp_path / "big.bin").write_bytes(b"x" * FILE_SIZE)
    factory = OneXProtocol([["/", MinimalFactory("index.html", str(tmp_path))]])
    server = ServerCore(protocol=lambda **kw: factory(parser=parser, **kw), port=0)
    replies = _pipelineWithoutReading(server, HTTPServer.maxPendingReplies)
    assert replies.count(b"HTTP/1.1 200 OK") == REQUESTS
