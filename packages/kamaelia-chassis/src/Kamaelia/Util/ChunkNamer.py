"""ChunkNamer: give each message a numbered file name.

::

    Pipeline(ConsoleReader(), ChunkNamer("test", ".txt"), WholeFileWriter()).run()

Each message ``data`` arriving on ``inbox`` leaves ``outbox`` as the list
``[basepath + "chunk" + str(n) + suffix, data]``, ``n`` counting from 1 — the
form ``WholeFileWriter`` takes.

Shutdown: ``producerFinished`` names the messages already received, then
stops; ``shutdownMicroprocess`` stops at once.  Either is passed on out of
``signal`` (1.x sent a new ``producerFinished`` whatever it received).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown, is_stop_now

__all__ = ["ChunkNamer"]


@checked_keywords
class ChunkNamer(component):
    """ChunkNamer(basepath="", suffix="") -> label each message [filename, message].

    Keyword arguments:

    - basepath -- text put before "chunk<n>" (a directory, a prefix, or both)
    - suffix   -- text put after the number (such as ".txt")
    """

    Inboxes = {"inbox": "Chunks to be named", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Lists: [file name, chunk]", "signal": "Shutdown signalling"}

    def __init__(self, basepath: str = "", suffix: str = "") -> None:
        for label, value in (("basepath", basepath), ("suffix", suffix)):
            if not isinstance(value, str):
                raise TypeError(f"ChunkNamer: {label} must be a string, got {value!r}")
        super().__init__()
        self.basepath = basepath
        self.suffix = suffix
        self.chunknumber = 0

    def _name_all(self) -> None:
        while self.dataReady("inbox"):
            self.chunknumber += 1
            name = f"{self.basepath}chunk{self.chunknumber}{self.suffix}"
            self.send([name, self.recv("inbox")], "outbox")

    def main(self) -> Generator[int, None, None]:
        """Name each message until told to stop."""
        while True:
            self._name_all()
            while self.dataReady("control"):
                msg: Any = self.recv("control")
                if is_shutdown(msg):
                    if not is_stop_now(msg):
                        self._name_all()
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1
