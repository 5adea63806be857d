"""SequentialTransformer: functions applied in turn."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.SequentialTransformer import SequentialTransformer


def test_applies_each_function_in_order():
    """Each message goes through every function, first to last; None results are dropped."""
    comp = SequentialTransformer(lambda x: x + 1, lambda x: x * 10, lambda x: None if x > 25 else x)
    out = drive(comp, inbox=[0, 1, 2], control=[producerFinished()])
    assert out.data == [10, 20]


def test_functions_must_be_callable():
    """A non-callable in the chain is rejected at construction."""
    with pytest.raises(TypeError, match="function 1 must be callable"):
        SequentialTransformer(str, 3)
