"""Kamaelia.Util.Introspector: the live topology as 1.x Introspector text."""

import re

from _chassis_testkit import run
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.Introspector import Introspector
from Kamaelia.Util.PassThrough import PassThrough


class Watcher(component):
    """Collects the introspector's text; after `rounds` reports, ends the introspector."""

    def __init__(self, intro, rounds, on_first=None):
        super().__init__()
        self.intro = intro
        self.rounds = rounds
        self.on_first = on_first
        self.text = []

    def main(self):
        while True:
            while self.dataReady("inbox"):
                self.text.append(self.recv("inbox"))
                if len(self.text) == 2 and self.on_first is not None:
                    self.on_first()
            if len(self.text) >= self.rounds:
                break
            self.pause()
            yield 1
        self.intro.deliver(shutdownMicroprocess(), "control")


def _lines(watcher):
    return "".join(watcher.text).splitlines()


def test_first_report_resets_then_adds_every_component_box_and_link():
    """DEL ALL first; then each component with its boxes, and the box-to-box links."""
    intro = Introspector(interval=0.01)
    watcher = Watcher(intro, rounds=2)
    middle = PassThrough()
    run(Pipeline(intro, middle, watcher))
    lines = _lines(watcher)
    assert lines[0] == "DEL ALL"
    nodes = [line for line in lines if line.startswith("ADD NODE")]
    assert f'ADD NODE "{middle.id}" "{middle.name}" randompos component' in nodes
    assert f"ADD NODE \"({middle.id}, 'i', 'inbox')\" \"inbox\" randompos inbox" in nodes
    assert f"ADD LINK \"{middle.id}\" \"({middle.id}, 'o', 'outbox')\"" in lines
    # The introspector's outbox feeds the middle component's inbox (an outbox -> inbox link).
    assert f"ADD LINK \"({intro.id}, 'o', 'outbox')\" \"({middle.id}, 'i', 'inbox')\"" in lines


def test_a_finished_component_is_reported_deleted():
    """A component that ends is removed with DEL NODE (and its links with DEL LINK)."""
    leaver = PassThrough()

    def stop_leaver():
        leaver.deliver(producerFinished(), "control")

    intro = Introspector(interval=0.01)
    watcher = Watcher(intro, rounds=3, on_first=stop_leaver)
    # The leaver is linked to nothing, so once finished nothing refers to it.
    run(Pipeline(intro, watcher), leaver)
    lines = _lines(watcher)
    assert f'ADD NODE "{leaver.id}" "{leaver.name}" randompos component' in lines
    assert f'DEL NODE "{leaver.id}"' in lines
    assert any(re.match(rf"DEL NODE \"\({leaver.id}, 'i', 'control'\)\"", line) for line in lines)


def test_shutdown_is_passed_on_and_ends_it():
    """shutdownMicroprocess on control ends it and is sent on out of signal."""
    intro = Introspector(interval=0.01)
    collected = []

    class Stopper(component):
        def main(self):
            yield 1
            self.send(shutdownMicroprocess(), "outbox")
            while not self.dataReady("inbox"):
                self.pause()
                yield 1
            collected.append(self.recv("inbox"))

    stopper = Stopper()
    stopper.link((stopper, "outbox"), (intro, "control"))
    stopper.link((intro, "signal"), (stopper, "inbox"))
    run(stopper, intro)
    assert isinstance(collected[0], shutdownMicroprocess)
