"""Chooser and ForwardIteratingChooser: commands, wrapping and shutdown."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.Chooser import Chooser, ForwardIteratingChooser

FRUIT = ["apple", "banana", "cherry"]


def choose(commands, loop=False, items=FRUIT):
    out = drive(Chooser(items, loop=loop), inbox=commands, control=[shutdownMicroprocess()])
    return out.data


def test_sends_the_first_item_at_start():
    """The first item is sent as soon as the Chooser runs."""
    assert choose([]) == ["apple"]


def test_next_prev_first_last_same():
    """NEXT/PREV step, FIRST/LAST jump, SAME repeats; each sends the current item."""
    assert choose(["NEXT", "NEXT", "PREV", "LAST", "FIRST", "SAME"]) == [
        "apple",
        "banana",
        "cherry",
        "banana",
        "cherry",
        "apple",
        "apple",
    ]


def test_without_loop_the_ends_do_not_wrap():
    """NEXT at the end and PREV at the start send nothing (1.x re-sent the first item on PREV)."""
    assert choose(["LAST", "NEXT", "FIRST", "PREV", "NEXT"]) == [
        "apple",
        "cherry",
        "apple",
        "banana",
    ]


def test_loop_wraps_both_ways():
    """With loop=True, NEXT after the last gives the first and PREV before the first gives the last."""
    assert choose(["LAST", "NEXT", "PREV", "PREV"], loop=True) == [
        "apple",
        "cherry",
        "apple",
        "cherry",
        "banana",
    ]


def test_goto_jumps_to_an_index():
    """("GOTO", n) jumps to items[n] (negative from the end); out of range is ignored."""
    assert choose([("GOTO", 2), ("GOTO", -3), ("GOTO", 7), "NEXT"]) == [
        "apple",
        "cherry",
        "apple",
        "banana",
    ]


def test_empty_chooser_sends_nothing():
    """With no items nothing is ever sent."""
    assert choose(["NEXT", "PREV", "LAST", "SAME"], items=[]) == []


def test_producer_finished_stops_it_after_pending_commands():
    """producerFinished ends the Chooser (1.x ignored it) after the commands already received."""
    pf = producerFinished()
    out = drive(Chooser(FRUIT), inbox=["NEXT"], control=[pf])
    assert out.data == ["apple", "banana"]
    assert out.signals == [pf]


def test_helper_methods_keep_1x_semantics():
    """getCurrentChoice/gotoNext/gotoPrev behave as the 1.x unit tests expect."""
    c = Chooser(FRUIT)
    assert c.getCurrentChoice() == "apple"
    assert c.gotoNext()
    assert c.gotoNext()
    assert not c.gotoNext()
    assert c.getCurrentChoice() == "cherry"
    with pytest.raises(IndexError):
        Chooser([]).getCurrentChoice()


def test_forward_iterating_chooser_steps_through_any_iterable():
    """ForwardIteratingChooser sends the first item, one per NEXT, and producerFinished when exhausted."""
    comp = ForwardIteratingChooser(iter(range(3)))
    out = drive(comp, inbox=["NEXT", "SAME", "NEXT", "NEXT", "NEXT"])
    assert out.data == [0, 1, 1, 2]
    assert isinstance(out.signals[0], producerFinished)
    assert out.signals[0].caller is comp


def test_forward_iterating_chooser_stops_on_shutdown():
    """A shutdownMicroprocess stops it and is passed on."""
    stop = shutdownMicroprocess()
    out = drive(ForwardIteratingChooser(["a", "b"]), control=[stop])
    assert out.data == ["a"]
    assert out.signals == [stop]
