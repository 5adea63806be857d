"""Console input and output components.

``ConsoleReader`` sends each line typed on (or piped into) standard input out
of its "outbox"; ``ConsoleEchoer`` writes whatever reaches its "inbox" to
standard output. Together they make the front-page example::

    from Kamaelia.Chassis.Pipeline import Pipeline
    from Kamaelia.Util.Console import ConsoleReader, ConsoleEchoer

    Pipeline(ConsoleReader(), ConsoleEchoer()).run()

Differences from Kamaelia 1.x (same names, arguments and boxes otherwise):

- ConsoleReader ends cleanly at end of input: it sends ``producerFinished`` out
  of "signal" and finishes (1.x crashed the whole system with EOFError).
- ConsoleReader prints its prompt only when standard input is a terminal,
  unless ``show_prompt=True``; piped input gives clean output.
- ConsoleReader answers ``producerFinished``/``shutdownMicroprocess`` on
  "control" at once, even while waiting for input (see ConsoleReader).
- Bytes that are not valid in the input encoding become U+FFFD (the Unicode
  replacement character) instead of stopping the system; pass
  ``errors="strict"`` to make them an error instead.
- ConsoleEchoer treats a closed standard output (``... | head -1``) as the
  end of its work: it stops quietly and sends ``shutdownMicroprocess`` out of
  "signal" instead of raising BrokenPipeError.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Generator
from typing import Any

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords
from Axon.ThreadedComponent import threadedcomponent

from Kamaelia.Util._console_flow import ControlWatch, send_when_room
from Kamaelia.Util._console_input import EOF, ERROR, LINES, LineSource

__all__ = ["ConsoleReader", "ConsoleEchoer"]

log = logging.getLogger("Kamaelia.Util.Console")


@checked_keywords
class ConsoleReader(threadedcomponent):
    """ConsoleReader(prompt=">>> ", eol="\\n") -> send each line of standard input; finish at EOF.

    Full signature: ``ConsoleReader(prompt=">>> ", eol="\\n", show_prompt=None,
    encoding=None, errors="replace")``.

    - ``prompt``: written to standard output before each line when prompting.
    - ``eol``: appended to every line sent (the line's own ending is removed).
    - ``show_prompt``: None prompts only when standard input is a terminal;
      True or False force it on or off.
    - ``encoding``/``errors``: how input bytes become text; by default the
      encoding of ``sys.stdin`` (UTF-8 if it has none) with undecodable bytes
      replaced by U+FFFD.

    At end of input it sends ``producerFinished`` out of "signal" and finishes.
    A ``producerFinished`` or ``shutdownMicroprocess`` on "control" makes it
    pass that message out of "signal" and finish at once, even while no input
    arrives. The read already in progress cannot be interrupted: it is left to
    a daemon thread, which exits after that read returns (discarding what it
    read) and never keeps the interpreter or the scheduler alive.
    """

    Inboxes = {
        "inbox": "NOT USED",
        "control": "producerFinished or shutdownMicroprocess stops reading",
    }
    Outboxes = {
        "outbox": "Each line read from standard input, ending in eol",
        "signal": "producerFinished at end of input, or the shutdown message received",
    }

    def __init__(
        self,
        prompt: str = ">>> ",
        eol: str = "\n",
        show_prompt: bool | None = None,
        encoding: str | None = None,
        errors: str = "replace",
        **argd: Any,
    ) -> None:
        super().__init__(**argd)
        self.prompt = prompt
        self.eol = eol
        self.show_prompt = show_prompt
        self.encoding = encoding
        self.errors = errors

    # -- runs in the component's own thread ---------------------------------

    def main(self) -> None:  # type: ignore[override]  # a thread body, not a generator
        """Hand lines from the reading thread to "outbox" until EOF or a stop request."""
        source = self._make_source(sys.stdin)
        source.start()
        try:
            while not self._isStopped():
                stop = self._stop_request()
                if stop is not None:
                    self._send_reliably(stop, "signal")
                    return
                item = source.get_nowait()
                if item is None:
                    self.pause()  # woken by control, by the reading thread, or by room
                    continue
                kind, value = item
                if kind == LINES:
                    for line in value:
                        if not self._send_reliably(line + self.eol, "outbox"):
                            return
                elif kind == EOF:
                    self._send_reliably(producerFinished(self), "signal")
                    return
                elif kind == ERROR:
                    raise value
        finally:
            source.close()

    def _make_source(self, stream: Any) -> LineSource:
        if self.show_prompt is None:
            try:
                prompting = bool(stream is not None and stream.isatty())
            except (AttributeError, ValueError, OSError):
                prompting = False
        else:
            prompting = bool(self.show_prompt)
        encoding = self.encoding or getattr(stream, "encoding", None) or "utf-8"
        return LineSource(
            stream,
            encoding=encoding,
            errors=self.errors,
            prompt=self.prompt,
            show_prompt=prompting,
            wake=self.unpause,  # thread-safe; wakes main() from pause()
            name=f"ConsoleReader-{self.id}-stdin",
        )

    def _stop_request(self) -> object | None:
        while self.dataReady("control"):
            msg = self.recv("control")
            if isinstance(msg, (producerFinished, shutdownMicroprocess)):
                return msg
        return None

    def _send_reliably(self, message: object, box: str) -> bool:
        """Send, pausing while the thread's outgoing queue is full.

        Returns False (and passes the stop request on) when told to stop
        while waiting.
        """
        while True:
            try:
                self.send(message, box)
                return True
            except noSpaceInBox:
                pass
            stop = self._stop_request()
            if self._isStopped():
                return False
            if stop is not None:
                if box != "signal":
                    self._send_reliably(stop, "signal")
                return False
            self.pause()  # woken when the scheduler side takes an outgoing message


@checked_keywords
class ConsoleEchoer(component):
    """ConsoleEchoer(forwarder=False, use_repr=False, tag="") -> write each message to stdout.

    Each message is written as ``tag + str(message)`` (``repr`` with
    ``use_repr``) with no newline added. With ``forwarder`` the message is
    also sent on "outbox", waiting while that destination is full.

    Any message on "control" makes it finish, after writing what is already in
    "inbox", and is passed on out of "signal" (as in 1.x). If standard output
    is closed (for example the reading end of a pipe went away), it stops
    quietly: it points standard output at the null device (so the interpreter
    does not complain at exit), sends ``shutdownMicroprocess`` out of
    "signal" and stops the scheduler, as SIGPIPE ends a Unix program:
    messages still waiting are discarded.
    """

    Inboxes = {
        "inbox": "Messages to write to standard output",
        "control": "Any message here stops the echoer and is passed on",
    }
    Outboxes = {
        "outbox": "The messages received, when forwarder is set",
        "signal": "Control messages passed on, or shutdownMicroprocess if stdout closed",
    }

    def __init__(
        self, forwarder: bool = False, use_repr: bool = False, tag: str = "", **argd: Any
    ) -> None:
        super().__init__(**argd)
        self.forwarder = forwarder
        self.use_repr = use_repr
        self.serialise = repr if use_repr else str
        self.tag = tag

    def main(self) -> Generator[int, None, None]:
        """Echo inbox messages until a control message arrives or stdout closes."""
        control = ControlWatch(self)
        while True:
            while self.dataReady("inbox"):
                msg = self.recv("inbox")
                if not self._write(self.tag + self.serialise(msg)):
                    self._stdout_gone()
                    return
                if self.forwarder:
                    if not self._flush():
                        self._stdout_gone()
                        return
                    if not (yield from send_when_room(self, msg, "outbox", control)):
                        break  # told to stop at once while waiting for room
            if not self._flush():
                self._stdout_gone()
                return
            if control.poll() is not None or control.received:
                # Any control message stops the echoer, as in 1.x.
                for msg in control.received:
                    self.send(msg, "signal")
                return
            self.pause()
            yield 1

    def _write(self, text: str) -> bool:
        out = sys.stdout
        try:
            try:
                out.write(text)
            except UnicodeEncodeError:
                # A terminal that cannot show some characters still gets the
                # rest; the others appear as escapes rather than killing us.
                enc = getattr(out, "encoding", None) or "ascii"
                out.write(text.encode(enc, "backslashreplace").decode(enc))
        except (BrokenPipeError, ConnectionResetError):
            return False
        except ValueError:
            if getattr(out, "closed", False):
                return False
            raise
        return True

    def _flush(self) -> bool:
        return _flush_stdout()

    def _stdout_gone(self) -> None:
        log.info("ConsoleEchoer %s: standard output is closed; stopping the system", self.id)
        _silence_stdout()
        self.send(shutdownMicroprocess(self), "signal")
        # What SIGPIPE does to a Unix program: nobody can see the output any
        # more, so the whole system ends (a reader of endless input included).
        self.scheduler.stop()


def _flush_stdout() -> bool:
    out = sys.stdout
    try:
        out.flush()
    except (BrokenPipeError, ConnectionResetError):
        return False
    except ValueError:
        if getattr(out, "closed", False):
            return False
        raise
    return True


def _silence_stdout() -> None:
    """Point standard output's descriptor at the null device.

    What is still buffered in ``sys.stdout`` is flushed again at interpreter
    exit; with the descriptor on the null device that flush succeeds instead
    of printing "Exception ignored ... BrokenPipeError" (the remedy the Python
    documentation gives for SIGPIPE).
    """
    out = sys.stdout
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real descriptor (e.g. captured by a test runner)
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, fd)
    except OSError:
        pass
    finally:
        os.close(devnull)
