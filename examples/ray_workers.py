"""Distribution on Ray: hash blocks in two worker actors, results back in order.

`RayWorkers(Hasher, copies=2)` stands in for two copies of `Hasher`, each in
its own Ray actor (its own process and Axon scheduler). Blocks are shared out
in batches, digests come back in input order, and `producerFinished` crosses
to the actors and back, so the system ends by itself. Starts a local Ray
instance (a few seconds). Needs kamaelia-axon, kamaelia-chassis and
kamaelia-ray:

    python examples/ray_workers.py
"""

import hashlib

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Ray import RayWorkers, connect
from Kamaelia.Util.DataSource import DataSource


class Hasher(component):
    """Sends the SHA-256 hex digest of each block it receives."""

    def main(self):
        while True:
            for block in self.Inbox("inbox"):
                self.send(hashlib.sha256(block).hexdigest(), "outbox")
            if self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (producerFinished, shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            self.pause()
            yield 1


class Printer(component):
    """Prints each digest, shortened, and how many arrived."""

    def main(self):
        count = 0
        while True:
            for digest in self.Inbox("inbox"):
                count += 1
                print(f"block {count}: {digest[:12]}")
            if self.dataReady("control"):
                self.recv("control")
                print(f"{count} digests, in order")
                return
            self.pause()
            yield 1


if __name__ == "__main__":
    connect(num_cpus=2, log_to_driver=False)  # a local Ray; connect("auto") joins a cluster
    blocks = [bytes([n]) * 65536 for n in range(4)]
    Pipeline(DataSource(blocks), RayWorkers(Hasher, copies=2, batch_size=1), Printer()).run()
