"""Backplane, PublishTo, SubscribeTo: named publish/subscribe."""

import itertools

import pytest
from _chassis_testkit import Collector, Feeder, run
from Axon.AxonExceptions import ServiceAlreadyExists
from Axon.CoordinatingAssistantTracker import coordinatingassistanttracker
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.Backplane import Backplane, PublishTo, SubscribeTo

# Each test gets an empty CAT (the registry Backplane names live in).
pytestmark = pytest.mark.usefixtures("axon_scheduler")

_names = itertools.count()


def fresh_name():
    return f"test-backplane-{next(_names)}"


def system(name, messages, subscribers=2, forwarder=False):
    """A Backplane, a publisher of ``messages`` and subscribers; shut down after a while."""
    backplane = Backplane(name)
    sinks = [Collector() for _ in range(subscribers)]
    subs = [Pipeline(SubscribeTo(name), sink) for sink in sinks]
    publisher = PublishTo(name, forwarder=forwarder)
    # Subscribers join first; the publisher starts after they are plugged in.
    source = Feeder([("outbox", m) for m in messages], delay=10)
    source.link((source, "outbox"), (publisher, "inbox"))
    stopper = Feeder([("outbox", shutdownMicroprocess())], delay=40)
    stopper.link((stopper, "outbox"), (backplane, "control"))
    stopper2 = Feeder([("outbox", producerFinished())], delay=40)
    stopper2.link((stopper2, "outbox"), (publisher, "control"))
    return [backplane, *subs, publisher, source, stopper, stopper2], sinks, publisher


def test_every_subscriber_gets_what_is_published():
    """Messages published to a named Backplane reach every subscriber of that name."""
    parts, sinks, _ = system(fresh_name(), ["a", "b", "c"])
    run(*parts)
    for sink in sinks:
        assert sink.data == ["a", "b", "c"]


def test_backplane_shutdown_reaches_subscribers_and_frees_the_name():
    """A shutdown sent to the Backplane reaches every subscriber's signal; then the name can be reused."""
    name = fresh_name()
    parts, sinks, _ = system(name, ["x"])
    run(*parts)
    for sink in sinks:
        assert isinstance(sink.signals[0], shutdownMicroprocess)
    with pytest.raises(KeyError):
        coordinatingassistanttracker.getcat().retrieveService("Backplane_I_" + name)
    Backplane(name)  # the name is free again


def test_duplicate_name_raises_service_already_exists():
    """Building a second Backplane with a name in use raises ServiceAlreadyExists."""
    name = fresh_name()
    Backplane(name)
    with pytest.raises(ServiceAlreadyExists):
        Backplane(name)


def test_forwarder_publisher_also_sends_on_outbox():
    """PublishTo(forwarder=True) publishes and sends a copy out of its outbox."""
    name = fresh_name()
    parts, sinks, publisher = system(name, [1, 2], subscribers=1, forwarder=True)
    copies = Collector()
    copies.link((publisher, "outbox"), (copies, "inbox"))
    copies.link((publisher, "signal"), (copies, "control"))
    run(*parts, copies)
    assert sinks[0].data == [1, 2]
    assert copies.data == [1, 2]


def test_publishing_to_an_unknown_backplane_names_it():
    """PublishTo with a name no Backplane has fails, naming the missing Backplane."""
    with pytest.raises(Exception) as info:
        run(PublishTo("no-such-backplane-xyz"))
    chain = []
    error = info.value
    while error is not None:
        chain.append(str(error))
        error = error.__cause__
    assert any("no Backplane named 'no-such-backplane-xyz'" in text for text in chain)


def test_backplane_inside_a_graphline():
    """The 1.x idiom: publisher and subscriber in different parts of one Graphline."""
    name = fresh_name()
    sink = Collector(stop_after=3)
    g = Graphline(
        BP=Backplane(name),
        SUB=SubscribeTo(name),
        SINK=sink,
        linkages={("SUB", "outbox"): ("SINK", "inbox")},
    )
    feeder = Feeder([("outbox", m) for m in (1, 2, 3)], delay=10)
    publisher = PublishTo(name)
    feeder.link((feeder, "outbox"), (publisher, "inbox"))
    stop = Feeder([("outbox", shutdownMicroprocess())], delay=40)
    stop.link((stop, "outbox"), (g, "control"))
    stop2 = Feeder([("outbox", shutdownMicroprocess())], delay=40)
    stop2.link((stop2, "outbox"), (publisher, "control"))
    run(g, feeder, publisher, stop, stop2)
    assert sink.data == [1, 2, 3]
