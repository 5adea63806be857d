"""A system worth watching: run it under the live inspector and open the page.

Three parts: a Pipeline whose last component drains its inbox more slowly
than bursts arrive (the inbox bar fills and empties), a Graphline whose
sender is blocked on a full, bounded inbox nobody reads, and a Supervisor
restarting a child that keeps crashing. Runs SECONDS (default 5), then stops.
Needs kamaelia-axon and kamaelia-chassis; the page needs kamaelia-inspect:

    kamaelia run --inspect 8050 examples/inspect_demo.py 60

then open http://127.0.0.1:8050/ (or `kamaelia top 8050` in another terminal).
The screenshot in the docs' inspector guide is this system, taken by
kamaelia-inspect's browser test.
"""

import sys

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Scheduler import scheduler

from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Chassis.Supervisor import Supervisor
from Kamaelia.Util.PassThrough import PassThrough
from Kamaelia.Util.PureTransformer import PureTransformer


def nap(comp, seconds):
    """Pause `comp` for `seconds` (use as: yield from nap(self, 0.1)).

    Other things wake a paused component too (as in 1.x, a consumer taking one
    of its messages), so it sleeps again until the timer itself has fired.
    """
    rang = []

    def ring():
        rang.append(True)
        comp.unpause()

    comp.scheduler.call_later(seconds, ring)
    while not rang:
        comp.pause()
        yield 1


class Burst(component):
    """Sends 40 numbers at once, every 0.3 s."""

    def main(self):
        while not self.dataReady("control"):
            for n in range(40):
                self.send(n, "outbox")
            yield from nap(self, 0.3)


class Sipper(component):
    """Takes one message every 10 ms, so bursts pile up in its inbox for a while."""

    def main(self):
        while not self.dataReady("control"):
            if self.dataReady("inbox"):
                self.recv("inbox")
            yield from nap(self, 0.01)


class Stubborn(component):
    """Sends until the receiver's inbox is full, then retries twice a second."""

    def main(self):
        n = 0
        while not self.dataReady("control"):
            try:
                self.send(n, "outbox")
                n += 1
            except noSpaceInBox:
                yield from nap(self, 0.5)


class Deaf(component):
    """Never reads its inbox, which holds at most 8."""

    def __init__(self):
        super().__init__()
        self.inboxes["inbox"].setSize(8)

    def main(self):
        while not self.dataReady("control"):
            self.pause()
            yield 1


class Flaky(component):
    """Crashes a second after it starts."""

    def main(self):
        yield from nap(self, 1.0)
        raise ConnectionError("lost the upstream feed")


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    Pipeline(Burst(), PureTransformer(lambda n: n * n), Sipper()).activate()
    Graphline(
        STUBBORN=Stubborn(),
        DEAF=Deaf(),
        linkages={("STUBBORN", "outbox"): ("DEAF", "inbox")},
    ).activate()
    Supervisor(
        children={"relay": PassThrough, "flaky": Flaky},
        linkages={("relay", "outbox"): ("flaky", "inbox")},
        max_restarts=1000,
        max_seconds=1.0,
    ).activate()
    scheduler.run.call_later(seconds, scheduler.run.stop)
    scheduler.run.runThreads()
    print(f"stopped after {seconds:g} s")
