"""BasicMarshallComponent: marshall on one path, demarshall on the other."""

import pytest
from _chassis_testkit import Collector, Feeder, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.MarshallComponent import BasicMarshallComponent
from Kamaelia.Util.Marshalling import JSONMarshalling


@pytest.mark.parametrize("stop_class", [producerFinished, shutdownMicroprocess])
def test_marshalls_and_demarshalls_on_separate_boxes(stop_class):
    """'marshall' -> 'marshalled' encodes, 'demarshall' -> 'demarshalled' decodes; shutdown comes out."""
    comp = BasicMarshallComponent(JSONMarshalling)
    to_marshall = Feeder([("outbox", {"a": [1, 2]})])
    to_demarshall = Feeder([("outbox", '{"b":true}')])
    stopper = Feeder([("outbox", stop_class())], delay=5)
    to_marshall.link((to_marshall, "outbox"), (comp, "marshall"))
    to_demarshall.link((to_demarshall, "outbox"), (comp, "demarshall"))
    stopper.link((stopper, "outbox"), (comp, "control"))
    marshalled, demarshalled = Collector(stop_after=1), Collector()
    marshalled.link((comp, "marshalled"), (marshalled, "inbox"))
    demarshalled.link((comp, "demarshalled"), (demarshalled, "inbox"))
    demarshalled.link((comp, "signal"), (demarshalled, "control"))
    run(to_marshall, to_demarshall, stopper, comp, marshalled, demarshalled)
    assert marshalled.data == ['{"a":[1,2]}']
    assert demarshalled.data == [{"b": True}]
    assert isinstance(demarshalled.signals[0], stop_class)


def test_a_codec_without_the_methods_is_refused():
    """A klass lacking marshall() is refused naming it."""
    with pytest.raises(TypeError, match="has no callable marshall"):
        BasicMarshallComponent(object)
