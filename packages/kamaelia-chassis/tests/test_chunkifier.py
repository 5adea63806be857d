"""Chunkifier and its CharacterFIFO."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.Chunkifier import CharacterFIFO, Chunkifier


def test_rechunks_to_fixed_sizes_and_flushes_on_producer_finished():
    """Input pieces come out in chunks of chunksize; the remainder follows producerFinished."""
    out = drive(Chunkifier(4), inbox=["ab", "cdefg", "hij"], control=[producerFinished()])
    assert out.data == ["abcd", "efgh", "ij"]
    assert isinstance(out.signals[0], producerFinished)


def test_works_with_bytes_and_nodelay():
    """Bytes are chunked too; nodelay sends what is left at once."""
    out = drive(Chunkifier(3, nodelay=True), inbox=[b"abcd"], control=[producerFinished()])
    assert out.data == [b"abc", b"d"]


def test_shutdown_microprocess_drops_the_remainder():
    """shutdownMicroprocess stops it without sending a partial chunk."""
    stop = shutdownMicroprocess()
    out = drive(Chunkifier(4), inbox=["ab"], control=[stop])
    assert out.data == []
    assert out.signals == [stop]


def test_fifo_pops_across_pieces():
    """CharacterFIFO returns exactly the requested length across piece boundaries."""
    fifo = CharacterFIFO()
    for piece in ("abc", "", "defgh"):
        fifo.push(piece)
    assert len(fifo) == 8
    assert fifo.poplength(2) == "ab"
    assert fifo.poplength(4) == "cdef"
    assert len(fifo) == 2
    with pytest.raises(IndexError, match="holds 2 characters, asked for 3"):
        fifo.poplength(3)
