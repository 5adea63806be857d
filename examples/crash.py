"""When a component crashes, runThreads() ends with ComponentError naming it.

The original exception is chained as `__cause__`, with its traceback, so the
failure is never silent and never anonymous. Needs only kamaelia-axon:

    python examples/crash.py
"""

from Axon.AxonExceptions import ComponentError
from Axon.Component import component
from Axon.Scheduler import scheduler


class Divider(component):
    """Divides 100 by each number it is given; has a bug waiting for zero."""

    def main(self):
        for number in (4, 2, 0):
            self.send(100 / number, "outbox")
            yield 1


if __name__ == "__main__":
    Divider().activate()
    try:
        scheduler.run.runThreads()
    except ComponentError as error:
        print("runThreads() raised:", error)
        print("caused by:", repr(error.__cause__))
