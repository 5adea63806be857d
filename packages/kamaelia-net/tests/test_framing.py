"""Framing components: 1.x frames and chunks, lines and length prefixes with limits."""

from __future__ import annotations

import struct

import pytest
from _net_harness import run_component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Protocol.Framing import (
    CorruptFrame,
    DataChunker,
    DataDeChunker,
    DeFramer,
    Framer,
    LengthPrefixDeFramer,
    LengthPrefixFramer,
    LineDeFramer,
    LineFramer,
    ShortFrame,
    SimpleFrame,
)


def test_simple_frame_format_and_parse() -> None:
    """SimpleFrame renders "<tag> <len>\\n<data>" and parses it back, for str and bytes."""
    assert str(SimpleFrame(7, "hello")) == "7 5\nhello"
    assert SimpleFrame.fromString("7 5\nhello") == (7, "hello")
    assert SimpleFrame(1, b"\x00\n").toBytes() == b"1 2\n\x00\n"
    assert SimpleFrame.fromString(b"1 2\n\x00\nextra") == (1, b"\x00\n")


def test_simple_frame_errors() -> None:
    """Short frames raise ShortFrame; unparseable headers raise CorruptFrame."""
    with pytest.raises(ShortFrame):
        SimpleFrame.fromString("3 10\nabc")
    with pytest.raises(CorruptFrame, match="bad frame header"):
        SimpleFrame.fromString("x y\nabc")


def test_framer_and_deframer_round_trip_and_drop_short_frames() -> None:
    """Framer output parses back with DeFramer; a short frame is dropped, not passed on."""
    out, sig = run_component(Framer(), [(1, b"one"), (2, b"two")], [producerFinished()])
    assert out == [b"1 3\none", b"2 3\ntwo"]
    assert isinstance(sig[0], producerFinished)
    out, _ = run_component(DeFramer(), [*out, b"3 99\nshort"], [producerFinished()])
    assert out == [(1, b"one"), (2, b"two")]


def test_chunker_and_dechunker_round_trip_with_markers_inside_data() -> None:
    """Chunks whose data contains the sync marker survive the round trip."""
    marker = b"XXXX"
    messages = [b"plain", b"has XXXX inside", b"100% sure"]
    chunks, _ = run_component(DataChunker(syncmessage=marker), messages, [producerFinished()])
    stream = b"".join(chunks)
    pieces = [stream[i : i + 5] for i in range(0, len(stream), 5)]
    dechunker = DataDeChunker(syncmessage=marker)
    dechunker.inboxes["flush"].append("now")
    out, _ = run_component(dechunker, pieces, [producerFinished()])
    assert out == messages


def test_line_framing_round_trip() -> None:
    """LineFramer terminates lines; LineDeFramer splits a stream back, whatever the chunking."""
    framed, _ = run_component(LineFramer(), [b"a", b"bb", b""], [producerFinished()])
    assert framed == [b"a\n", b"bb\n", b"\n"]
    stream = b"".join(framed) + b"tail"
    out, _ = run_component(LineDeFramer(), [stream[:2], stream[2:]], [producerFinished()])
    assert out == [b"a", b"bb", b"", b"tail"]


def test_line_longer_than_the_maximum_stops_after_what_came_before() -> None:
    """A line over maxLineLength stops the deframer: the lines before it go out, then
    producerFinished (so the replies to them are still written before the close)."""
    deframer = LineDeFramer(maxLineLength=10)
    out, sig = run_component(deframer, [b"short\n" + b"x" * 11], [])
    assert out == [b"short"]
    assert isinstance(sig[0], producerFinished)
    assert "line longer than 10 bytes" in str(deframer.error)


def test_length_prefix_round_trip_in_odd_pieces() -> None:
    """Length-prefixed frames split at arbitrary points come back whole."""
    framed, _ = run_component(
        LengthPrefixFramer(), [b"", b"abc", b"x" * 1000], [producerFinished()]
    )
    stream = b"".join(framed)
    pieces = [stream[i : i + 3] for i in range(0, len(stream), 3)]
    out, _ = run_component(LengthPrefixDeFramer(), pieces, [producerFinished()])
    assert out == [b"", b"abc", b"x" * 1000]


def test_length_prefix_over_the_maximum_is_rejected_before_buffering() -> None:
    """A header announcing more than maxFrameSize stops the deframer at once."""
    deframer = LengthPrefixDeFramer(maxFrameSize=100)
    out, sig = run_component(deframer, [struct.pack(">I", 2) + b"ok" + struct.pack(">I", 101)], [])
    assert out == [b"ok"]
    assert isinstance(sig[0], producerFinished)
    assert "frame of 101 bytes announced; the maximum is 100" in str(deframer.error)


def test_shutdown_microprocess_is_passed_on_at_once() -> None:
    """shutdownMicroprocess on control is passed on out of signal."""
    stop = shutdownMicroprocess()
    _, sig = run_component(LineFramer(), [], [stop])
    assert sig == [stop]


def test_a_negative_or_missing_frame_length_is_corrupt() -> None:
    """A header must be "<tag> <length>\\n" with a length >= 0; anything else is CorruptFrame."""
    with pytest.raises(CorruptFrame, match="bad frame header"):
        SimpleFrame.fromString(b"1 -3\nabcdef")
    with pytest.raises(CorruptFrame, match="no header line"):
        SimpleFrame.fromString(b"1 23")
    with pytest.raises(CorruptFrame, match="bad frame header"):
        SimpleFrame.fromString("1 2 3\nabc")


def test_chunks_round_trip_with_a_non_ascii_bytes_marker() -> None:
    """A bytes marker may hold any byte values, not only ASCII ones."""
    marker = bytes([0xFF, 0x00, 0xFE, 0x80])
    messages = [b"plain", marker + b" inside", bytes(range(256))]
    chunks, _ = run_component(DataChunker(syncmessage=marker), messages, [producerFinished()])
    dechunker = DataDeChunker(syncmessage=marker)
    dechunker.deliver("now", "flush")
    out, _ = run_component(dechunker, [b"".join(chunks)], [producerFinished()])
    assert out == messages


def test_dechunker_finds_markers_split_across_pieces() -> None:
    """A marker cut anywhere between two pieces is still found; chunks come out whole."""
    marker = b"XXXX"
    messages = [b"a" * 10, b"b" * 3, b"c"]
    chunks, _ = run_component(DataChunker(syncmessage=marker), messages, [producerFinished()])
    stream = b"".join(chunks)
    for size in (1, 2, 3, 5, 7):
        dechunker = DataDeChunker(syncmessage=marker)
        dechunker.deliver("now", "flush")
        pieces = [stream[i : i + size] for i in range(0, len(stream), size)]
        out, _ = run_component(dechunker, pieces, [producerFinished()])
        assert out == messages, size


def test_dechunker_stops_at_its_maximum_after_the_chunks_before() -> None:
    """More than maxChunkSize bytes without a marker stops it; earlier chunks still go out."""
    marker = b"XXXX"
    dechunker = DataDeChunker(syncmessage=marker, maxChunkSize=1000)
    stream = marker + b"first" + marker + b"y" * 600
    out, sig = run_component(dechunker, [stream, b"y" * 600], [])
    assert out == [b"first"]
    assert isinstance(sig[0], producerFinished)
    assert "more than 1000 bytes without a sync marker" in str(dechunker.error)
