"""Every component follows the Kamaelia conventions (Axon.testing conformance check)."""

from __future__ import annotations

import os

import pytest
from Axon.testing import check_component_conformance

from Kamaelia.Experimental.PythonInterpreter import InterpreterTransformer
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


@pytest.fixture
def silent_stdin(monkeypatch):
    """sys.stdin is an open pipe that never delivers anything."""
    read_fd, write_fd = os.pipe()
    stream = open(read_fd, encoding="utf-8")  # noqa: SIM115 - closed below
    monkeypatch.setattr("sys.stdin", stream)
    yield
    os.close(write_fd)
    stream.close()


@pytest.fixture
def big_file(tmp_path):
    """A file long enough that no reader reaches its end before the control message."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"line\n" * 200_000)
    return path


def test_console_components_conform(silent_stdin):
    """ConsoleReader and ConsoleEchoer stop on producerFinished and shutdownMicroprocess."""
    check_component_conformance(ConsoleReader)
    check_component_conformance(ConsoleEchoer)


@pytest.mark.parametrize(
    "make",
    [
        lambda p: SimpleReader(p),
        lambda p: MaxSpeedFileReader(p, chunksize=1),
        lambda p: PromptedFileReader(p),
        lambda p: RateControlledFileReader(p, rate=10),
        lambda p: SimpleFileWriter(p.with_suffix(".out")),
        lambda p: ReadFileAdaptor(p, readmode="line", steptime=0.01),
        lambda p: ReadFileAdaptor(command=["cat", str(p)]),
        lambda p: Append(filename=p.with_suffix(".log")),
        lambda p: IntelligentFileReader(p, chunksize=1),
        lambda p: TriggeredFileReader(),
        lambda p: WholeFileWriter(),
        lambda p: UnixProcess(["cat"]),
        lambda p: ReusableFileReader("lines"),
        lambda p: RateControlledReusableFileReader("bytes"),
        lambda p: FixedRateControlledReusableFileReader("bytes", rate=10),
        lambda p: InterpreterTransformer(),
    ],
    ids=[
        "SimpleReader",
        "MaxSpeedFileReader",
        "PromptedFileReader",
        "RateControlled",
        "Writer",
        "ReadFileAdaptor",
        "ReadFileAdaptor-command",
        "Append",
        "IntelligentFileReader",
        "TriggeredFileReader",
        "WholeFileWriter",
        "UnixProcess",
        "ReusableFileReader",
        "RateControlledReusableFileReader",
        "FixedRateControlledReusableFileReader",
        "InterpreterTransformer",
    ],
)
def test_file_components_conform(big_file, make):
    """The file components stop on producerFinished and shutdownMicroprocess."""
    check_component_conformance(lambda: make(big_file))
