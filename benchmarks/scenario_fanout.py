"""Scenario (b): a splitter deals messages round-robin to 16 workers; a collector gathers them.

Metric: messages per second from the splitter's first send to the collector's
last receive (each message crosses two links). The asyncio equivalent uses one
``asyncio.Queue`` per worker and one shared queue into the collector.

Run alone: ``python benchmarks/scenario_fanout.py --impl axon --n 100000``.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from _common import check_positive, emit, fail, make_parser, timed

NAME = "fanout"
WORKERS = 16
_END = object()


def _splitter_class() -> Any:
    """Build the splitter component class (Axon is imported only for ``--impl axon``)."""
    from Axon.Component import component
    from Axon.Ipc import producerFinished

    outs = [f"out{i}" for i in range(WORKERS)]
    signals = [f"signal{i}" for i in range(WORKERS)]

    class Splitter(component):
        """Sends 0 .. n-1 round-robin on out0..out15, then producerFinished on each signalN."""

        Outboxes = {
            "outbox": "unused",
            "signal": "unused",
            **dict.fromkeys(outs, "every 16th message goes to one worker"),
            **dict.fromkeys(signals, "producerFinished for one worker"),
        }

        def __init__(self, n: int, batch: int) -> None:
            super().__init__()
            self.n = n
            self.batch = batch

        def main(self) -> Any:
            batch = self.batch
            for i in range(self.n):
                self.send(i, outs[i % WORKERS])
                if i % batch == batch - 1:
                    yield 1
            for box in signals:
                self.send(producerFinished(self), box)
            yield 1

    return Splitter, outs, signals


def run_axon(n: int, batch: int) -> tuple[int, float]:
    """Run the fan-out on Axon; return (messages collected, seconds)."""
    from _axon_parts import Forwarder, Sink, run_all

    splitter_class, outs, signals = _splitter_class()
    splitter = splitter_class(n, batch)
    workers = [Forwarder() for _ in range(WORKERS)]
    collector = Sink(finishers=WORKERS)
    for worker, out, signal in zip(workers, outs, signals, strict=True):
        splitter.link((splitter, out), (worker, "inbox"))
        splitter.link((splitter, signal), (worker, "control"))
        # Many outboxes may feed one inbox (fan-in); one outbox may not feed many.
        worker.link((worker, "outbox"), (collector, "inbox"))
        worker.link((worker, "signal"), (collector, "control"))
    seconds = timed(lambda: run_all([splitter, *workers, collector]))
    return collector.count, seconds


async def _splitter(outs: list[asyncio.Queue], n: int, batch: int) -> None:
    for i in range(n):
        outs[i % WORKERS].put_nowait(i)
        if i % batch == batch - 1:
            await asyncio.sleep(0)
    for out in outs:
        out.put_nowait(_END)


async def _worker(inbox: asyncio.Queue, out: asyncio.Queue) -> None:
    while True:
        item = await inbox.get()
        out.put_nowait(item)
        if item is _END:
            return


async def _collector(inbox: asyncio.Queue) -> int:
    count = 0
    pending = WORKERS
    while pending:
        if (await inbox.get()) is _END:
            pending -= 1
        else:
            count += 1
    return count


async def _asyncio_main(n: int, batch: int) -> tuple[int, float]:
    start = time.perf_counter()
    outs: list[asyncio.Queue] = [asyncio.Queue() for _ in range(WORKERS)]
    gathered: asyncio.Queue = asyncio.Queue()
    tasks = [asyncio.create_task(_splitter(outs, n, batch))]
    tasks += [asyncio.create_task(_worker(out, gathered)) for out in outs]
    count = await _collector(gathered)
    await asyncio.gather(*tasks)
    return count, time.perf_counter() - start


def main() -> None:
    """Parse the options, run the scenario once and print its metrics."""
    parser = make_parser(__doc__.splitlines()[0], default_n=100_000)
    parser.add_argument("--batch", type=int, default=64, help="sends per splitter timeslice")
    args = parser.parse_args()
    check_positive(parser, n=args.n, batch=args.batch)
    if args.impl == "axon":
        count, seconds = run_axon(args.n, args.batch)
    else:
        count, seconds = asyncio.run(_asyncio_main(args.n, args.batch))
    if count != args.n:
        fail(NAME, f"collector received {count} messages, expected {args.n}")
    emit(args.impl, NAME, n=args.n, seconds=seconds, msgs_per_s=args.n / seconds)


if __name__ == "__main__":
    main()
