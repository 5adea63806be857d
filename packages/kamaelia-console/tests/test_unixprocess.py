"""UnixProcess: a child process with stdin/stdout/stderr as boxes, its exit status, no zombies."""

from __future__ import annotations

import os
import sys

import pytest
from _systems import SlowSink, Wire
from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component, run_system

from Kamaelia.File.UnixProcess import UnixProcess

PY = sys.executable


def test_stdin_to_stdout_and_exit_status():
    """Data on inbox reaches the child's stdin; producerFinished closes it; output and status come out."""
    out = run_component(
        UnixProcess("wc -l"), {"inbox": [b"a\n", "b\n"], "control": [producerFinished()]}
    )
    assert b"".join(out["outbox"]).strip() == b"2"
    assert out["exit_status"] == [0]
    assert [type(m) for m in out["signal"]] == [producerFinished]


def test_stderr_comes_out_of_error_and_a_failure_status_is_reported():
    """What the child writes to stderr leaves "error"; a non-zero exit status is reported."""
    proc = UnixProcess([PY, "-c", "import sys; print('out'); sys.stderr.write('err'); sys.exit(3)"])
    out = run_component(proc)
    assert b"".join(out["outbox"]) == b"out\n"
    assert b"".join(out["error"]) == b"err"
    assert out["exit_status"] == [3]
    assert proc.exit_status == 3


def test_no_shell_unless_asked():
    """A string is split and run without a shell; shell=True runs it through /bin/sh."""
    plain = run_component(UnixProcess("echo $HOME; x"))
    assert b"".join(plain["outbox"]) == b"$HOME; x\n"
    shelled = run_component(UnixProcess("echo one; echo two", shell=True))
    assert b"".join(shelled["outbox"]) == b"one\ntwo\n"


def test_shutdown_microprocess_ends_the_child_and_reaps_it():
    """shutdownMicroprocess terminates a child that would run on, reaps it, and is passed on."""
    stop = shutdownMicroprocess()
    proc = UnixProcess(["sleep", "30"])
    out = run_component(proc, {"control": [stop]})
    assert out["signal"] == [stop]
    assert out["exit_status"] == [-15]
    with pytest.raises(ChildProcessError):
        os.waitpid(proc.process.pid, os.WNOHANG)  # already reaped: no zombie


def test_a_child_that_closes_its_outputs_early_is_still_waited_for():
    """Output closed but the process still running: it finishes once the process exits."""
    code = "import os, time; os.close(1); os.close(2); time.sleep(0.2)"
    out = run_component(UnixProcess([PY, "-c", code]))
    assert out["exit_status"] == [0]


def test_large_data_both_ways_with_a_slow_consumer(tmp_path):
    """1 MB through cat into a 1-message inbox: nothing lost, in order, and the consumer was full."""
    data = bytes(range(256)) * 4096

    class Feed(component):
        def main(self):
            for i in range(0, len(data), 65536):
                self.send(data[i : i + 65536], "outbox")
                yield 1
            self.send(producerFinished(self), "signal")

    sink = SlowSink()
    run_system(Wire(Feed(), UnixProcess(["cat"]), sink), timeout=30)
    assert b"".join(sink.got) == data
    assert sink.full_seen > 0


def test_a_child_that_does_not_read_its_input_holds_the_producer_back():
    """The next inbox message is taken only once the child accepted the last: a full pipe waits."""
    proc = UnixProcess(["sleep", "30"])  # never reads; ended by the shutdown below
    proc.inboxes["inbox"].setSize(2)
    sent = []

    class Pusher(component):
        """Sends 64 KiB blocks until the inbox is full, then stops the child."""

        def main(self):
            for _ in range(100):
                try:
                    self.send(b"x" * 65536, "outbox")
                    sent.append(1)
                except noSpaceInBox:
                    break
                yield 1
            self.send(shutdownMicroprocess(), "signal")

    pusher = Pusher()
    pusher.link((pusher, "outbox"), (proc, "inbox"))
    pusher.link((pusher, "signal"), (proc, "control"))
    run_system(pusher, proc, timeout=10)
    assert len(sent) < 100  # the pipe filled and the inbox limit held the pusher back


def test_input_is_dropped_when_the_child_closes_stdin():
    """A child that exits without reading: the rest of the input is dropped, the run ends."""
    out = run_component(
        UnixProcess(["true"]), {"inbox": [b"x" * 200_000] * 3, "control": [producerFinished()]}
    )
    assert out["exit_status"] == [0]


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        (("",), {}, "command must name a program"),
        (([],), {}, "command must name a program"),
        ((["ls"],), {"shell": True}, "shell=True needs a command string"),
        (("ls",), {"buffersize": 0}, "buffersize must be a whole number > 0, got 0"),
    ],
)
def test_bad_arguments_are_refused(args, kwargs, match):
    """Commands and sizes that cannot work are refused naming the value."""
    with pytest.raises(ValueError, match=match):
        UnixProcess(*args, **kwargs)


def test_a_program_that_does_not_exist_names_the_command():
    """A missing program ends the run with FileNotFoundError naming the component and command."""
    with pytest.raises(FileNotFoundError, match=r"UnixProcess .*cannot start 'no-such-program-x'"):
        run_component(UnixProcess("no-such-program-x"))


def test_bytes_only_on_inbox():
    """Something other than bytes or str on inbox is a TypeError naming it; the child is reaped."""
    proc = UnixProcess(["cat"])
    with pytest.raises(TypeError, match="inbox data must be bytes or str, got int"):
        run_component(proc, {"inbox": [42], "control": [producerFinished()]})
    assert proc.process.returncode is not None  # the crash still reaped the child


def test_unixpipe_is_a_deprecated_alias():
    """Kamaelia.File.UnixPipe.Pipethrough is UnixProcess, with a DeprecationWarning on import."""
    sys.modules.pop("Kamaelia.File.UnixPipe", None)
    with pytest.warns(DeprecationWarning, match="use Kamaelia.File.UnixProcess.UnixProcess"):
        from Kamaelia.File.UnixPipe import Pipethrough
    assert Pipethrough is UnixProcess
