"""The reusable readers: one file after another, each named by a message, without the chassis."""

from __future__ import annotations

import pytest
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component, run_system

from Kamaelia.File.Reading import (
    FixedRateControlledReusableFileReader,
    RateControlledReusableFileReader,
    ReusableFileReader,
)


@pytest.fixture
def files(tmp_path):
    paths = []
    for n in (1, 2):
        path = tmp_path / f"f{n}.txt"
        path.write_bytes(b"f%d-a\nf%d-b\n" % (n, n))
        paths.append(str(path))
    return paths


def test_reusable_file_reader_reads_as_prompted(files):
    """A filename on next starts a prompted reader: each number on inbox reads that many lines."""
    stop = producerFinished()
    out = run_component(
        ReusableFileReader("lines"), {"next": [files[0]], "inbox": [1, 1], "control": [stop]}
    )
    assert out["outbox"] == [b"f1-a\n", b"f1-b\n"]
    assert out["signal"] == [stop]


def test_fixed_rate_reader_reads_each_file_named_on_inbox(files):
    """Filenames on inbox are read one after another; each end of file sends "NEXT" on requestNext."""
    reader = FixedRateControlledReusableFileReader("lines", rate=1000, chunksize=1)

    class Driver(component):
        """Sends the first file, a second on the first "NEXT", then producerFinished."""

        Inboxes = {"inbox": "requestNext", "control": ""}

        def main(self):
            self.send(files[0], "outbox")
            names = iter(files[1:])
            while True:
                while self.dataReady("inbox"):
                    assert self.recv("inbox") == "NEXT"
                    name = next(names, None)
                    if name is None:
                        self.send(producerFinished(self), "signal")
                        return
                    self.send(name, "outbox")
                self.pause()
                yield 1

    driver = Driver()
    driver.link((driver, "outbox"), (reader, "inbox"))
    driver.link((driver, "signal"), (reader, "control"))
    driver.link((reader, "requestNext"), (driver, "inbox"))
    out = []

    class Sink(component):
        def main(self):
            while not self.dataReady("control"):
                while self.dataReady("inbox"):
                    out.append(self.recv("inbox"))
                self.pause()
                yield 1

    sink = Sink()
    sink.link((reader, "outbox"), (sink, "inbox"))
    sink.link((reader, "signal"), (sink, "control"))
    run_system(driver, reader, sink)
    assert out == [b"f1-a\n", b"f1-b\n", b"f2-a\n", b"f2-b\n"]


def test_a_new_request_replaces_the_file_being_read(files):
    """Two names queued at once: the first is stopped, the second read (as 1.x's Carousel did)."""
    out = run_component(
        FixedRateControlledReusableFileReader("lines", rate=1000, chunksize=1),
        {"inbox": files, "control": [producerFinished()]},
    )
    assert out["outbox"] == [b"f2-a\n", b"f2-b\n"]


def test_rate_controlled_reusable_reader_takes_filename_and_rate(files):
    """(filename, rateargs) on next reads that file at that rate; producerFinished lets it finish."""
    out = run_component(
        RateControlledReusableFileReader("bytes"),
        {"next": [(files[0], {"rate": 1000, "chunksize": 5})], "control": [producerFinished()]},
    )
    assert b"".join(out["outbox"]) == b"f1-a\nf1-b\n"
    assert [len(c) for c in out["outbox"]] == [5, 5]


@pytest.mark.parametrize(
    "make",
    [
        lambda: ReusableFileReader("lines"),
        lambda: RateControlledReusableFileReader("bytes"),
        lambda: FixedRateControlledReusableFileReader("bytes", rate=10),
    ],
)
def test_shutdown_microprocess_stops_the_file_being_read(files, make):
    """shutdownMicroprocess stops the current reader at once and is passed on."""
    stop = shutdownMicroprocess()
    arg = (
        (files[0], {"rate": 1})
        if isinstance(make(), RateControlledReusableFileReader)
        else files[0]
    )
    out = run_component(make(), {"next": [arg], "control": [stop]})
    assert out["signal"] == [stop]


def test_bad_arguments_are_refused(files):
    """A bad readmode or rate is refused at construction; a bad next message names it."""
    with pytest.raises(ValueError, match="readmode must be one of 'bytes', 'lines', got 'line'"):
        ReusableFileReader("line")
    with pytest.raises(ValueError, match="rate must be positive, got 0"):
        FixedRateControlledReusableFileReader("bytes", rate=0)
    with pytest.raises(TypeError, match=r"next takes \(filename, \{rate arguments\}\)"):
        run_component(RateControlledReusableFileReader("bytes"), {"next": [files[0]]})
