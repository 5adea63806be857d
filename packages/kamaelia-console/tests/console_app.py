"""Small programs the tests run as real subprocesses with piped stdin/stdout.

Usage: python console_app.py MODE [ARGS]

- ``linked [--prompt]``: ConsoleReader linked by hand into ConsoleEchoer
  (the front-page system without the chassis).
- ``pipeline``: the front-page example, literally, with the chassis Pipeline.
- ``echo``: the ``echo`` example the plugin offers.
- ``stop-after-first``: reads one line, echoes it, then sends
  shutdownMicroprocess to the reader while standard input stays open.
- ``copy READER SRC DST``: streams SRC into DST through a file reader
  ("simple", "maxspeed" or "rate") and SimpleFileWriter, then prints the peak
  RSS (KiB) before and after the run as ``rss BEFORE AFTER``.
"""

from __future__ import annotations

import resource
import sys

from Axon.Component import component
from Axon.Ipc import newComponent, shutdownMicroprocess

from Kamaelia.Util.Console import ConsoleEchoer, ConsoleReader


class Linked(component):
    """reader -> echoer, wired with link(); ends when both children end."""

    Outboxes = {"outbox": "", "signal": "", "stop": "shutdown to the reader"}

    def __init__(self, *children, stop_after_first=False):
        super().__init__()
        self.parts = children
        self.stop_after_first = stop_after_first

    def main(self):
        first, second = self.parts
        self.link((first, "outbox"), (second, "inbox"))
        self.link((first, "signal"), (second, "control"))
        self.link((self, "stop"), (first, "control"))
        if self.stop_after_first:
            self.link((second, "outbox"), (self, "inbox"))
        self.addChildren(first, second)
        yield newComponent(first, second)
        if self.stop_after_first:
            # Wait for the first echoed (and forwarded) line, then stop the
            # reader while its helper thread is blocked reading the open stdin.
            while not self.dataReady("inbox") and not second._isStopped():
                self.pause()
                yield 1
            self.send(shutdownMicroprocess(self), "stop")
        while not (first._isStopped() and second._isStopped()):
            self.pause()
            yield 1


def copy(reader_kind: str, src: str, dst: str) -> None:
    from Kamaelia.File.Reading import MaxSpeedFileReader, RateControlledFileReader, SimpleReader
    from Kamaelia.File.Writing import SimpleFileWriter

    readers = {
        "simple": lambda: SimpleReader(src, mode="rb", chunksize=65536),
        "maxspeed": lambda: MaxSpeedFileReader(src, chunksize=65536),
        "rate": lambda: RateControlledFileReader(src, rate=10**10, chunksize=65536),
    }
    system = Linked(readers[reader_kind](), SimpleFileWriter(dst))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    system.run()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stdout.write(f"rss {before} {after}\n")


def main(argv: list[str]) -> int:
    mode, args = argv[0], argv[1:]
    if mode == "linked":
        reader = ConsoleReader(show_prompt=True) if "--prompt" in args else ConsoleReader()
        Linked(reader, ConsoleEchoer()).run()
    elif mode == "pipeline":
        from Kamaelia.Chassis.Pipeline import Pipeline

        Pipeline(ConsoleReader(), ConsoleEchoer()).run()
    elif mode == "echo":
        from Kamaelia.Util._console_plugin import run_echo

        return run_echo(args)
    elif mode == "stop-after-first":
        Linked(ConsoleReader(), ConsoleEchoer(forwarder=True), stop_after_first=True).run()
    elif mode == "copy":
        copy(*args)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
