"""InterpreterTransformer and StandaloneInterpreter: an interactive Python prompt as components.

::

    Pipeline(ConsoleReader(), InterpreterTransformer(), ConsoleEchoer()).run()
    StandaloneInterpreter().run()

``InterpreterTransformer`` takes lines of Python source on ``inbox`` (``str``,
or ``bytes`` as UTF-8) and works like the interactive interpreter: a
complete statement is run; an expression's value (when not None) is sent
out of ``outbox`` as the object itself; an incomplete statement (``for x in
y:``) waits for more lines, and a blank line ends the block; an error is
sent as the text of its traceback. When a statement gives nothing to show,
``" "`` is sent, as in 1.x, so a prompt can follow every input; one ``" "``
is also sent at start. Names defined stay defined for later lines (each
instance has its own namespace). What the code prints goes to the
process's standard output, as in 1.x.

``StandaloneInterpreter`` is the same loop on standard input and output,
with a ``"> "`` prompt; it finishes at the end of its input.

.. warning:: These run whatever they are sent, with the rights of the
   process. Never connect them to data from anyone you would not give a
   shell to: a network server built on one (as a 1.x example does) must
   listen on 127.0.0.1 only.

Both run the code in their own thread, so a long computation does not
stall the scheduler. Shutdown: ``producerFinished`` on ``control`` runs the
lines already received, then stops; ``shutdownMicroprocess`` stops before
the next line; either is passed on out of ``signal``. (1.x never finished,
spun without pausing, and failed on its Python 2 leftovers: ``StringIO``.)
"""

from __future__ import annotations

import code
import sys
import traceback
from typing import Any

from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords
from Axon.ThreadedComponent import threadedcomponent

__all__ = ["InterpreterTransformer", "StandaloneInterpreter"]

#: Sent when a statement gives nothing to show (1.x sent it for the prompt).
NOTHING = " "
#: What each line's outcome is while a block is still incomplete.
_MORE = object()


class _Session:
    """The interactive interpreter's logic: lines in, results out."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"__name__": "__console__", "__doc__": None}
        self.lines: list[str] = []

    def push(self, line: str) -> Any:
        """Add a line; return the value to show, a traceback string, NOTHING, or _MORE."""
        self.lines.append(line.rstrip("\r\n"))
        source = "\n".join(self.lines)
        try:
            compiled = code.compile_command(source, "<stdin>", "single")
        except (SyntaxError, OverflowError, ValueError):
            self.lines = []
            return "".join(traceback.format_exc(limit=0))
        if compiled is None:
            return _MORE
        self.lines = []
        try:
            try:
                expression = compile(source, "<stdin>", "eval")
            except SyntaxError:
                exec(compiled, self.namespace)
                return NOTHING
            value = eval(expression, self.namespace)
        except Exception:
            kind, error, tb = sys.exc_info()
            # Leave out this frame: show the user's code only.
            return "".join(traceback.format_exception(kind, error, tb.tb_next if tb else None))
        if value is None:
            return NOTHING
        self.namespace["_"] = value
        return value


def _text(owner: Any, line: object) -> str:
    if isinstance(line, bytes):
        return line.decode("utf-8")
    if isinstance(line, str):
        return line
    raise TypeError(
        f"{type(owner).__name__} {owner.name}: inbox takes lines of source (str), got {line!r:.60}"
    )


@checked_keywords
class InterpreterTransformer(threadedcomponent):
    """InterpreterTransformer() -> run each line of Python received; send what it gives."""

    Inboxes = {
        "inbox": "Lines of Python source (str, or UTF-8 bytes)",
        "control": "producerFinished / shutdownMicroprocess",
    }
    Outboxes = {
        "outbox": 'Values of expressions, tracebacks (text), or " " when there is nothing to show',
        "signal": "Shutdown signalling",
    }

    def __init__(self) -> None:
        super().__init__()
        self.session = _Session()
        self._stop: Any = None

    def _stop_message(self, urgent_only: bool) -> Any:
        while self.dataReady("control"):
            msg = self.recv("control")
            if isinstance(msg, (producerFinished, shutdownMicroprocess)):
                self._stop = msg
        if urgent_only and not isinstance(self._stop, shutdownMicroprocess):
            return None
        return self._stop

    def main(self) -> None:  # type: ignore[override]
        """Run lines as they come until told to stop."""
        self.send(NOTHING, "outbox")
        while True:
            while self.dataReady("inbox") and self._stop_message(urgent_only=True) is None:
                result = self.session.push(_text(self, self.recv("inbox")))
                if result is not _MORE:
                    self.send(result, "outbox")
            stop = self._stop_message(urgent_only=False)
            if stop is not None:
                self.send(stop, "signal")
                return
            self.pause()


@checked_keywords
class StandaloneInterpreter(threadedcomponent):
    """StandaloneInterpreter() -> an interactive Python prompt on standard input and output."""

    Inboxes = {"inbox": "NOT USED", "control": "Any message stops it after the current line"}
    Outboxes = {"outbox": "NOT USED", "signal": "producerFinished at the end of input"}

    prompt: str = "> "

    def main(self) -> None:  # type: ignore[override]
        """Read, run and show, line by line, until the end of input."""
        session = _Session()
        while not self.dataReady("control"):
            try:
                line = input(self.prompt)
            except EOFError:
                break
            result = session.push(line)
            if result is not _MORE and result is not NOTHING:
                text = str(result)
                sys.stdout.write(text if text.endswith("\n") else text + "\n")
                sys.stdout.flush()
        stop = self.recv("control") if self.dataReady("control") else producerFinished(self)
        self.send(stop, "signal")
