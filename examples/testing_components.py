"""Testing a component with Axon.testing: feed its inboxes, collect its outboxes, check conformance.

The functions named test_* are ordinary pytest tests (`pytest examples/testing_components.py`);
run as a script, it calls them itself. Needs only kamaelia-axon (and pytest to
use it as a test file):

    python examples/testing_components.py
"""

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import StepScheduler, check_component_conformance, run_component


class Doubler(component):
    """Doubles numbers; passes producerFinished / shutdownMicroprocess on and finishes."""

    def main(self):
        while True:
            for number in self.Inbox("inbox"):
                self.send(number * 2, "outbox")
            while self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (producerFinished, shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            self.pause()
            yield 1


def test_doubles_then_finishes():
    """Numbers come out doubled, in order, followed by the shutdown message on signal."""
    sent = run_component(Doubler(), {"inbox": [1, 2, 3], "control": [producerFinished()]})
    assert sent["outbox"] == [2, 4, 6]
    assert isinstance(sent["signal"][0], producerFinished)


def test_follows_the_conventions():
    """Doubler declares the standard boxes and shuts down as a component should."""
    check_component_conformance(Doubler)


def test_sleeps_when_idle():
    """With nothing to do, Doubler goes to sleep: the scheduler has nothing runnable."""
    sched = StepScheduler()
    doubler = Doubler().activate(Scheduler=sched)
    sched.run_until_idle()
    assert sched.isThreadPaused(doubler)


if __name__ == "__main__":
    for test in (test_doubles_then_finishes, test_follows_the_conventions, test_sleeps_when_idle):
        test()
        print("passed:", test.__name__)
