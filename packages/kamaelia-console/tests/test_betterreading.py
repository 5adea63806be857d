"""IntelligentFileReader: reads ahead at most maxqueue uncollected chunks, then sleeps."""

from __future__ import annotations

import pytest
from _systems import SlowSink, Wire
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component, run_system

from Kamaelia.File.BetterReading import IntelligentFileReader


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 8)  # 2048 bytes
    return path


def test_reads_the_whole_file_in_chunks(data_file):
    """With a consumer that keeps up, every chunk is sent, then producerFinished."""
    out = run_component(IntelligentFileReader(data_file, chunksize=1000, maxqueue=100))
    assert [len(c) for c in out["outbox"]] == [1000, 1000, 48]
    assert b"".join(out["outbox"]) == data_file.read_bytes()
    assert [type(m) for m in out["signal"]] == [producerFinished]


def test_stops_reading_ahead_at_maxqueue_until_woken(data_file):
    """With 3 chunks uncollected it sleeps; a message on its inbox (1.x's way) wakes it to read on."""
    reader = IntelligentFileReader(data_file, chunksize=100, maxqueue=3)
    counts = []

    class Lazy(component):
        """Never collects until the reader has slept; then pokes it, collecting everything."""

        def main(self):
            while not reader.scheduler.isThreadPaused(reader):
                yield 1
            counts.append(len(self.inboxes["inbox"]))
            got = []
            while not reader._isStopped() or self.dataReady("inbox"):
                while self.dataReady("inbox"):
                    got.append(self.recv("inbox"))
                self.send("wake up", "outbox")
                yield 1
            counts.append(len(b"".join(got)))

    lazy = Lazy()
    lazy.link((reader, "outbox"), (lazy, "inbox"))
    lazy.link((lazy, "outbox"), (reader, "inbox"))
    run_system(reader, lazy)
    assert counts == [3, 2048]


@pytest.mark.parametrize("stop_class", [producerFinished, shutdownMicroprocess])
def test_control_stops_it(data_file, stop_class):
    """A shutdown message on control stops it and is passed on (1.x ignored control)."""
    stop = stop_class()
    out = run_component(IntelligentFileReader(data_file, 1, 1), {"control": [stop]})
    assert out["signal"] == [stop]


def test_bad_arguments_and_missing_files_are_refused(tmp_path):
    """Sizes below 1 are refused; a missing file names the component and path."""
    with pytest.raises(ValueError, match="maxqueue must be a whole number > 0, got 0"):
        IntelligentFileReader("x", maxqueue=0)
    with pytest.raises(FileNotFoundError, match="IntelligentFileReader: cannot open"):
        run_component(IntelligentFileReader(tmp_path / "nope"))


def test_a_size_limited_consumer_gets_everything_in_order(data_file):
    """Into a 1-message inbox every chunk arrives, in order, the reader waiting for room."""
    sink = SlowSink()
    run_system(Wire(IntelligentFileReader(data_file, chunksize=64, maxqueue=5), sink))
    assert b"".join(sink.got) == data_file.read_bytes()
    assert sink.full_seen > 0


def test_collecting_wakes_it_without_any_poke(data_file):
    """With an unlimited inbox and nothing sent to its inbox, each collection lets it read on."""
    reader = IntelligentFileReader(data_file, chunksize=100, maxqueue=2)
    most_waiting = []

    class Slow(component):
        """Collects one chunk every third turn, noting how many were waiting."""

        def main(self):
            got = []
            while not (reader._isStopped() and not self.dataReady("inbox")):
                for _ in range(3):
                    yield 1
                most_waiting.append(len(self.inboxes["inbox"]))
                if self.dataReady("inbox"):
                    got.append(self.recv("inbox"))
                else:
                    self.pause()
                    yield 1
            self.got = got

    slow = Slow()
    slow.link((reader, "outbox"), (slow, "inbox"))
    run_system(reader, slow)
    assert b"".join(slow.got) == data_file.read_bytes()
    assert max(most_waiting) <= 2
