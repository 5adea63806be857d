"""Stringify: str() of each message."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.Stringify import Stringify


def test_converts_each_message_and_does_not_activate_itself():
    """Messages become strings; building one does not activate it (1.x did)."""
    comp = Stringify()
    assert comp.childComponents() == []
    out = drive(comp, inbox=[1, None, [2]], control=[producerFinished()])
    assert out.data == ["1", "None", "[2]"]
