"""Tokenisation.Simple: token lists <-> lines."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.Tokenisation.Simple import (
    EscapedListMarshalling,
    lines_to_tokenlists,
    tokenlists_to_lines,
)


def test_round_trip_with_nesting_and_escapes():
    """Nested lists and tokens holding spaces, brackets, newlines and % survive a round trip."""
    value = ["move", "12 %", ["a b", "[x]"], "line\nbreak"]
    line = EscapedListMarshalling.marshall(value)
    assert line.endswith("\n")
    assert "\n" not in line[:-1]
    assert EscapedListMarshalling.demarshall(line) == value


def test_matches_the_1x_wire_format():
    """Escapes use 1.x's form, so lines from 1.x peers decode."""
    assert EscapedListMarshalling.marshall(["a b", ["c"]]) == "a%20b [ c ] \n"
    assert EscapedListMarshalling.demarshall("x%a%5by%5d %39 \n") == ["x\n[y]", "9"]


def test_unbalanced_brackets_are_reported():
    """A line with unbalanced brackets raises ValueError naming the problem."""
    with pytest.raises(ValueError, match="unclosed"):
        EscapedListMarshalling.demarshall("[ a \n")
    with pytest.raises(ValueError, match="unbalanced"):
        EscapedListMarshalling.demarshall("a ] \n")


def test_prefab_components():
    """tokenlists_to_lines and lines_to_tokenlists are ready-made components."""
    lines = drive(tokenlists_to_lines(), inbox=[["a", "b"]], control=[producerFinished()]).data
    assert lines == ["a b \n"]
    assert drive(lines_to_tokenlists(), inbox=lines, control=[producerFinished()]).data == [
        ["a", "b"]
    ]
