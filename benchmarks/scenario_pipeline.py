"""Scenario (a): a source, 8 forwarders and a sink in a chain, one message per send.

Metric: message hops per second, where a hop is one message crossing one link
(``n`` messages x 9 links). The asyncio equivalent connects tasks with
``asyncio.Queue``.

Run alone: ``python benchmarks/scenario_pipeline.py --impl axon --n 100000``.
"""

from __future__ import annotations

import asyncio
import time
from itertools import pairwise

from _common import check_positive, emit, fail, make_parser, timed

NAME = "pipeline"
FORWARDERS = 8
LINKS = FORWARDERS + 1
_END = object()


def run_axon(n: int, batch: int) -> tuple[int, float]:
    """Run the chain on Axon; return (messages received, seconds)."""
    from _axon_parts import Forwarder, Sink, Source, link_chain, run_all

    sink = Sink()
    chain = [Source(n, batch), *(Forwarder() for _ in range(FORWARDERS)), sink]
    link_chain(chain)
    seconds = timed(lambda: run_all(chain))
    return sink.count, seconds


async def _source(out: asyncio.Queue, n: int, batch: int) -> None:
    for i in range(n):
        out.put_nowait(i)
        if i % batch == batch - 1:
            await asyncio.sleep(0)
    out.put_nowait(_END)


async def _forward(inbox: asyncio.Queue, out: asyncio.Queue) -> None:
    while True:
        item = await inbox.get()
        out.put_nowait(item)
        if item is _END:
            return


async def _sink(inbox: asyncio.Queue) -> int:
    count = 0
    while (await inbox.get()) is not _END:
        count += 1
    return count


async def _asyncio_main(n: int, batch: int) -> tuple[int, float]:
    start = time.perf_counter()
    queues: list[asyncio.Queue] = [asyncio.Queue() for _ in range(LINKS)]
    tasks = [asyncio.create_task(_source(queues[0], n, batch))]
    for inbox, out in pairwise(queues):
        tasks.append(asyncio.create_task(_forward(inbox, out)))
    count = await _sink(queues[-1])
    await asyncio.gather(*tasks)
    return count, time.perf_counter() - start


def main() -> None:
    """Parse the options, run the scenario once and print its metrics."""
    parser = make_parser(__doc__.splitlines()[0], default_n=100_000)
    parser.add_argument("--batch", type=int, default=64, help="sends per source timeslice")
    args = parser.parse_args()
    check_positive(parser, n=args.n, batch=args.batch)
    if args.impl == "axon":
        count, seconds = run_axon(args.n, args.batch)
    else:
        count, seconds = asyncio.run(_asyncio_main(args.n, args.batch))
    if count != args.n:
        fail(NAME, f"sink received {count} messages, expected {args.n}")
    emit(args.impl, NAME, n=args.n, seconds=seconds, hops_per_s=args.n * LINKS / seconds)


if __name__ == "__main__":
    main()
