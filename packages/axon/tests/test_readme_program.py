"""The classic Kamaelia 1.x program, written exactly as 1.x users wrote it, runs unchanged."""

from __future__ import annotations

import Axon
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.Scheduler import scheduler


class Producer(component):
    def __init__(self, words):
        super().__init__()
        self.words = words

    def main(self):
        for word in self.words:
            self.send(word, "outbox")
            yield 1
        self.send(producerFinished(self), "signal")


class Upper(component):
    def main(self):
        while 1:
            while self.dataReady("inbox"):
                self.send(self.recv("inbox").upper(), "outbox")
            if self.dataReady("control"):
                msg = self.recv("control")
                if isinstance(msg, (producerFinished, shutdownMicroprocess)):
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1


class Collector(Axon.Component.component):
    def __init__(self, results):
        super().__init__()
        self.results = results

    def main(self):
        while 1:
            while self.dataReady("inbox"):
                self.results.append(self.recv("inbox"))
            if self.dataReady("control"):
                self.results.append(type(self.recv("control")).__name__)
                return
            self.pause()
            yield 1


def test_hand_wired_source_transformer_sink(axon_scheduler):
    """A source -> transformer -> sink system linked by hand and run with runThreads() gives the output."""
    results = []
    source, upper, sink = Producer(["hello", "kamaelia", "world"]), Upper(), Collector(results)
    source.link((source, "outbox"), (upper, "inbox"))
    source.link((source, "signal"), (upper, "control"))
    upper.link((upper, "outbox"), (sink, "inbox"))
    upper.link((upper, "signal"), (sink, "control"))
    source.activate()
    upper.activate()
    sink.activate()
    scheduler.run.runThreads()
    assert results == ["HELLO", "KAMAELIA", "WORLD", "producerFinished"]
    assert scheduler.run.listAllThreads() == []


def test_component_run_method(axon_scheduler):
    """component.run() activates the component and runs the default scheduler to the end."""
    results = []
    sink = Collector(results)
    sink.deliver("only")
    sink.deliver(producerFinished(), "control")
    sink.run()
    assert results == ["only", "producerFinished"]
