"""When a component crashes, runThreads() ends with that very exception.

Code written for Kamaelia 1.x catches it by its own type, as here. The
traceback names the component (a note, on Python 3.11+; a log line on
3.10), and the component keeps the exception as ``failure``. Needs only
kamaelia-axon:

    python examples/crash.py
"""

from Axon.Component import component
from Axon.Scheduler import scheduler


class Divider(component):
    """Divides 100 by each number it is given; has a bug waiting for zero."""

    def main(self):
        for number in (4, 2, 0):
            self.send(100 / number, "outbox")
            yield 1


if __name__ == "__main__":
    divider = Divider().activate()
    try:
        scheduler.run.runThreads()
    except ZeroDivisionError as error:
        print("runThreads() raised:", repr(error))
        print("the component it came from:", divider.name, divider.failure is error)
