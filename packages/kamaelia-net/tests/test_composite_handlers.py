"""Pipeline and other composite protocol handlers: one client can never stop the server."""

from __future__ import annotations

import struct
import threading
from typing import Any

import pytest
from _net_harness import Running, connect, is_closed_by_peer, recv_exactly

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Protocol.EchoProtocol import EchoProtocol
from Kamaelia.Protocol.Framing import (
    LengthPrefixDeFramer,
    LengthPrefixFramer,
    LineDeFramer,
    LineFramer,
)

LINES = 1100  # more than the adapter's 1,024-message send queue


def _serve(server: ServerCore) -> Running:
    return Running(server)


def _echo_lines(sock: Any, lines: list[bytes]) -> bytes:
    """Send every line at once while a thread reads the replies (as a real client does)."""
    expected = sum(len(line) + 1 for line in lines)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(recv_exactly(sock, expected)))
    reader.start()
    sock.sendall(b"".join(line + b"\n" for line in lines))
    reader.join(20)
    assert got, "the replies did not all arrive"
    return got[0]


def test_line_pipeline_survives_a_burst_of_short_lines() -> None:
    """1,100 short lines in one write are all echoed; the server keeps serving."""
    server = ServerCore(protocol=lambda **_: Pipeline(LineDeFramer(), LineFramer()), port=0)
    system = _serve(server)
    try:
        lines = [b"line %d" % n for n in range(LINES)]
        with connect(server.port) as sock:
            assert _echo_lines(sock, lines) == b"".join(line + b"\n" for line in lines)
        with connect(server.port) as other:
            assert _echo_lines(other, [b"after"]) == b"after\n"
    finally:
        system.close()


def test_length_prefix_pipeline_survives_a_burst_of_frames() -> None:
    """1,100 small length-prefixed frames in one write all come back."""

    def protocol(**_: Any) -> Pipeline:
        return Pipeline(LengthPrefixDeFramer(), EchoProtocol(), LengthPrefixFramer())

    server = ServerCore(protocol=protocol, port=0)
    system = _serve(server)
    try:
        frames = b"".join(struct.pack(">I", 3) + b"abc" for _ in range(LINES))
        with connect(server.port) as sock:
            reader_got: list[bytes] = []
            reader = threading.Thread(
                target=lambda: reader_got.append(recv_exactly(sock, len(frames)))
            )
            reader.start()
            sock.sendall(frames)
            reader.join(20)
            assert reader_got == [frames]
    finally:
        system.close()


def test_crash_inside_a_pipeline_handler_closes_only_that_connection(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A component inside a Pipeline handler that raises is logged; its connection closes."""
    from Kamaelia.Util.Marshalling import DeMarshaller, JSONMarshalling, Marshaller

    def protocol(**_: Any) -> Pipeline:
        return Pipeline(
            LineDeFramer(),
            DeMarshaller(JSONMarshalling),
            Marshaller(JSONMarshalling),
            _Encode(),
            LineFramer(),
        )

    server = ServerCore(protocol=protocol, port=0)
    system = _serve(server)
    try:
        with connect(server.port) as good, connect(server.port) as bad:
            assert _echo_lines(good, [b'{"a":1}']) == b'{"a":1}\n'
            bad.sendall(b"{not json\n")
            assert is_closed_by_peer(bad)
            assert _echo_lines(good, [b"[1,2]"]) == b"[1,2]\n"
            system.wait_for(lambda: len(server.connectedSockets) == 1, "the bad peer to go")
        assert "crashed; closing that connection" in caplog.text
        assert "JSONDecodeError" in caplog.text
    finally:
        system.close()


def test_crashed_pipeline_handler_is_stopped_whole() -> None:
    """After a crash inside a Pipeline handler, none of the handler's components keep running."""
    from Axon.Component import component

    class Boom(component):
        def main(self):  # type: ignore[no-untyped-def]
            while not self.dataReady("inbox"):
                self.pause()
                yield 1
            raise RuntimeError("boom")

    built: list[Pipeline] = []

    def protocol(**_: Any) -> Pipeline:
        built.append(Pipeline(Boom(), EchoProtocol(), EchoProtocol()))
        return built[-1]

    server = ServerCore(protocol=protocol, port=0)
    system = _serve(server)
    try:
        with connect(server.port) as bad:
            bad.sendall(b"x")
            assert is_closed_by_peer(bad)
        parts = [built[0], *built[0].components]
        system.wait_for(lambda: all(p._isStopped() for p in parts), "the handler to stop")
    finally:
        system.close()


def test_handler_inbox_size_reaches_the_first_component_of_a_pipeline() -> None:
    """handlerInboxSize limits the inbox that really receives the connection's bytes."""
    built: list[Any] = []

    def protocol(**_: Any) -> Pipeline:
        built.append(LineDeFramer())
        return Pipeline(built[-1], LineFramer())

    server = ServerCore(protocol=protocol, port=0, handlerInboxSize=5)
    system = _serve(server)
    try:
        with connect(server.port) as sock:
            assert _echo_lines(sock, [b"hello"]) == b"hello\n"
            assert built[0].inboxes["inbox"].getSize() == 5
    finally:
        system.close()


class _Encode(EchoProtocol):
    """str -> bytes."""

    def main(self):  # type: ignore[no-untyped-def]
        while not self.dataReady("control"):
            while self.dataReady("inbox"):
                self.send(self.recv("inbox").encode(), "outbox")
            self.pause()
            yield 1
        self.send(self.recv("control"), "signal")


# -- bad factories ------------------------------------------------------------


def test_a_factory_that_raises_closes_that_connection_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A protocol factory raising for one connection is logged; the next connection is served."""
    calls: list[int] = []

    def flaky(**_: Any) -> EchoProtocol:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("no handler for you")
        return EchoProtocol()

    server = ServerCore(protocol=flaky, port=0)
    system = _serve(server)
    try:
        with connect(server.port) as first:
            assert is_closed_by_peer(first)
        with connect(server.port) as second:
            second.sendall(b"ok")
            assert recv_exactly(second, 2) == b"ok"
        assert "no handler for you" in caplog.text
        assert "could not make a protocol handler" in caplog.text
    finally:
        system.close()


def test_a_factory_returning_a_non_component_closes_that_connection_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A factory that returns something that is not a component does not stop the server."""
    server = ServerCore(protocol=lambda **_: "not a component", port=0)
    system = _serve(server)
    try:
        with connect(server.port) as first:
            assert is_closed_by_peer(first)
        assert "not a component" in caplog.text
    finally:
        system.close()


class _NeedsRoom(EchoProtocol):
    def __init__(self, room: str) -> None:
        super().__init__()
        self.room = room


def test_a_factory_with_the_wrong_signature_is_refused_when_the_server_is_built() -> None:
    """ServerCore calls protocol(peer=, peerport=, localip=, localport=): others fail at once."""
    with pytest.raises(TypeError, match=r"ServerCore.*protocol=.*_NeedsRoom.*peer"):
        ServerCore(protocol=_NeedsRoom, port=0)
    with pytest.raises(TypeError, match=r"SimpleServer.*protocol=.*_NeedsRoom.*protocol\(\)"):
        SimpleServer(protocol=_NeedsRoom, port=0)
    with pytest.raises(TypeError, match=r"ServerCore.*protocol=.*'EchoProtocol'.*not callable"):
        ServerCore(protocol="EchoProtocol", port=0)


def test_factories_that_fit_are_accepted() -> None:
    """Classes, **kwargs functions and SimpleServer's no-argument factories all pass the check."""
    for server in (
        ServerCore(protocol=EchoProtocol, port=0),
        ServerCore(protocol=lambda **kw: EchoProtocol(), port=0),
        ServerCore(protocol=lambda peer, peerport, localip, localport: EchoProtocol(), port=0),
        SimpleServer(protocol=EchoProtocol, port=0),
        SimpleServer(protocol=lambda: EchoProtocol(), port=0),
    ):
        server.server.stop()


def test_a_keyword_checked_component_class_serves_as_in_1x() -> None:
    """ServerCore(protocol=EchoProtocol): the connection keywords it does not declare become
    attributes, as 1.x's component.__init__ made them; one it declares is passed."""
    built: list[Any] = []

    class Recorded(EchoProtocol):
        def __init__(self, peer: str = "") -> None:
            super().__init__()
            self.given = peer
            built.append(self)

    for protocol in (EchoProtocol, Recorded):
        server = ServerCore(protocol=protocol, port=0)
        system = Running(server)
        try:
            with connect(server.port) as sock:
                sock.sendall(b"hello")
                assert recv_exactly(sock, 5) == b"hello"
        finally:
            system.close()
    (handler,) = built
    assert handler.given == "127.0.0.1"
    assert isinstance(handler.peerport, int)
    assert handler.localport == server.port


def test_kamaelia_run_check_refuses_a_graph_with_a_bad_protocol_factory(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kamaelia run --check` builds the server, so a protocol that is not a factory fails it."""
    from Kamaelia.Chassis._cli import main

    graph = tmp_path / "server.toml"
    graph.write_text(
        '[components.server]\ntype = "ServerCore"\nargs = { protocol = "EchoProtocol", port = 0 }\n'
    )
    assert main(["run", "--check", str(graph)]) == 1
    err = capsys.readouterr().err
    assert "protocol='EchoProtocol' is not callable" in err
    assert len(err.strip().splitlines()) == 1
