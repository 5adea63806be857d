"""TestResult: assertion failures and StopSystem end the run loudly."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.TestResult import StopSystem, StopSystemException, TestResult


def test_true_values_pass_and_shutdown_ends_it():
    """True values are accepted; producerFinished ends it normally."""
    pf = producerFinished()
    assert drive(TestResult(), inbox=[1, "x", [0]], control=[pf]).signals == [pf]


def test_a_false_value_raises_assertion_error():
    """A false message makes the run fail with AssertionError naming the value."""
    with pytest.raises(AssertionError, match="false value 0"):
        drive(TestResult(), inbox=[1, 0])


def test_stop_system_raises_stop_system_exception():
    """StopSystem on control raises StopSystemException."""
    with pytest.raises(StopSystemException):
        drive(TestResult(), control=[StopSystem()])
