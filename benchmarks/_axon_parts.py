"""Small components the Axon scenarios are built from.

Written against the Kamaelia 1.x Axon API only (``component``, ``link``,
``pause``/``yield``, ``producerFinished``, ``scheduler.run.runThreads``), so
the very same code runs on Kamaelia 1.14.32 and on Kamaelia 2. Chains are
wired by hand with ``link()`` rather than with ``Kamaelia.Chassis`` so that the
benchmarks measure the core only.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Sequence
from itertools import pairwise
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.Scheduler import scheduler

#: Messages on "control" that end a component in these scenarios.
STOP_MESSAGES = (producerFinished, shutdownMicroprocess)


class Source(component):
    """Sends the integers ``0 .. n-1`` on "outbox", then producerFinished on "signal".

    It yields after every ``batch`` sends, so the rest of the chain gets to run
    while the source is still producing (one message per ``send`` call).
    """

    def __init__(self, n: int, batch: int = 64) -> None:
        super().__init__()
        self.n = n
        self.batch = batch

    def main(self) -> Generator[int, None, None]:
        batch = self.batch
        for i in range(self.n):
            self.send(i, "outbox")
            if i % batch == batch - 1:
                yield 1
        self.send(producerFinished(self), "signal")
        yield 1


class Forwarder(component):
    """Passes every message from "inbox" to "outbox"; forwards the stop message and ends."""

    def main(self) -> Generator[int, None, None]:
        while True:
            while self.dataReady("inbox"):
                self.send(self.recv("inbox"), "outbox")
            if self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, STOP_MESSAGES):
                    self.send(message, "signal")
                    return
            self.pause()
            yield 1


class Sink(component):
    """Counts what arrives on "inbox"; ends after ``finishers`` stop messages on "control".

    ``count`` holds the number of messages received and ``finished_at`` the
    ``time.perf_counter()`` reading when the last stop message was handled.
    """

    def __init__(self, finishers: int = 1) -> None:
        super().__init__()
        self.finishers = finishers
        self.count = 0
        self.finished_at = 0.0

    def main(self) -> Generator[int, None, None]:
        pending = self.finishers
        while True:
            while self.dataReady("inbox"):
                self.recv("inbox")
                self.count += 1
            while self.dataReady("control"):
                if isinstance(self.recv("control"), STOP_MESSAGES):
                    pending -= 1
            if pending <= 0:
                # Every producer has finished, so everything it sent is here.
                while self.dataReady("inbox"):
                    self.recv("inbox")
                    self.count += 1
                self.finished_at = time.perf_counter()
                return
            self.pause()
            yield 1


class Idler(component):
    """Sleeps until anything arrives on "control", passes it on to "signal" and "relay", ends."""

    Outboxes = {
        "outbox": "unused",
        "signal": "the stop message, for one child in the shutdown tree",
        "relay": "the stop message, for the other child in the shutdown tree",
    }

    def main(self) -> Generator[int, None, None]:
        while not self.dataReady("control"):
            self.pause()
            yield 1
        message = self.recv("control")
        self.send(message, "signal")
        self.send(message, "relay")


def link_chain(components: Sequence[Any]) -> None:
    """Link each component's "outbox" to the next one's "inbox" and "signal" to "control"."""
    for upstream, downstream in pairwise(components):
        upstream.link((upstream, "outbox"), (downstream, "inbox"))
        upstream.link((upstream, "signal"), (downstream, "control"))


def link_shutdown_tree(idlers: Sequence[Any]) -> None:
    """Link idlers as a binary tree: k's "signal" and "relay" feed 2k+1's and 2k+2's "control".

    A stop message sent to ``idlers[0]`` then reaches all of them in about
    log2(len(idlers)) scheduler rounds, instead of one round per idler.
    """
    for index, parent in enumerate(idlers):
        for box, child in (("signal", 2 * index + 1), ("relay", 2 * index + 2)):
            if child < len(idlers):
                parent.link((parent, box), (idlers[child], "control"))


def run_all(components: Sequence[Any]) -> None:
    """Activate every component and run the default scheduler until all have finished."""
    for each in components:
        each.activate()
    scheduler.run.runThreads()
