"""RateChunker: data re-cut into whole-quantum chunks at the asked chunk rate, without drift."""

import pytest
from _chassis_testkit import crash, drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.RateChunker import RateChunker


def test_chunks_hold_whole_quanta_and_carry_the_rounding():
    """10 units/s at 3 chunks/s in quanta of 1: sizes 3, 3, 4 repeat, so 3 chunks hold 10 units."""
    out = drive(
        RateChunker(datarate=10, quantasize=1, chunkrate=3),
        inbox=[b"abcdefghij", b"klmnopqrst"],
        control=[shutdownMicroprocess()],
    )
    assert [len(c) for c in out.data] == [3, 3, 4, 3, 3, 4]
    assert b"".join(out.data) == b"abcdefghijklmnopqrst"


def test_quanta_are_never_split():
    """48 kHz 4-byte samples at 25 chunks/s: every chunk is 7680 bytes, a whole number of samples."""
    data = bytes(range(256)) * 120  # 30720 bytes = 4 chunks
    out = drive(
        RateChunker(datarate=48000 * 4, quantasize=4, chunkrate=25),
        inbox=[data[:1000], data[1000:]],
        control=[shutdownMicroprocess()],
    )
    assert [len(c) for c in out.data] == [7680] * 4
    assert b"".join(out.data) == data


def test_text_is_chunked_too():
    """str data is cut like bytes."""
    out = drive(RateChunker(4, 2, 1), inbox=["abcdefgh"], control=[shutdownMicroprocess()])
    assert out.data == ["abcd", "efgh"]


def test_producer_finished_sends_the_rest_then_stops():
    """After producerFinished the short remainder goes out as a last chunk (1.x dropped it)."""
    pf = producerFinished()
    out = drive(RateChunker(4, 1, 1), inbox=[b"abcdef"], control=[pf])
    assert out.data == [b"abcd", b"ef"]
    assert out.signals == [pf]


def test_shutdown_microprocess_drops_the_rest():
    """shutdownMicroprocess stops at once: no short chunk is sent."""
    stop = shutdownMicroprocess()
    out = drive(RateChunker(4, 1, 1), inbox=[b"abcdef"], control=[stop])
    assert out.data == [b"abcd"]
    assert out.signals == [stop]


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((0, 1, 1), "datarate must be a number > 0, got 0"),
        ((10, 0, 1), "quantasize must be a whole number > 0, got 0"),
        ((10, 1.5, 1), "quantasize must be a whole number > 0, got 1.5"),
        ((10, 1, -2), "chunkrate must be a number > 0, got -2"),
        ((10, 4, 5), r"a chunk \(10 / 5\) must hold at least one quantum \(4\)"),
    ],
)
def test_bad_rates_are_refused(args, match):
    """Rates and quanta that cannot work are refused naming the argument and its value."""
    with pytest.raises(ValueError, match=match):
        RateChunker(*args)


def test_data_that_cannot_be_sliced_fails_loudly():
    """A message that is not bytes or str ends the run with a TypeError naming the value."""
    with crash(TypeError, r"inbox takes bytes or str, got 42"):
        drive(RateChunker(4, 1, 1), inbox=[42], control=[producerFinished()])


def test_mixing_bytes_and_text_fails_loudly():
    """str after bytes is an error naming both types."""
    with crash(TypeError, "inbox got str after bytes"):
        drive(RateChunker(4, 1, 1), inbox=[b"ab", "cd"], control=[producerFinished()])
