"""Scenario (c): create, run and shut down a chain of n components (default 100 000).

The chain is a source, n-2 forwarders and a sink; one message travels the whole
chain, then producerFinished cascades down it and every component ends.

Metrics: microseconds per component (wall time of create + link + run +
shutdown, divided by n) and bytes of peak RSS per component (``ru_maxrss``
after the run minus ``ru_maxrss`` measured just before creating the chain,
divided by n). The asyncio equivalent is a chain of n tasks joined by n-1
``asyncio.Queue`` objects.

Run alone: ``python benchmarks/scenario_chain.py --impl axon --n 100000``.
"""

from __future__ import annotations

import asyncio
import gc
import time
from itertools import pairwise

from _common import check_positive, emit, fail, make_parser, peak_rss_bytes

NAME = "chain"
_END = object()


def run_axon(n: int) -> int:
    """Create, run and shut down the chain on Axon; return the messages the sink got."""
    from _axon_parts import Forwarder, Sink, Source, link_chain, run_all

    sink = Sink()
    chain = [Source(1, 1), *(Forwarder() for _ in range(n - 2)), sink]
    link_chain(chain)
    run_all(chain)
    return sink.count


async def _source(out: asyncio.Queue) -> None:
    out.put_nowait(0)
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


async def _asyncio_chain(n: int) -> int:
    queues: list[asyncio.Queue] = [asyncio.Queue() for _ in range(n - 1)]
    tasks = [asyncio.create_task(_source(queues[0]))]
    for inbox, out in pairwise(queues):
        tasks.append(asyncio.create_task(_forward(inbox, out)))
    tasks.append(asyncio.create_task(_sink(queues[-1])))
    await asyncio.gather(*tasks)
    return tasks[-1].result()


def run_asyncio(n: int) -> int:
    """Create, run and shut down the chain of tasks; return the messages the sink got."""
    return asyncio.run(_asyncio_chain(n))


def main() -> None:
    """Parse the options, run the scenario once and print its metrics."""
    parser = make_parser(__doc__.splitlines()[0], default_n=100_000)
    args = parser.parse_args()
    check_positive(parser, n=args.n)
    if args.n < 2:
        parser.error(f"--n must be at least 2 (a source and a sink), got {args.n}")
    run = run_axon if args.impl == "axon" else run_asyncio
    if args.impl == "axon":
        # Import outside the measured region, so the baseline includes Axon itself.
        import _axon_parts  # noqa: F401
    gc.collect()
    baseline = peak_rss_bytes()
    start = time.perf_counter()
    count = run(args.n)
    seconds = time.perf_counter() - start
    peak = peak_rss_bytes()
    if count != 1:
        fail(NAME, f"sink received {count} messages, expected 1")
    emit(
        args.impl,
        NAME,
        n=args.n,
        seconds=seconds,
        us_per_component=seconds * 1e6 / args.n,
        rss_bytes_per_component=(peak - baseline) / args.n,
    )


if __name__ == "__main__":
    main()
