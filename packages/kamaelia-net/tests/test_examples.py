"""The example systems run, and 1.x-style code using SimpleServer and TCPClient runs unchanged."""

from __future__ import annotations

import io
import threading

from _net_harness import WAIT, Running, connect
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.Scheduler import scheduler

from Kamaelia.Internet import _examples


def _run_example(run, port_holder: dict) -> threading.Thread:  # type: ignore[no-untyped-def]
    """Start an example on its own default scheduler in a thread; record the port it prints."""
    stream = io.StringIO()

    def body() -> None:
        try:
            run(["0"], stream)
        except BaseException as error:  # reported by the test
            port_holder["error"] = error

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    return thread


def test_chat_users_see_each_others_lines() -> None:
    """Two nc-style users join the chat; each sees the other's lines, not their own."""
    from Kamaelia.Chassis.ConnectedServer import ServerCore
    from Kamaelia.Util.Backplane import Backplane

    room = Backplane("CHAT_TEST")
    server = ServerCore(
        protocol=lambda **i: _examples.ChatSession("CHAT_TEST", f"{i['peer']}:{i['peerport']}"),
        port=0,
    )
    system = Running(room, server)
    try:
        with connect(server.port) as alice:
            alice_in = alice.makefile("rb")
            assert alice_in.readline().startswith(b"* welcome to CHAT_TEST")
            with connect(server.port) as bob:
                bob_in = bob.makefile("rb")
                assert bob_in.readline().startswith(b"* welcome")
                assert alice_in.readline().endswith(b"joined\n")
                bob.sendall(b"hi alice\n")
                assert alice_in.readline().endswith(b"] hi alice\n")
                alice.sendall(b"hi bob\r\n")
                assert bob_in.readline().endswith(b"] hi bob\n")
                bob_in.close()  # a makefile() keeps the socket open otherwise
            assert alice_in.readline().endswith(b"left\n")
            alice_in.close()
    finally:
        system.deliver(room, "control", producerFinished())
        system.close()


def test_one_chat_user_pasting_1100_lines_disconnects_nobody() -> None:
    """A paste of 1,100 lines reaches the other users whole; everyone stays connected."""
    from Kamaelia.Chassis.ConnectedServer import ServerCore
    from Kamaelia.Util.Backplane import Backplane

    room = Backplane("CHAT_PASTE")
    server = ServerCore(
        protocol=lambda **i: _examples.ChatSession("CHAT_PASTE", f"{i['peer']}:{i['peerport']}"),
        port=0,
    )
    system = Running(room, server)
    try:
        with connect(server.port) as alice, connect(server.port) as bob:
            alice_in, bob_in = alice.makefile("rb"), bob.makefile("rb")
            assert alice_in.readline().startswith(b"* welcome")
            assert bob_in.readline().startswith(b"* welcome")
            assert alice_in.readline().endswith(b"joined\n")
            bob.sendall(b"".join(b"pasted line %d\n" % n for n in range(1100)))
            for n in range(1100):
                assert alice_in.readline().endswith(b"] pasted line %d\n" % n)
            alice.sendall(b"got it all\n")
            assert bob_in.readline().endswith(b"] got it all\n")
            alice_in.close()
            bob_in.close()
    finally:
        system.deliver(room, "control", producerFinished())
        system.close()


def test_echo_example_prints_its_port_and_echoes() -> None:
    """`kamaelia demo echo-server 0` serves echo on a free port it announces."""
    out = io.StringIO()
    sched = scheduler.run
    thread = threading.Thread(target=_examples.run_echo, args=(["0"], out), daemon=True)
    thread.start()
    import time

    deadline = time.monotonic() + WAIT
    while "127.0.0.1:" not in out.getvalue():
        assert time.monotonic() < deadline, "no port announced"
        time.sleep(0.01)
    port = int(out.getvalue().split("127.0.0.1:")[1].split(";")[0])
    with connect(port) as sock:
        sock.sendall(b"echo?")
        assert sock.recv(10) == b"echo?"
    sched.stop()
    thread.join(WAIT)
    assert not thread.is_alive()


def test_bad_port_argument_is_a_usage_error(capsys) -> None:  # type: ignore[no-untyped-def]
    """A port that is not a number gives exit status 2 and a message on stderr."""
    assert _examples.run_echo(["nope"]) == 2
    assert "expected a port number" in capsys.readouterr().err


def test_one_x_client_server_code_runs_unchanged() -> None:
    """1.x's FortuneCookie_ServerClient example, with a collector instead of ConsoleEchoer."""
    from Kamaelia.Chassis.ConnectedServer import SimpleServer
    from Kamaelia.Chassis.Pipeline import Pipeline
    from Kamaelia.Internet.TCPClient import TCPClient
    from Kamaelia.Protocol.FortuneCookieProtocol import COOKIES, FortuneCookieProtocol

    class Collector(component):
        got = []

        def main(self):
            while not self.dataReady("control"):
                while self.dataReady("inbox"):
                    Collector.got.append(self.recv("inbox"))
                self.pause()
                yield 1
            while self.dataReady("inbox"):
                Collector.got.append(self.recv("inbox"))

    server = SimpleServer(protocol=FortuneCookieProtocol, port=0)
    client = Pipeline(TCPClient("127.0.0.1", server.port), Collector())
    system = Running(server, client)
    try:
        system.wait_for(client._isStopped, "the client pipeline to finish")
        assert b"".join(Collector.got).decode() in COOKIES
    finally:
        system.close()
