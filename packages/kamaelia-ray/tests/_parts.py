"""Components the tests place in actors (sent to them by value, see conftest)."""

from __future__ import annotations

import os
import time
from typing import Any

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess


class Double(component):
    """Doubles numbers; passes its control message on to signal and stops."""

    def main(self) -> Any:
        while True:
            for message in self.Inbox("inbox"):
                self.send(message * 2, "outbox")
            if self.dataReady("control"):
                self.send(self.recv("control"), "signal")
                return
            self.pause()
            yield 1


class WherePid(component):
    """Answers every message with (message, the process id it ran in)."""

    def main(self) -> Any:
        while True:
            for message in self.Inbox("inbox"):
                self.send((message, os.getpid()), "outbox")
            if self.dataReady("control"):
                self.send(self.recv("control"), "signal")
                return
            self.pause()
            yield 1


class Slow(component):
    """Echoes each message after `delay` seconds, noting the longest its inbox grew."""

    delay = 0.0005

    def main(self) -> Any:
        longest = 0
        while True:
            longest = max(longest, self.dataReady("inbox"))
            if self.dataReady("inbox"):
                time.sleep(self.delay)  # the slow work itself, in the actor's process
                self.send((self.recv("inbox"), longest), "outbox")
                yield 1
                continue
            if self.dataReady("control"):
                self.send(self.recv("control"), "signal")
                return
            self.pause()
            yield 1


class Source(component):
    """Sends range(count) as fast as the link takes it, then producerFinished.

    Waits on a full inbox (noSpaceInBox); records how many it had sent each time.
    """

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.sent = 0
        self.refused = 0

    def main(self) -> Any:
        while self.sent < self.count:
            try:
                self.send(self.sent, "outbox")
            except noSpaceInBox:
                self.refused += 1
                self.pause()  # the receiver's next recv wakes us
                yield 1
                continue
            self.sent += 1
            if self.sent % 100 == 0:
                yield 1
        self.send(producerFinished(self), "signal")


class Collect(component):
    """Keeps every message and the control message that ends it."""

    def __init__(self, on_message: Any = None) -> None:
        super().__init__()
        self.got: list[Any] = []
        self.ended_by: Any = None
        self.on_message = on_message

    def main(self) -> Any:
        while True:
            for message in self.Inbox("inbox"):
                self.got.append(message)
                if self.on_message is not None:
                    self.on_message(message)
            if self.dataReady("control"):
                self.ended_by = self.recv("control")
                return
            self.pause()
            yield 1


class Lasts(component):
    """Runs until told to stop; answers a shutdownMicroprocess with one on signal."""

    def main(self) -> Any:
        while True:
            for message in self.Inbox("inbox"):
                self.send(message, "outbox")
            if self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, shutdownMicroprocess):
                    self.send(message, "signal")
                    return
            self.pause()
            yield 1


class Ticker(component):
    """Sends 0, 1, 2... one every `interval` seconds until `until()` is true, then producerFinished."""

    def __init__(self, interval: float, until: Any) -> None:
        super().__init__()
        self.interval = interval
        self.until = until

    def main(self) -> Any:
        number = 0
        while not self.until():
            self.send(number, "outbox")
            number += 1
            self.scheduler.call_later(self.interval, self.unpause)
            self.pause()
            yield 1
        self.send(producerFinished(self), "signal")


class Unpicklable:
    """A message that refuses to cross a process boundary."""

    def __reduce__(self) -> Any:
        raise TypeError("Unpicklable refuses to pickle")

    def __repr__(self) -> str:
        return "<Unpicklable>"


class SendsUnpicklable(component):
    """Answers every message with an Unpicklable."""

    def main(self) -> Any:
        while True:
            for _ in self.Inbox("inbox"):
                self.send(Unpicklable(), "outbox")
            if self.dataReady("control"):
                self.send(self.recv("control"), "signal")
                return
            self.pause()
            yield 1
