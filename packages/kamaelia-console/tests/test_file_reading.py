"""File readers: modes, chunking, errors, control and backpressure."""

from __future__ import annotations

import time

import pytest
from _systems import SlowSink, Wire
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component, run_system

from Kamaelia.File.MaxSpeedFileReader import MaxSpeedFileReader as LegacyPathReader
from Kamaelia.File.Reading import (
    MaxSpeedFileReader,
    PromptedFileReader,
    RateControlledFileReader,
    SimpleReader,
)


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("alpha\nbeta\n\ngamma", encoding="utf-8")
    return path


def finished(out):
    return len(out["signal"]) == 1 and isinstance(out["signal"][0], producerFinished)


def test_simple_reader_sends_lines(text_file):
    """SimpleReader in text mode sends each line, ending included, then producerFinished."""
    out = run_component(SimpleReader(str(text_file)))
    assert out["outbox"] == ["alpha\n", "beta\n", "\n", "gamma"]
    assert finished(out)


def test_simple_reader_binary_chunks(tmp_path):
    """SimpleReader with mode='rb' and chunksize sends bytes chunks of that size."""
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 4)
    out = run_component(SimpleReader(path, mode="rb", chunksize=300))
    assert [len(c) for c in out["outbox"]] == [300, 300, 300, 124]
    assert b"".join(out["outbox"]) == path.read_bytes()
    assert finished(out)


def test_simple_reader_text_chunks(text_file):
    """SimpleReader with chunksize in text mode sends str chunks of that many characters."""
    out = run_component(SimpleReader(text_file, chunksize=4, encoding="utf-8"))
    assert "".join(out["outbox"]) == text_file.read_text(encoding="utf-8")
    assert all(isinstance(c, str) and len(c) <= 4 for c in out["outbox"])


def test_empty_file_just_finishes(tmp_path):
    """An empty file sends nothing but producerFinished."""
    path = tmp_path / "empty"
    path.write_bytes(b"")
    for reader in (SimpleReader(path), MaxSpeedFileReader(path)):
        out = run_component(reader)
        assert out["outbox"] == []
        assert finished(out)


def test_missing_file_names_component_and_path(tmp_path):
    """A missing file fails with FileNotFoundError naming the reader and the path."""
    path = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError) as info:
        run_component(SimpleReader(path))
    cause = info.value
    assert "SimpleReader" in str(cause)
    assert str(path) in str(cause)


def test_directory_is_a_clear_error(tmp_path):
    """Reading a directory fails with an OSError naming the path."""
    with pytest.raises(IsADirectoryError) as info:
        run_component(MaxSpeedFileReader(tmp_path))
    assert str(tmp_path) in str(info.value)


def test_maxspeed_reader_chunks_and_old_module_path(tmp_path):
    """MaxSpeedFileReader sends bytes chunks; its 1.x module path still works."""
    path = tmp_path / "d"
    path.write_bytes(b"x" * 100_001)
    assert LegacyPathReader is MaxSpeedFileReader
    out = run_component(MaxSpeedFileReader(path, chunksize=32768))
    assert [len(c) for c in out["outbox"]] == [32768, 32768, 32768, 1697]
    assert finished(out)


def test_shutdown_stops_reader_early(tmp_path):
    """shutdownMicroprocess on control stops a reader and is passed out of signal."""
    path = tmp_path / "d"
    path.write_bytes(b"y" * 1_000_000)
    stop = shutdownMicroprocess()
    out = run_component(MaxSpeedFileReader(path, chunksize=10), inputs={"control": [stop]})
    assert out["signal"] == [stop]
    assert len(out["outbox"]) < 100_000


def test_prompted_reader_bytes_and_lines(tmp_path):
    """PromptedFileReader reads as many bytes or lines as each request asks for."""
    path = tmp_path / "p.txt"
    path.write_bytes(b"l1\nl2\nl3\nl4\n")
    out = run_component(PromptedFileReader(path), inputs={"inbox": [4, 2, 100, 1]})
    assert out["outbox"] == [b"l1\nl", b"2\n", b"l3\nl4\n"]
    assert finished(out)
    out = run_component(PromptedFileReader(path, readmode="lines"), inputs={"inbox": [3, 5, 1]})
    assert out["outbox"] == [b"l1\nl2\nl3\n", b"l4\n"]
    assert finished(out)


def test_prompted_reader_rejects_bad_arguments(tmp_path):
    """A bad readmode or a non-number request gives an error naming the choices or the value."""
    with pytest.raises(ValueError, match="readmode must be one of 'bytes', 'lines', got 'words'"):
        PromptedFileReader(tmp_path / "x", readmode="words")
    path = tmp_path / "x"
    path.write_bytes(b"abc")
    with pytest.raises(ValueError, match="got 'lots'"):
        run_component(PromptedFileReader(path), inputs={"inbox": ["lots"]})


def test_rate_controlled_reader_content_and_pace(tmp_path):
    """RateControlledFileReader sends everything, and no faster than the rate."""
    path = tmp_path / "r"
    path.write_bytes(bytes(range(200)))
    start = time.monotonic()
    out = run_component(RateControlledFileReader(path, rate=1000, chunksize=50), timeout=10)
    elapsed = time.monotonic() - start
    assert b"".join(out["outbox"]) == path.read_bytes()
    assert [len(c) for c in out["outbox"]] == [50, 50, 50, 50]
    assert finished(out)
    # 4 chunks at 20 per second: the first is immediate, the last due at 0.15 s.
    assert elapsed >= 0.14


def test_rate_controlled_reader_lines(tmp_path):
    """In lines mode each chunk holds chunksize lines."""
    path = tmp_path / "r.txt"
    path.write_bytes(b"a\nb\nc\nd\ne\n")
    out = run_component(RateControlledFileReader(path, "lines", rate=1000, chunksize=2), timeout=10)
    assert out["outbox"] == [b"a\nb\n", b"c\nd\n", b"e\n"]


def test_rate_arguments_are_checked():
    """chunksize and chunkrate together, or chunks under one unit, are rejected."""
    with pytest.raises(ValueError, match="chunksize or chunkrate, not both"):
        RateControlledFileReader("f", rate=10, chunksize=1, chunkrate=10)
    with pytest.raises(ValueError, match="chunksize must be at least 1"):
        RateControlledFileReader("f", rate=10, chunkrate=100)


@pytest.mark.parametrize(
    "make",
    [
        lambda p: SimpleReader(p, mode="rb", chunksize=7),
        lambda p: MaxSpeedFileReader(p, chunksize=7),
        lambda p: RateControlledFileReader(p, rate=10**9, chunksize=7),
    ],
    ids=["simple", "maxspeed", "rate"],
)
def test_full_inbox_makes_readers_wait_not_drop(tmp_path, make):
    """Into a 1-message inbox, every chunk still arrives, in order."""
    path = tmp_path / "bp"
    data = bytes(range(256)) * 20
    path.write_bytes(data)
    sink = SlowSink()
    run_system(Wire(make(path), sink), timeout=20)
    assert b"".join(sink.got) == data
    assert sink.full_seen > 10  # the reader really did meet a full inbox
