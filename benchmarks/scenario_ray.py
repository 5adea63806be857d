"""kamaelia-ray: messages across a cut edge, and a CPU-bound worker spread over Ray actors.

``--mode cut``: a local source sends ``n`` small integers to a counter placed in
a Ray actor (``RayPart``), after an untimed warm-up of the same size through the
same actor. Metric: messages per second across the cut (first timed send to the
counter's reply). Then ``--trips`` one-message round trips through an echo part,
one at a time (low load). Metric: the median round trip, there and back.

``--mode hash``: ``n`` distinct 64 KB blocks are hashed (``--algo``, sha256 by
default) by one local worker, then by ``RayWorkers`` with 1 and 2 copies (each
actor reserving one CPU), results merged in order. Metrics: blocks/s for each,
and the 2-copy rate over the local one; and the CPU time this process spends
per block when it hashes locally and when it only ships blocks to 2 copies.
The blocks cross the cut (they are pickled and shipped), as they would in a
real system.

Only Kamaelia 2 runs it (it needs kamaelia-ray). Run alone:
``python benchmarks/scenario_ray.py --mode cut --n 300000``.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import time
from typing import Any

from _common import check_positive, emit, fail, make_parser

NAME = "ray"


def _components() -> dict[str, Any]:
    """The component classes (imported only here: the module must load without Axon)."""
    from Axon.Component import component
    from Axon.Ipc import producerFinished

    class Source(component):
        """Sends each item of ``items``, yielding every 64 sends, then producerFinished."""

        def __init__(self, items: Any) -> None:
            super().__init__()
            self.items = items

        def main(self) -> Any:
            for i, item in enumerate(self.items):
                self.send(item, "outbox")
                if i % 64 == 63:
                    yield 1
            self.send(producerFinished(self), "signal")
            yield 1

    class Counter(component):
        """Counts messages; answers each "mark" with the count so far and the time."""

        def main(self) -> Any:
            count = 0
            while True:
                for message in self.Inbox("inbox"):
                    if message == "mark":
                        self.send(count, "outbox")
                    else:
                        count += 1
                if self.dataReady("control"):
                    self.send(self.recv("control"), "signal")
                    return
                self.pause()
                yield 1

    class Transform(component):
        """Sends ``function(message)`` for every message; stops on any control message."""

        function = staticmethod(lambda message: message)

        def main(self) -> Any:
            function = self.function
            while True:
                for message in self.Inbox("inbox"):
                    self.send(function(message), "outbox")
                if self.dataReady("control"):
                    self.send(self.recv("control"), "signal")
                    return
                self.pause()
                yield 1

    class Sink(component):
        """Records the arrival time of every message."""

        def __init__(self) -> None:
            super().__init__()
            self.got: list[Any] = []
            self.times: list[float] = []

        def main(self) -> Any:
            while True:
                for message in self.Inbox("inbox"):
                    self.got.append(message)
                    self.times.append(time.perf_counter())
                if self.dataReady("control"):
                    return
                self.pause()
                yield 1

    class PingPong(component):
        """Sends one message, waits for it to come back, ``trips`` times; keeps each trip's time."""

        def __init__(self, trips: int) -> None:
            super().__init__()
            self.trips = trips
            self.rtts: list[float] = []

        def main(self) -> Any:
            for i in range(self.trips):
                start = time.perf_counter()
                self.send(i, "outbox")
                while not self.dataReady("inbox"):
                    self.pause()
                    yield 1
                self.recv("inbox")
                self.rtts.append(time.perf_counter() - start)
            self.send(producerFinished(self), "signal")
            yield 1

    return {
        "Source": Source,
        "Counter": Counter,
        "Transform": Transform,
        "Sink": Sink,
        "PingPong": PingPong,
    }


def _run(*parts: Any, circular: bool = False) -> None:
    from Axon.Scheduler import scheduler

    from Kamaelia.Chassis.Pipeline import Pipeline

    scheduler.run = scheduler()
    Pipeline(*parts, circular=circular).run()


def run_cut(n: int, batch: int, trips: int) -> dict[str, float]:
    from Kamaelia.Ray import RayPart

    c = _components()
    items = [*range(n), "mark", *range(n), "mark"]
    part = RayPart(c["Counter"], batch_size=batch)  # the actor is up before timing starts
    sink = c["Sink"]()
    _run(c["Source"](items), part, sink)
    if sink.got != [n, 2 * n]:
        fail(NAME, f"the counter answered {sink.got}, expected {[n, 2 * n]}")
    warm_done, timed_done = sink.times
    # The timed half starts when the warm-up's mark has come back, at the latest.
    rate = n / (timed_done - warm_done)

    echo = RayPart(c["Transform"], batch_size=batch)
    pinger = c["PingPong"](trips)
    _run(pinger, echo, circular=True)
    return {"msgs_per_s": rate, "rtt_ms": statistics.median(pinger.rtts[10:]) * 1000}


def _hasher(algo: str) -> Any:
    transform = _components()["Transform"]
    return lambda: transform(function=lambda block: hashlib.new(algo, block).hexdigest())


def _hash_run(blocks: list[bytes], worker: Any) -> tuple[float, float, list[Any]]:
    """Blocks/s, this process's CPU µs per block (hashing or shipping), and the digests."""
    c = _components()
    sink = c["Sink"]()
    start, cpu = time.perf_counter(), time.process_time()
    _run(c["Source"](blocks), worker, sink)
    cpu_us = (time.process_time() - cpu) / len(blocks) * 1e6
    return len(blocks) / (sink.times[-1] - start), cpu_us, sink.got


def run_hash(n: int, batch: int, algo: str) -> dict[str, float]:
    from Kamaelia.Ray import RayWorkers

    seed = os.urandom(65536)
    blocks = [i.to_bytes(8, "little") + seed[8:] for i in range(n)]
    expected = [hashlib.new(algo, b).hexdigest() for b in blocks[:50]]
    results = {}
    local_rate, local_cpu, got = _hash_run(blocks, _hasher(algo)())
    results["local_blocks_per_s"] = local_rate
    results["local_cpu_us_per_block"] = local_cpu
    for copies in (1, 2):
        workers = RayWorkers(_hasher(algo), copies, batch_size=batch, actor_options={"num_cpus": 1})
        rate, driver_cpu, got = _hash_run(blocks, workers)
        if got[:50] != expected or len(got) != n:
            fail(NAME, f"{copies} Ray workers returned wrong or missing digests")
        results[f"ray{copies}_blocks_per_s"] = rate
    results["ray2_driver_cpu_us_per_block"] = driver_cpu
    results["speedup_2_vs_local"] = results["ray2_blocks_per_s"] / local_rate
    return results


def main() -> None:
    parser = make_parser(__doc__.splitlines()[0], default_n=300_000)
    parser.add_argument("--mode", choices=("cut", "hash"), default="cut")
    parser.add_argument("--batch", type=int, default=1000, help="batch_size of the cut")
    parser.add_argument("--trips", type=int, default=300, help="round trips (--mode cut)")
    parser.add_argument("--algo", default="sha256", help="hashlib algorithm (--mode hash)")
    parser.add_argument("--cpus", type=int, default=2, help="num_cpus for the local Ray")
    args = parser.parse_args()
    check_positive(parser, n=args.n, batch=args.batch, trips=args.trips, cpus=args.cpus)
    if args.impl != "axon":
        parser.error("only --impl axon (Kamaelia 2 with kamaelia-ray) runs this scenario")
    from Kamaelia.Ray import connect

    connect(num_cpus=args.cpus, log_to_driver=False)
    if args.mode == "cut":
        metrics = run_cut(args.n, args.batch, args.trips)
    else:
        metrics = run_hash(args.n, args.batch, args.algo)
    emit(args.impl, f"{NAME}_{args.mode}", **metrics)


if __name__ == "__main__":
    main()
