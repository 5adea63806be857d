"""SimpleFileWriter: binary and text files, stopping, and clear errors."""

from __future__ import annotations

import pytest
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.File.Reading import SimpleReader
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


def test_wrong_type_suggests_the_matching_modes(tmp_path):
    """The first file pipeline (text reader, binary writer) fails saying how to fix it."""
    source = tmp_path / "in.txt"
    source.write_text("hello\n", encoding="utf-8")
    target = tmp_path / "out.txt"
    system = Pipeline(SimpleReader(source), SimpleFileWriter(target))
    with pytest.raises(TypeError) as info:
        run_component(system)
    message = str(info.value)
    assert "SimpleFileWriter(filename, mode='w')" in message
    assert "SimpleReader(filename, mode='rb')" in message


def test_a_missing_input_file_leaves_the_output_alone(tmp_path):
    """The writer opens (and truncates) its file only once there is something to write."""
    target = tmp_path / "out.bin"
    target.write_bytes(b"precious")
    system = Pipeline(SimpleReader(tmp_path / "missing", mode="rb"), SimpleFileWriter(target))
    with pytest.raises(FileNotFoundError, match="SimpleReader"):
        run_component(system)
    assert target.read_bytes() == b"precious"


def test_nothing_to_write_still_leaves_an_empty_file(tmp_path):
    """As in 1.x, a writer stopped before any data truncates (or creates) its file."""
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    run_component(SimpleFileWriter(target), inputs={"control": [producerFinished()]})
    assert target.read_bytes() == b""
