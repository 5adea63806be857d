"""A threaded component: main() is ordinary blocking code running in a thread of its own.

Use one to wrap a blocking call (a library without non-blocking I/O, a slow
computation) without stalling the other components. In the thread, `recv`
blocks until a message arrives and `send` is thread-safe. Needs kamaelia-axon
and kamaelia-chassis:

    python examples/threaded.py
"""

import hashlib
import time

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.ThreadedComponent import threadedcomponent

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.DataSource import DataSource


class BlockingHasher(threadedcomponent):
    """Hashes each message with a deliberately slow, blocking call."""

    def main(self):  # not a generator: this runs in its own thread
        while True:
            while self.dataReady("inbox"):
                data = self.recv("inbox")
                time.sleep(0.01)  # stands in for a blocking library call
                self.send(f"{data}: {hashlib.sha256(data.encode()).hexdigest()[:12]}", "outbox")
            if self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (producerFinished, shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            self.pause()  # in a thread: blocks until a message arrives


class Printer(component):
    def main(self):
        while not self.dataReady("control"):
            for line in self.Inbox("inbox"):
                print(line)
            self.pause()
            yield 1
        for line in self.Inbox("inbox"):
            print(line)


if __name__ == "__main__":
    Pipeline(DataSource(["alpha", "beta", "gamma"]), BlockingHasher(), Printer()).run()
