"""Sync: one message per batch of n."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.Sync import Sync


def test_sends_the_last_message_of_each_batch():
    """As in 1.x (despite its docs), the last item of each batch of n goes out."""
    out = drive(Sync(2), inbox=["a", "b", "c", "d", "e"], control=[producerFinished()])
    assert out.data == ["b", "d"]
    out = drive(Sync(3), inbox=list(range(7)), control=[producerFinished()])
    assert out.data == [2, 5]


def test_n_must_be_positive():
    """n below 1 is rejected."""
    with pytest.raises(ValueError, match="n must be at least 1"):
        Sync(0)
