"""chunks_to_lines and lines_to_tokenlists: from a byte stream to command token lists."""

import pytest
from Axon.Ipc import producerFinished
from Axon.testing import run_component

from Kamaelia.Visualisation.PhysicsGraph.chunks_to_lines import chunks_to_lines
from Kamaelia.Visualisation.PhysicsGraph.lines_to_tokenlists import lines_to_tokenlists


def test_chunks_to_lines_joins_and_splits_str_and_bytes():
    """Lines may span chunks; str and bytes mix; "\\r" is dropped; a partial line waits."""
    out = run_component(
        chunks_to_lines(),
        {"inbox": ["ADD NO", b"DE a\r\nDEL ", "ALL\nhalf"], "control": [producerFinished()]},
    )
    assert out["outbox"] == ["ADD NODE a", "DEL ALL"]
    assert isinstance(out["signal"][0], producerFinished)


def test_chunks_to_lines_decodes_a_character_split_across_chunks():
    """A UTF-8 character cut in two by the chunking comes out whole; bad bytes become U+FFFD."""
    text = "ADD NODE n \u00e9t\u00e9\n".encode()
    cut = text.index(b"\xa9")  # the middle of the first two-byte "\u00e9"
    out = run_component(
        chunks_to_lines(),
        {"inbox": [text[:cut], text[cut:], b"\xff\n"], "control": [producerFinished()]},
    )
    assert out["outbox"] == ["ADD NODE n \u00e9t\u00e9", "\ufffd"]


def test_chunks_to_lines_names_a_chunk_it_cannot_read():
    """Anything but str or bytes is an error naming the component and the value."""
    # Axon may report the crash as the TypeError itself or chained to a ComponentError.
    with pytest.raises(
        Exception, match=r"chunks_to_lines.*'inbox' takes str or bytes.*int: 42"
    ) as info:
        run_component(chunks_to_lines(), {"inbox": [42]})
    assert TypeError in (type(info.value), type(info.value.__cause__))


@pytest.mark.parametrize(
    ("line", "tokens"),
    [
        ("ADD NODE a b randompos -", ["ADD", "NODE", "a", "b", "randompos", "-"]),
        (
            'ADD NODE "1" "my name" auto component',
            ["ADD", "NODE", "1", "my name", "auto", "component"],
        ),
        ("DEL NODE '(5, \\'i\\', \\'inbox\\')'", ["DEL", "NODE", "(5, 'i', 'inbox')"]),
        ('  x   "a \\" b"  ', ["x", 'a " b']),
        ("   ", []),
        ('ADD "unclosed', []),
    ],
)
def test_lines_to_tokenlists_splits_on_space_and_honours_quotes(line, tokens):
    """Whitespace separates tokens; quotes keep spaces; backslash escapes; bad lines give []."""
    assert lines_to_tokenlists().lineToTokens(line) == tokens


def test_lines_to_tokenlists_sends_token_lists_and_skips_blank_lines():
    """Each non-blank line becomes one list on outbox; shutdown is passed on after the data."""
    out = run_component(
        lines_to_tokenlists(),
        {"inbox": ["DEL ALL", "", 'ADD LINK "a" b'], "control": [producerFinished()]},
    )
    assert out["outbox"] == [["DEL", "ALL"], ["ADD", "LINK", "a", "b"]]
    assert isinstance(out["signal"][0], producerFinished)
