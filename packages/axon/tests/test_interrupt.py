"""Ctrl-C (KeyboardInterrupt) leaves runThreads() as itself, saying what was still running."""

from __future__ import annotations

import logging

import pytest
from Axon.Component import component


class Waiter(component):
    def main(self):
        while True:
            self.pause()
            yield 1


class CtrlC(component):
    """Stands in for the user pressing Ctrl-C while the system runs."""

    def main(self):
        yield 1
        raise KeyboardInterrupt


def test_keyboard_interrupt_propagates_and_names_the_running_components(axon_scheduler, caplog):
    """The interrupt is not swallowed; a warning lists the components it cut short."""
    waiter = Waiter().activate()
    CtrlC().activate()
    with (
        caplog.at_level(logging.WARNING, logger="Axon.scheduler"),
        pytest.raises(KeyboardInterrupt),
    ):
        axon_scheduler.runThreads()
    assert caplog.messages == [
        f"interrupted (Ctrl-C) with 1 still running: Waiter (id {waiter.id})"
    ]
    axon_scheduler.stop()
