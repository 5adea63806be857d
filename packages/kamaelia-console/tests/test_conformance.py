"""Every component follows the Kamaelia conventions (Axon.testing conformance check)."""

from __future__ import annotations

import os

import pytest
from Axon.testing import check_component_conformance

from Kamaelia.File.Reading import (
    MaxSpeedFileReader,
    PromptedFileReader,
    RateControlledFileReader,
    SimpleReader,
)
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
    ],
    ids=["SimpleReader", "MaxSpeedFileReader", "PromptedFileReader", "RateControlled", "Writer"],
)
def test_file_components_conform(big_file, make):
    """The file components stop on producerFinished and shutdownMicroprocess."""
    check_component_conformance(lambda: make(big_file))
