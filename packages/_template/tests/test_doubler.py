"""Doubler doubles numbers, keeps order and hands shutdown messages on."""

from decimal import Decimal
from fractions import Fraction

import pytest
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import check_component_conformance, run_component

from kamaelia_plugin_template import Doubler


def test_doubles_each_number_in_order() -> None:
    """Every number on inbox leaves on outbox times two, in arrival order."""
    numbers = [3, -1, 0.5, 2j, Fraction(1, 3), Decimal("1.5")]
    out = run_component(Doubler(), inputs={"inbox": numbers, "control": [producerFinished()]})
    assert out["outbox"] == [6, -2, 1.0, 4j, Fraction(2, 3), Decimal("3.0")]


@pytest.mark.parametrize("message", [producerFinished(), shutdownMicroprocess()])
def test_passes_shutdown_on_and_finishes(message: object) -> None:
    """The shutdown message on control is sent on signal, after the pending numbers."""
    out = run_component(Doubler(), inputs={"inbox": [1, 2], "control": [message]})
    assert out["outbox"] == [2, 4]
    assert out["signal"] == [message]


def test_ignores_other_control_messages() -> None:
    """A control message that is not a shutdown does not stop the component."""
    out = run_component(
        Doubler(), inputs={"inbox": [5], "control": ["not a shutdown", producerFinished()]}
    )
    assert out["outbox"] == [10]
    assert len(out["signal"]) == 1


@pytest.mark.parametrize("bad", ["7", True, None])
def test_rejects_non_numbers_naming_box_and_value(bad: object) -> None:
    """A non-number stops the run with a TypeError naming the component, the box and the value."""
    with pytest.raises(TypeError, match="Doubler") as caught:
        run_component(Doubler(), inputs={"inbox": [bad], "control": [producerFinished()]})
    cause = caught.value
    assert "inbox 'inbox'" in str(cause)
    assert repr(bad) in str(cause)


def test_conforms_to_the_component_contract() -> None:
    """Axon's conformance check passes: boxes declared, shutdown handled and passed on."""
    check_component_conformance(Doubler)
