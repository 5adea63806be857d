"""SimpleFileWriter: binary and text files, stopping, and clear errors."""

from __future__ import annotations

import pytest
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component

from Kamaelia.File.Writing import SimpleFileWriter


def test_writes_bytes_and_passes_producer_finished_on(tmp_path):
    """Everything in the inbox is written before the producerFinished is passed on."""
    path = tmp_path / "out.bin"
    path.write_bytes(b"old contents that must go")
    done = producerFinished()
    out = run_component(
        SimpleFileWriter(path), inputs={"inbox": [b"ab", b"", b"cd"], "control": [done]}
    )
    assert path.read_bytes() == b"abcd"
    assert out["signal"] == [done]


def test_text_mode_and_append(tmp_path):
    """Mode 'w' writes str with the given encoding; mode 'a' appends."""
    path = tmp_path / "out.txt"
    run_component(
        SimpleFileWriter(path, mode="w", encoding="utf-8"),
        inputs={"inbox": ["h\u00e9\n"], "control": [shutdownMicroprocess()]},
    )
    run_component(
        SimpleFileWriter(path, mode="a"), inputs={"inbox": ["x"], "control": [producerFinished()]}
    )
    assert path.read_bytes() == "h\u00e9\nx".encode()


def test_wrong_type_names_what_was_expected(tmp_path):
    """A str sent to a binary writer fails with a TypeError saying bytes were expected."""
    path = tmp_path / "o"
    with pytest.raises(TypeError, match="writes bytes, got str"):
        run_component(SimpleFileWriter(path), inputs={"inbox": ["text"]})


def test_unwritable_path_names_component_and_path(tmp_path):
    """A path in a missing folder fails with an OSError naming the writer and the path."""
    path = tmp_path / "no" / "such" / "dir" / "f"
    with pytest.raises(FileNotFoundError) as info:
        run_component(SimpleFileWriter(path), inputs={"control": [producerFinished()]})
    assert "SimpleFileWriter" in str(info.value)
    assert str(path) in str(info.value)


def test_read_only_mode_is_rejected():
    """A mode that cannot write is refused when the writer is built."""
    with pytest.raises(ValueError, match="mode must open the file for writing"):
        SimpleFileWriter("f", mode="rb")
