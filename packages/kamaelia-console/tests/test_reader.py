"""ConsoleReader in process: lines, EOF, prompts, decoding, stopping and backpressure."""

from __future__ import annotations

import io
import os

import pytest
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component

from Kamaelia.Util.Console import ConsoleReader


class WriteEnd:
    """The write end of a pipe, closed at most once.

    Closing a descriptor number twice could close whatever reused the number
    in between (a scheduler's selector, say), so the fixture and the test
    share this object instead of a bare fd.
    """

    def __init__(self, fd: int) -> None:
        self.fd: int | None = fd

    def write(self, data: bytes) -> None:
        assert self.fd is not None
        os.write(self.fd, data)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


@pytest.fixture
def stdin_pipe(monkeypatch):
    """sys.stdin replaced by the read end of a pipe; yields its write end."""
    read_fd, write_fd = os.pipe()
    reader = open(read_fd, encoding="utf-8")  # noqa: SIM115 - closed below
    monkeypatch.setattr("sys.stdin", reader)
    write_end = WriteEnd(write_fd)
    yield write_end
    write_end.close()
    reader.close()


def test_lines_then_producer_finished(monkeypatch):
    """Each line is sent with eol, then producerFinished goes out of signal."""
    monkeypatch.setattr("sys.stdin", io.StringIO("one\ntwo\nthree"))
    out = run_component(ConsoleReader(eol="|"))
    assert out["outbox"] == ["one|", "two|", "three|"]
    assert len(out["signal"]) == 1
    assert isinstance(out["signal"][0], producerFinished)


def test_stdin_none_is_empty_input(monkeypatch):
    """No stdin at all (sys.stdin is None) is treated as empty input."""
    monkeypatch.setattr("sys.stdin", None)
    out = run_component(ConsoleReader())
    assert out["outbox"] == []
    assert isinstance(out["signal"][0], producerFinished)


def test_prompt_only_when_asked(monkeypatch, capsys):
    """A non-terminal stdin gets no prompt; show_prompt=True prints it before each line."""
    monkeypatch.setattr("sys.stdin", io.StringIO("a\n"))
    run_component(ConsoleReader(prompt="? "))
    assert capsys.readouterr().out == ""
    monkeypatch.setattr("sys.stdin", io.StringIO("a\nb\n"))
    run_component(ConsoleReader(prompt="? ", show_prompt=True))
    assert capsys.readouterr().out == "? ? ? "


def test_undecodable_bytes_are_replaced(stdin_pipe):
    """Invalid UTF-8 on stdin becomes U+FFFD by default."""
    stdin_pipe.write(b"\xffok\n")
    stdin_pipe.close()
    out = run_component(ConsoleReader())
    assert out["outbox"] == ["\ufffdok\n"]


def test_strict_decoding_fails_loudly(stdin_pipe):
    """errors='strict' turns invalid UTF-8 into a failure naming ConsoleReader."""
    stdin_pipe.write(b"\xff\n")
    stdin_pipe.close()
    with pytest.raises(UnicodeDecodeError):
        run_component(ConsoleReader(errors="strict"))


def test_shutdown_while_blocked_in_read(stdin_pipe):
    """shutdownMicroprocess ends the reader though stdin stays open and silent."""
    stop = shutdownMicroprocess()
    out = run_component(ConsoleReader(), inputs={"control": [stop]}, timeout=5)
    assert out["signal"] == [stop]
    assert out["outbox"] == []


def test_producer_finished_on_control_stops_it(stdin_pipe):
    """producerFinished on control also stops the reader and is passed on."""
    done = producerFinished()
    out = run_component(ConsoleReader(), inputs={"control": [done]}, timeout=5)
    assert out["signal"] == [done]


def test_small_thread_queue_loses_nothing(monkeypatch):
    """With a 2-item thread queue, 5000 lines still all arrive in order."""
    lines = [f"l{i}" for i in range(5000)]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = run_component(ConsoleReader(queuelengths=2), timeout=20)
    assert out["outbox"] == [line + "\n" for line in lines]
