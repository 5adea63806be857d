"""UnixProcess: a child process as a component, its standard streams as boxes.

::

    Pipeline(DataSource([b"hello\\n", b"world\\n"]), UnixProcess("wc -l"), ConsoleEchoer()).run()

::

            ____________________________________
           |            UnixProcess             |
           |         _________________          |
    --> "inbox" --> | stdin     stdout | --> "outbox" -->
           |        |           stderr | --> "error"  -->
           |        |_______exit_______| --> "exit_status" -->
           |____________________________________|

- Data sent to ``inbox`` (``bytes``, or ``str`` written as UTF-8) goes to
  the child's standard input, in order.
- What the child writes to standard output leaves ``outbox`` and what it
  writes to standard error leaves ``error``, as ``bytes`` in chunks of up to
  ``buffersize`` bytes.
- When the child has exited and both its outputs are exhausted, its exit
  status (negative: killed by that signal) leaves ``exit_status`` and is kept
  in the ``exit_status`` attribute, then ``producerFinished`` (or the
  shutdown message received) leaves ``signal`` and the component finishes.

``command`` is a program and its arguments: a list, or a string split like a
shell would (``shlex.split``) but run **without** a shell. Pass
``shell=True`` to have ``/bin/sh`` run the string (pipes, redirections,
globbing). A program that cannot be started stops the system with an
OSError of the original kind naming the component and the command.

Back-pressure both ways: it takes the next ``inbox`` message only once the
child has accepted the previous one (so a size-limited ``inbox`` holds the
producer back while the child is busy), and it reads the child's output
only once the previous chunk has been delivered (so a full, size-limited
inbox downstream leaves the child blocked on writing, and nothing piles up).
Waiting is done on the scheduler's I/O watching: no polling, no threads.

Shutdown:

- ``producerFinished`` on ``control``: the data already received is written,
  then the child's standard input is closed (it sees end of input); its
  output is still passed on until it exits by itself.
- ``shutdownMicroprocess``: the child is terminated (SIGTERM, then SIGKILL
  if it has not gone within a second) at once.

Either way the child is reaped: no zombie is left, also when the component
is stopped or the system crashes. If the child closes its input early,
whatever was still to be written to it is dropped (and logged).

Differences from 1.x: no shell unless asked (1.x always used one); stderr
comes out of ``error`` (1.x read and dropped it); data is never dropped on a
backlog (1.x kept only the last 10000 messages, and halved its buffer when
the child was slow); the exit status is reported; it uses the scheduler's I/O
watching instead of kamaelia-net's Selector.
"""

from __future__ import annotations

import logging
import os
import selectors
import shlex
import subprocess
from collections.abc import Generator, Sequence
from typing import IO

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.File._child import reap_now, wait_exit
from Kamaelia.File._fdsource import IoWaiter
from Kamaelia.File._jobs import as_bytes
from Kamaelia.Util._console_flow import ControlWatch

__all__ = ["UnixProcess"]

log = logging.getLogger("Kamaelia.File.UnixProcess")


@checked_keywords
class UnixProcess(component):
    """UnixProcess(command, shell=False, buffersize=32768) -> run a child process.

    Keyword arguments:

    - command    -- list of program and arguments, or a string (split, no shell)
    - shell      -- run the string through /bin/sh (default False)
    - buffersize -- largest chunk read from the child's outputs at once
    """

    Inboxes = {
        "inbox": "Data for the child's standard input (bytes, or str as UTF-8)",
        "control": "producerFinished: close the child's input; shutdownMicroprocess: end it",
    }
    Outboxes = {
        "outbox": "The child's standard output (bytes)",
        "error": "The child's standard error (bytes)",
        "exit_status": "The child's exit status (an int; negative: killed by that signal)",
        "signal": "producerFinished when the child has finished, or the shutdown message",
    }

    def __init__(
        self, command: str | Sequence[str], shell: bool = False, buffersize: int = 32768
    ) -> None:
        super().__init__()
        if isinstance(command, str):
            argv: str | list[str] = command if shell else shlex.split(command)
        elif shell:
            raise ValueError(f"UnixProcess: shell=True needs a command string, got {command!r}")
        else:
            argv = [str(part) for part in command]
        if not argv or (isinstance(command, str) and not command.strip()):
            raise ValueError(f"UnixProcess: command must name a program, got {command!r}")
        if isinstance(buffersize, bool) or not isinstance(buffersize, int) or buffersize < 1:
            raise ValueError(
                f"UnixProcess: buffersize must be a whole number > 0, got {buffersize!r}"
            )
        self.command = command
        self.argv = argv
        self.shell = shell
        self.buffersize = buffersize
        self.exit_status: int | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self._stdin: IO[bytes] | None = None
        self._outputs: dict[str, IO[bytes]] = {}
        self._pending_in = b""
        self._pending_out: tuple[str, bytes] | None = None
        self._waiter = IoWaiter(self)

    # -- starting -----------------------------------------------------------

    def _start(self) -> subprocess.Popen[bytes]:
        try:
            proc = subprocess.Popen(
                self.argv,
                shell=self.shell,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError as exc:
            text = f"UnixProcess {self.name}: cannot start {self.command!r}: {exc.strerror or exc}"
            if exc.errno is None:
                raise OSError(text) from exc
            raise type(exc)(exc.errno, text) from exc
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            assert pipe is not None
            os.set_blocking(pipe.fileno(), False)
        return proc

    # -- one pass over the child's streams --------------------------------

    def _feed_stdin(self, closing: bool) -> bool:
        """Write what we can to the child's stdin; True if anything happened."""
        stdin = self._stdin
        if stdin is None:
            return False
        progressed = False
        while True:
            if not self._pending_in and self.dataReady("inbox"):
                self._pending_in = as_bytes(self, "inbox data", self.recv("inbox"))
                progressed = True
            if not self._pending_in:
                if closing:
                    self._close_stdin()
                    return True
                return progressed
            try:
                written = os.write(stdin.fileno(), self._pending_in)
            except BlockingIOError:
                self._waiter.wait(stdin.fileno(), selectors.EVENT_WRITE)
                return progressed
            except BrokenPipeError:
                dropped = len(self._pending_in) + sum(
                    len(as_bytes(self, "inbox data", self.recv("inbox")))
                    for _ in range(len(self.inboxes["inbox"]))
                )
                log.info("%s: the child closed its input; %d bytes dropped", self.name, dropped)
                self._pending_in = b""
                self._close_stdin()
                return True
            self._pending_in = self._pending_in[written:]
            progressed = True

    def _close_stdin(self) -> None:
        if self._stdin is not None:
            self._waiter.forget(self._stdin.fileno())
            self._stdin.close()
            self._stdin = None

    def _drain_output(self) -> bool:
        """Pass on what the child wrote, one chunk at a time; True if anything happened."""
        progressed = False
        while True:
            if self._pending_out is not None:
                box, data = self._pending_out
                try:
                    self.send(data, box)
                except noSpaceInBox:
                    return progressed  # collecting from that inbox wakes us
                self._pending_out = None
                progressed = True
            chunk = self._read_one()
            if chunk is None:
                return progressed
            self._pending_out = chunk
            progressed = True

    def _read_one(self) -> tuple[str, bytes] | None:
        """Read a chunk from stdout or stderr: (box, data), or None if neither has one now."""
        for box, pipe in list(self._outputs.items()):
            try:
                data = os.read(pipe.fileno(), self.buffersize)
            except BlockingIOError:
                self._waiter.wait(pipe.fileno(), selectors.EVENT_READ)
                continue
            if data:
                return box, data
            self._waiter.forget(pipe.fileno())
            pipe.close()
            del self._outputs[box]
        return None

    # -- the component --------------------------------------------------------

    def _running(self) -> bool:
        """True while the child's output is still open or not yet all passed on."""
        return bool(self._outputs) or self._pending_out is not None

    def main(self) -> Generator[int, None, None]:
        """Run the child, moving data both ways, until it has finished or we are told to stop."""
        proc = self.process = self._start()
        # Popen was asked for all three pipes.
        assert proc.stdin is not None
        assert proc.stdout is not None
        assert proc.stderr is not None
        self._stdin = proc.stdin
        self._outputs = {"outbox": proc.stdout, "error": proc.stderr}
        control = ControlWatch(self)
        try:
            while self._running():
                stop = control.poll()
                if isinstance(stop, shutdownMicroprocess):
                    break
                moved = self._feed_stdin(closing=stop is not None)
                moved = self._drain_output() or moved
                if not moved and self._running():
                    self.pause()  # an I/O watch, a message or a collection wakes us
                yield 1
            self._close_stdin()
            status = yield from wait_exit(self, proc, control.urgent)
            self.exit_status = reap_now(proc) if status is None else status
            self.send(self.exit_status, "exit_status")
            self.send(control.poll() or producerFinished(self), "signal")
        finally:
            self._waiter.close()
            self._close_stdin()
            for pipe in self._outputs.values():
                pipe.close()
            if proc.poll() is None:
                reap_now(proc)
