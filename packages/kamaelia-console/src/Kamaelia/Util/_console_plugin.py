"""kamaelia-console's plugin: the components it offers and the ``echo`` example.

Registered through the entry point ``[project.entry-points.kamaelia]
console = "Kamaelia.Util._console_plugin"``, exactly as a third-party package
would register.
"""

from __future__ import annotations

import sys
from collections.abc import Generator

from Axon.Component import component
from Axon.Ipc import newComponent, shutdownMicroprocess
from Axon.plugins import ComponentSpec, ExampleSpec, hookimpl

from Kamaelia.Experimental.PythonInterpreter import InterpreterTransformer, StandaloneInterpreter
from Kamaelia.File.Append import Append
from Kamaelia.File.BetterReading import IntelligentFileReader
from Kamaelia.File.ReadFileAdaptor import ReadFileAdaptor
from Kamaelia.File.Reading import (
    FixedRateControlledReusableFileReader,
    MaxSpeedFileReader,
    PromptedFileReader,
    RateControlledFileReader,
    RateControlledReusableFileReader,
    ReusableFileReader,
    SimpleReader,
)
from Kamaelia.File.TriggeredFileReader import TriggeredFileReader
from Kamaelia.File.UnixProcess import UnixProcess
from Kamaelia.File.WholeFileWriter import WholeFileWriter
from Kamaelia.File.Writing import SimpleFileWriter
from Kamaelia.Util.Console import ConsoleEchoer, ConsoleReader

__all__ = ["kamaelia_components", "kamaelia_examples", "EchoSystem", "run_echo"]

COMPONENTS = (
    ConsoleReader,
    ConsoleEchoer,
    SimpleReader,
    MaxSpeedFileReader,
    PromptedFileReader,
    RateControlledFileReader,
    SimpleFileWriter,
    # 1.x ports
    Append,
    FixedRateControlledReusableFileReader,
    IntelligentFileReader,
    RateControlledReusableFileReader,
    ReadFileAdaptor,
    ReusableFileReader,
    TriggeredFileReader,
    UnixProcess,
    WholeFileWriter,
    InterpreterTransformer,
    StandaloneInterpreter,
)


@hookimpl
def kamaelia_components() -> list[ComponentSpec]:
    """The console and file components."""
    return [ComponentSpec.from_class(cls) for cls in COMPONENTS]


@hookimpl
def kamaelia_examples() -> list[ExampleSpec]:
    """The front-page example: lines typed are echoed back."""
    return [
        ExampleSpec(
            name="echo",
            summary="Type lines; they are echoed back (Pipeline(ConsoleReader(), ConsoleEchoer())).",
            run=run_echo,
        )
    ]


class EchoSystem(component):
    """ConsoleReader wired into ConsoleEchoer: the front-page system, without the chassis.

    It behaves like ``Pipeline(ConsoleReader(), ConsoleEchoer())`` and also
    stops the reader when the echoer stops early (standard output closed), so
    the system ends even if input never does.
    """

    Inboxes = {"inbox": "NOT USED", "control": "NOT USED"}
    Outboxes = {
        "outbox": "NOT USED",
        "signal": "NOT USED",
        "_stop_reader": "shutdownMicroprocess to the reader when the echoer ends first",
    }

    def __init__(self, reader: ConsoleReader | None = None, echoer: ConsoleEchoer | None = None):
        super().__init__()
        self.reader = reader if reader is not None else ConsoleReader()
        self.echoer = echoer if echoer is not None else ConsoleEchoer()

    def main(self) -> Generator[object, None, None]:
        """Start both children; finish when both have finished."""
        reader, echoer = self.reader, self.echoer
        self.link((reader, "outbox"), (echoer, "inbox"))
        self.link((reader, "signal"), (echoer, "control"))
        self.link((self, "_stop_reader"), (reader, "control"))
        self.addChildren(reader, echoer)
        yield newComponent(reader, echoer)
        while not echoer._isStopped():
            self.pause()  # a finishing child wakes its parent
            yield 1
        if not reader._isStopped():
            self.send(shutdownMicroprocess(self), "_stop_reader")
        while not reader._isStopped():
            self.pause()
            yield 1


def run_echo(argv: list[str]) -> int:
    """Run the echo example until end of input; returns the exit status."""
    if argv:
        sys.stderr.write(f"echo: takes no arguments, got {' '.join(argv)}\n")
        return 2
    EchoSystem().run()
    return 0
