"""ChunkNamer: each message becomes [numbered file name, message]."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.ChunkNamer import ChunkNamer


def test_names_chunks_with_basepath_number_and_suffix():
    """Names count from 1 and carry the prefix and suffix; the message is kept as sent."""
    out = drive(ChunkNamer("out/test", ".txt"), inbox=["A", b"B"], control=[producerFinished()])
    assert out.data == [["out/testchunk1.txt", "A"], ["out/testchunk2.txt", b"B"]]


def test_defaults_give_bare_chunk_names():
    """Without arguments the names are chunk1, chunk2, ..."""
    out = drive(ChunkNamer(), inbox=["x", "y"], control=[producerFinished()])
    assert [name for name, _ in out.data] == ["chunk1", "chunk2"]


def test_shutdown_messages_are_passed_on():
    """producerFinished and shutdownMicroprocess end it and come out of signal unchanged."""
    for stop in (producerFinished(), shutdownMicroprocess()):
        comp = ChunkNamer()
        out = drive(comp, control=[stop])
        assert out.signals == [stop]
        assert comp._isStopped()


def test_non_string_arguments_are_refused():
    """A basepath or suffix that is not text is refused naming the argument and the value."""
    with pytest.raises(TypeError, match="ChunkNamer: suffix must be a string, got 3"):
        ChunkNamer("a", 3)
