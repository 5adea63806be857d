"""ConsoleEchoer: writing, forwarding, control and a closed standard output."""

from __future__ import annotations

import io

from _systems import DataFeed, SlowSink, Wire
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component, run_system

from Kamaelia.Util.Console import ConsoleEchoer


def test_writes_str_without_adding_newlines(capsys):
    """Messages are written with str() and nothing added between them."""
    out = run_component(
        ConsoleEchoer(), inputs={"inbox": ["a", 1, "\n"], "control": [producerFinished()]}
    )
    assert capsys.readouterr().out == "a1\n"
    assert out["outbox"] == []


def test_use_repr_and_tag(capsys):
    """use_repr writes repr() and tag is put before every message."""
    run_component(
        ConsoleEchoer(use_repr=True, tag="> "),
        inputs={"inbox": ["x", b"y"], "control": [producerFinished()]},
    )
    assert capsys.readouterr().out == "> 'x'> b'y'"


def test_forwarder_sends_messages_on(capsys):
    """forwarder=True sends every message, unchanged, on outbox as well."""
    items = ["p", ("t", 1), 3]
    out = run_component(
        ConsoleEchoer(forwarder=True), inputs={"inbox": items, "control": [producerFinished()]}
    )
    assert out["outbox"] == items
    assert capsys.readouterr().out == "p('t', 1)3"


def test_any_control_message_stops_and_is_passed_on(capsys):
    """Any control message stops the echoer after the inbox and is passed out of signal."""
    stop = shutdownMicroprocess()
    out = run_component(ConsoleEchoer(), inputs={"inbox": ["z"], "control": ["anything", stop]})
    assert out["signal"] == ["anything", stop]
    assert capsys.readouterr().out == "z"


class BrokenStdout:
    """A stdout whose reader has gone away (a plain object: nothing flushes it at exit)."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")


class ClosedStdout(io.StringIO):
    """A stdout that has been closed."""

    def __init__(self):
        super().__init__()
        self.close()


def test_broken_pipe_stops_quietly(monkeypatch):
    """A BrokenPipeError on stdout stops the echoer and sends shutdownMicroprocess on signal."""
    monkeypatch.setattr("sys.stdout", BrokenStdout())
    out = run_component(ConsoleEchoer(), inputs={"inbox": ["lost", "also lost"]})
    assert len(out["signal"]) == 1
    assert isinstance(out["signal"][0], shutdownMicroprocess)


def test_closed_stdout_stops_quietly(monkeypatch):
    """A closed sys.stdout ends the echoer the same way as a broken pipe."""
    monkeypatch.setattr("sys.stdout", ClosedStdout())
    out = run_component(ConsoleEchoer(forwarder=True), inputs={"inbox": ["x"]})
    assert out["outbox"] == []
    assert isinstance(out["signal"][0], shutdownMicroprocess)


def test_unencodable_text_is_escaped(monkeypatch):
    """Characters stdout cannot encode are written as escapes instead of failing."""
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    monkeypatch.setattr("sys.stdout", stdout)
    run_component(
        ConsoleEchoer(), inputs={"inbox": ["caf\u00e9\n"], "control": [producerFinished()]}
    )
    stdout.flush()
    assert raw.getvalue() == b"caf\\xe9\n"


def test_forwarding_waits_for_room(capsys):
    """Forwarding into a full 1-message inbox waits and loses nothing."""
    items = [f"m{i}," for i in range(300)]
    source = DataFeed(items)
    echoer = ConsoleEchoer(forwarder=True)
    sink = SlowSink()
    run_system(Wire(source, echoer, sink), timeout=20)
    assert sink.got == items
    assert sink.full_seen > 10
    assert capsys.readouterr().out == "".join(items)
