"""Splitter, PlugSplitter and Plug: run-time fan-out to any number of sinks."""

from _chassis_testkit import Collector, Feeder, run
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.PassThrough import PassThrough
from Kamaelia.Util.Splitter import Plug, PlugSplitter, Splitter, addsink, removesink


def test_plugsplitter_copies_data_and_control_to_every_sink():
    """Each data message goes to outbox and every sink inbox; control to signal and every sink control."""
    splitter = PlugSplitter()
    a, b, main = Collector(), Collector(), Collector()
    main.link((splitter, "outbox"), (main, "inbox"))
    main.link((splitter, "signal"), (main, "control"))
    feeder = Feeder([("outbox", 1), ("outbox", 2), ("signal", producerFinished())], delay=3)
    config = Feeder(
        [("outbox", addsink(a, "inbox", "control")), ("outbox", addsink(b, "inbox", "control"))]
    )
    feeder.link((feeder, "outbox"), (splitter, "inbox"))
    feeder.link((feeder, "signal"), (splitter, "control"))
    config.link((config, "outbox"), (splitter, "configuration"))
    run(config, feeder, splitter, a, b, main)
    for sink in (a, b, main):
        assert sink.data == [1, 2]
        assert isinstance(sink.signals[0], producerFinished)


def test_plugsplitter_removesink_stops_the_copies():
    """After removesink a sink receives nothing more."""
    splitter = PlugSplitter()
    a = Collector(until="end")
    data = Feeder([("outbox", 1)], delay=3)
    more = Feeder([("outbox", 2), ("signal", shutdownMicroprocess())], delay=8)
    cfg = Feeder([("outbox", addsink(a, "inbox"))])
    cfg2 = Feeder([("outbox", removesink(a, "inbox"))], delay=5)
    end = Feeder([("outbox", "end")], delay=20)
    data.link((data, "outbox"), (splitter, "inbox"))
    more.link((more, "outbox"), (splitter, "inbox"))
    more.link((more, "signal"), (splitter, "control"))
    cfg.link((cfg, "outbox"), (splitter, "configuration"))
    cfg2.link((cfg2, "outbox"), (splitter, "configuration"))
    end.link((end, "outbox"), (a, "inbox"))
    run(cfg, cfg2, data, more, end, splitter, a)
    assert a.data == [1, "end"]


def test_plugsplitter_with_a_source_child_ends_with_it():
    """With a source component, the splitter copies the child's output and finishes when it does."""
    splitter = PlugSplitter(DataSource(["x", "y"]))
    sink = Collector()
    sink.link((splitter, "outbox"), (sink, "inbox"))
    sink.link((splitter, "signal"), (sink, "control"))
    run(splitter, sink)
    assert sink.data == ["x", "y"]
    assert splitter._isStopped()


def test_plug_registers_its_component_and_unplugs_when_it_ends():
    """A Plug adds its component as a sink, passes its output on, and removes itself at the end."""
    splitter = PlugSplitter()
    plug = Plug(splitter, PassThrough())
    sink = Collector()
    sink.link((plug, "outbox"), (sink, "inbox"))
    sink.link((plug, "signal"), (sink, "control"))
    feeder = Feeder([("outbox", "hello"), ("signal", producerFinished())], delay=5)
    feeder.link((feeder, "outbox"), (splitter, "inbox"))
    feeder.link((feeder, "signal"), (splitter, "control"))
    run(splitter, plug, sink, feeder)
    assert sink.data == ["hello"]
    assert isinstance(sink.signals[0], producerFinished)
    assert splitter.outboxsinks == {}
    assert plug._isStopped()


def test_old_style_splitter_works():
    """Splitter copies inbox to every sink added by addsink (1.x's was broken) and stops on shutdown."""
    splitter = Splitter()
    a, b = Collector(), Collector()
    cfg = Feeder(
        [("outbox", addsink(a, "inbox", "control")), ("outbox", addsink(b, "inbox", "control"))]
    )
    data = Feeder([("outbox", 7), ("signal", shutdownMicroprocess())], delay=4)
    cfg.link((cfg, "outbox"), (splitter, "configuration"))
    data.link((data, "outbox"), (splitter, "inbox"))
    data.link((data, "signal"), (splitter, "control"))
    run(cfg, data, splitter, a, b)
    assert a.data == [7]
    assert b.data == [7]
    assert isinstance(a.signals[0], shutdownMicroprocess)
