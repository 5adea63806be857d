"""The `double` example system: numbers -> Doubler -> lines on a stream."""

from __future__ import annotations

import sys
from collections.abc import Generator, Iterable
from typing import TextIO

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.Scheduler import scheduler

from kamaelia_plugin_template._doubler import Doubler


class _Numbers(component):
    """Sends each of its numbers on "outbox", then producerFinished on "signal"."""

    def __init__(self, numbers: Iterable[int | float]) -> None:
        super().__init__()
        self.numbers = list(numbers)

    def main(self) -> Generator[int, None, None]:
        for number in self.numbers:
            self.send(number, "outbox")
            yield 1
        self.send(producerFinished(self), "signal")


class _Lines(component):
    """Writes each message on "inbox" as a line to `stream`; finishes on producerFinished."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def main(self) -> Generator[int, None, None]:
        while True:
            while self.dataReady("inbox"):
                self.stream.write(f"{self.recv('inbox')}\n")
            if self.dataReady("control"):
                return
            self.pause()
            yield 1


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        return float(text)


def run_demo(argv: list[str], stream: TextIO | None = None) -> int:
    """Double the numbers in `argv` (default 1 2 3), writing one result per line."""
    try:
        numbers = [_number(arg) for arg in argv] or [1, 2, 3]
    except ValueError as error:
        sys.stderr.write(f"double: expected numbers, got {argv!r} ({error})\n")
        return 2
    source, doubler, sink = _Numbers(numbers), Doubler(), _Lines(stream or sys.stdout)
    # Each link belongs to its sender: a finished component takes its links with it,
    # so the source must not own the links downstream of the doubler.
    for sender, receiver in ((source, doubler), (doubler, sink)):
        sender.link((sender, "outbox"), (receiver, "inbox"))
        sender.link((sender, "signal"), (receiver, "control"))
    for part in (source, doubler, sink):
        part.activate()
    scheduler.run.runThreads()
    return 0
