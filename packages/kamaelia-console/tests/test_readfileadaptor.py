"""ReadFileAdaptor: files, commands and standard input, by line, block or bit rate, paced."""

from __future__ import annotations

import os
import sys

import pytest
from _systems import SlowSink, Wire
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component, run_system

from Kamaelia.File.ReadFileAdaptor import EOF, ReadFileAdaptor
from Kamaelia.File.Reading import EOF as ReadingEOF


@pytest.fixture
def lines_file(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_bytes(b"one\ntwo\nthree")
    return path


def finished(out):
    return [type(m) for m in out["signal"]] == [producerFinished]


def test_reads_lines_by_default(lines_file):
    """With no readmode each message is one line (bytes, ending included); then producerFinished."""
    out = run_component(ReadFileAdaptor(str(lines_file)))
    assert out["outbox"] == [b"one\n", b"two\n", b"three"]
    assert finished(out)


def test_block_mode_reads_readsize_bytes(lines_file):
    """readmode="block" sends readsize bytes per message, the last one shorter."""
    out = run_component(ReadFileAdaptor(lines_file, readmode="block", readsize=5))
    assert out["outbox"] == [b"one\nt", b"wo\nth", b"ree"]


def test_bitrate_mode_sizes_blocks_from_the_rates(lines_file):
    """bitrate=8*4*100 at chunkrate=100 means 4-byte blocks, 100 a second."""
    out = run_component(
        ReadFileAdaptor(lines_file, readmode="bitrate", bitrate=3200, chunkrate=100)
    )
    assert out["outbox"] == [b"one\n", b"two\n", b"thre", b"e"]


def test_steptime_sleeps_on_a_timer_between_reads(lines_file):
    """With a steptime the reader is paused (woken by a timer, not spinning) between reads."""
    reader = ReadFileAdaptor(lines_file, readmode="line", steptime=0.05)
    seen = []

    class Spy(component):
        def main(self):
            yield 1
            while not reader._isStopped():
                seen.append(reader.scheduler.isThreadPaused(reader))
                yield 1

    sink = Spy()
    run_system(reader, sink)
    assert seen
    assert sum(seen) / len(seen) > 0.9


def test_reads_a_commands_output_and_reaps_it():
    """command= runs through the shell (as 1.x did); its output comes out; it is reaped."""
    reader = ReadFileAdaptor(command="printf 'a\\nb\\n'; printf c")
    out = run_component(reader)
    assert out["outbox"] == [b"a\n", b"b\n", b"c"]
    assert finished(out)
    assert reader._proc.returncode == 0


def test_a_command_list_runs_without_a_shell():
    """A list command is run directly: shell characters are plain arguments."""
    out = run_component(ReadFileAdaptor(command=["echo", "$HOME;", "x"]))
    assert out["outbox"] == [b"$HOME; x\n"]


def test_reads_standard_input_without_blocking_the_scheduler(monkeypatch):
    """With no filename or command it reads stdin; while stdin is silent other components run."""
    read_fd, write_fd = os.pipe()
    stdin = open(read_fd, "rb", buffering=0)  # noqa: SIM115 - closed below
    monkeypatch.setattr(sys, "stdin", stdin)
    reader = ReadFileAdaptor()
    out = {"data": []}

    class Writer(component):
        """Runs while the reader waits, then writes to the pipe and closes it."""

        def main(self):
            for _ in range(5):
                yield 1  # the reader is waiting on an empty pipe meanwhile
            os.write(write_fd, b"typed\n")
            os.close(write_fd)

    class Collect(component):
        def main(self):
            while not self.dataReady("control"):
                while self.dataReady("inbox"):
                    out["data"].append(self.recv("inbox"))
                self.pause()
                yield 1
            while self.dataReady("inbox"):
                out["data"].append(self.recv("inbox"))

    try:
        run_system(Wire(reader, Collect()), Writer())
        assert os.get_blocking(read_fd), "stdin was left non-blocking"
    finally:
        stdin.close()
    assert out["data"] == [b"typed\n"]


@pytest.mark.parametrize("stop_class", [producerFinished, shutdownMicroprocess])
def test_control_stops_it_and_is_passed_on(lines_file, stop_class):
    """A shutdown message on control stops it (1.x ignored control) and leaves by signal."""
    stop = stop_class()
    out = run_component(ReadFileAdaptor(lines_file, steptime=60), {"control": [stop]})
    assert out["signal"] == [stop]


def test_stopping_early_ends_the_command():
    """A command still running when the reader is stopped is terminated and reaped."""
    reader = ReadFileAdaptor(command=["sleep", "30"])
    run_component(reader, {"control": [shutdownMicroprocess()]})
    assert reader._proc.returncode is not None


def test_backpressure_waits_for_a_full_inbox(tmp_path):
    """Into a 1-message inbox every line arrives, in order."""
    path = tmp_path / "many.txt"
    path.write_bytes(b"".join(b"%d\n" % i for i in range(50)))
    sink = SlowSink()
    run_system(Wire(ReadFileAdaptor(path), sink))
    assert sink.got == [b"%d\n" % i for i in range(50)]
    assert sink.full_seen > 0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"readmode": "lines"}, "readmode must be one of '', 'line', 'block', 'bitrate'"),
        ({"filename": "a", "command": "b"}, "give filename or command, not both"),
        ({"readmode": "block", "readsize": 0}, "readsize must be a whole number > 0, got 0"),
        ({"steptime": -1}, "steptime must be a number >= 0, got -1"),
        ({"readmode": "bitrate", "bitrate": 0}, "bitrate must be a number > 0, got 0"),
        ({"readmode": "bitrate", "bitrate": 8, "chunkrate": 24}, "blocks of less than a byte"),
    ],
)
def test_bad_arguments_are_refused(kwargs, match):
    """Arguments that cannot work are refused naming the argument, the value and the choices."""
    with pytest.raises(ValueError, match=match):
        ReadFileAdaptor(**kwargs)


def test_a_missing_file_names_the_component_and_path(tmp_path):
    """A file that cannot be opened ends the run with FileNotFoundError naming it."""
    missing = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError, match=r"ReadFileAdaptor: cannot open .*nope\.txt"):
        run_component(ReadFileAdaptor(missing))


def test_eof_is_the_1x_exception_class():
    """Kamaelia.File.ReadFileAdaptor.EOF exists, as in 1.x, and is Reading's EOF."""
    assert EOF is ReadingEOF
    assert issubclass(EOF, Exception)
