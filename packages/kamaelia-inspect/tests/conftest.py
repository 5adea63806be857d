"""Shared helpers: small systems to watch, and running them for a while."""

from __future__ import annotations

import contextlib
import re
import signal
import subprocess
import sys

import pytest
from Axon.Component import component
from Axon.Scheduler import scheduler


class Burst(component):
    """Sends `burst` numbers every `every` seconds, `rounds` times, then finishes."""

    def __init__(self, burst=20, every=0.02, rounds=10**9):
        super().__init__()
        self.burst, self.every, self.rounds = burst, every, rounds

    def main(self):
        for _ in range(self.rounds):
            for n in range(self.burst):
                self.send(n, "outbox")
            timer = self.scheduler.call_later(self.every, self.unpause)
            self.pause()
            yield 1
            timer.cancel()


class Sipper(component):
    """Takes one message from its inbox every `every` seconds (so its inbox fills and drains)."""

    def __init__(self, every=0.005):
        super().__init__()
        self.every = every

    def main(self):
        while not self.dataReady("control"):
            if self.dataReady("inbox"):
                self.recv("inbox")
            timer = self.scheduler.call_later(self.every, self.unpause)
            self.pause()
            yield 1
            timer.cancel()


class Crasher(component):
    """Raises ValueError("bad value 42") after `after` seconds."""

    after = 0.0

    def main(self):
        timer = self.scheduler.call_later(self.after, self.unpause)
        self.pause()
        yield 1
        timer.cancel()
        raise ValueError("bad value 42")


def run_for(sched, seconds, *components):
    """Activate `components` on `sched` and run it for `seconds`, then stop everything."""
    for comp in components:
        comp.activate(Scheduler=sched)
    sched.call_later(seconds, sched.stop)
    sched.runThreads()


@pytest.fixture
def sched():
    return scheduler()


SYSTEM = """
from Axon.Component import component
from Kamaelia.Chassis.Pipeline import Pipeline

class Burst(component):
    def main(self):
        while True:
            for n in range(40):
                self.send(n, "outbox")
            timer = self.scheduler.call_later(0.3, self.unpause)
            self.pause()
            yield 1

class Sipper(component):
    def main(self):
        while True:
            if self.dataReady("inbox"):
                self.recv("inbox")
            timer = self.scheduler.call_later(0.01, self.unpause)
            self.pause()
            yield 1

Pipeline(Burst(), Sipper()).run()
"""


def kamaelia(*args):
    """The `kamaelia` command line, as this Python runs it."""
    return [sys.executable, "-m", "Kamaelia.Chassis._cli", *args]


@contextlib.contextmanager
def run_inspected(path, *args):
    """`kamaelia run --inspect 127.0.0.1:0 PATH ARGS` while inside; yields (process, url)."""
    proc = subprocess.Popen(
        kamaelia("run", "--inspect", "127.0.0.1:0", str(path), *args),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        # A shell that starts the tests in the background (as a CI runner may) leaves
        # SIGINT ignored, and the child would inherit that: the tests send it Ctrl-C.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        line = proc.stderr.readline()  # bounded by the test timeout
        match = re.fullmatch(r"kamaelia: inspector on (http://127\.0\.0\.1:\d+/)\n", line)
        assert match, f"unexpected first line {line!r}"
        yield proc, match.group(1)
    finally:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture
def inspected(tmp_path):
    """The SYSTEM above running under `kamaelia run --inspect`; yields (process, url)."""
    script = tmp_path / "system.py"
    script.write_text(SYSTEM)
    with run_inspected(script) as running:
        yield running
