"""Sleeping and waking: a component that ticks with a scheduler timer instead of polling.

`self.scheduler.call_later(delay, callback)` runs the callback in the scheduler
thread; here it notes the tick is due and calls `unpause()`, so the component
sleeps between ticks and the scheduler blocks (no CPU) while nothing is due. A
sleeping component can be woken for other reasons too (a message arriving, or,
as in 1.x, one it sent being taken), so it checks that the tick is due. Needs
only kamaelia-axon:

    python examples/timers.py
"""

import time

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.Scheduler import scheduler


class Ticker(component):
    """Sends "tick N" every `interval` seconds, `count` times, then producerFinished."""

    def __init__(self, interval, count):
        super().__init__()
        self.interval = interval
        self.count = count
        self.due = False

    def main(self):
        for n in range(1, self.count + 1):
            self.due = False
            self.scheduler.call_later(self.interval, self.tick_due)
            while not self.due:
                self.pause()
                yield 1  # asleep until a wake; the timer's is the one that counts
            self.send(f"tick {n}", "outbox")
        self.send(producerFinished(self), "signal")

    def tick_due(self):
        self.due = True
        self.unpause()


class Printer(component):
    """Prints each message; finishes on any control message."""

    def main(self):
        while not self.dataReady("control"):
            for message in self.Inbox("inbox"):
                print(message)
            self.pause()
            yield 1
        for message in self.Inbox("inbox"):
            print(message)


if __name__ == "__main__":
    ticker, printer = Ticker(interval=0.05, count=3), Printer()
    ticker.link((ticker, "outbox"), (printer, "inbox"))
    ticker.link((ticker, "signal"), (printer, "control"))
    ticker.activate()
    printer.activate()
    started = time.monotonic()
    scheduler.run.runThreads()
    elapsed = time.monotonic() - started
    assert elapsed >= 0.15, elapsed
    print("done: three ticks, at least 0.05 s apart")
