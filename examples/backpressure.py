"""Backpressure: a size-limited inbox makes send() raise noSpaceInBox instead of growing.

The producer is faster than the consumer. When the consumer's inbox (limited
to 4 messages) is full, the producer holds the message and pauses; taking a
message out of a size-limited inbox wakes its producers, so nothing is lost
and nothing is dropped. Needs only kamaelia-axon:

    python examples/backpressure.py
"""

from Axon.AxonExceptions import noSpaceInBox
from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.Scheduler import scheduler


class Producer(component):
    """Sends `count` numbers without yielding, waiting only when the receiver is full."""

    def __init__(self, count):
        super().__init__()
        self.count = count
        self.waits = 0

    def main(self):
        for n in range(self.count):
            while True:
                try:
                    self.send(n, "outbox")
                    break
                except noSpaceInBox:
                    self.waits += 1
                    self.pause()  # woken when the consumer takes a message
                    yield 1
        self.send(producerFinished(self), "signal")


class SlowConsumer(component):
    """Takes one message per timeslice, noting how full its inbox ever was."""

    def main(self):
        self.total = self.fullest = 0
        while True:
            self.fullest = max(self.fullest, self.dataReady("inbox"))
            if self.dataReady("inbox"):
                self.total += self.recv("inbox")
            elif self.dataReady("control"):
                return
            else:
                self.pause()
            yield 1


if __name__ == "__main__":
    producer, consumer = Producer(count=1000), SlowConsumer()
    producer.link((producer, "outbox"), (consumer, "inbox"), pipewidth=4)
    producer.link((producer, "signal"), (consumer, "control"))
    producer.activate()
    consumer.activate()
    scheduler.run.runThreads()
    print(f"sum {consumer.total} (expected {sum(range(1000))})")
    print(f"inbox never held more than {consumer.fullest} messages")
    print(f"producer had to wait: {producer.waits > 0}")
