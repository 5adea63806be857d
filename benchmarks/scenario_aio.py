"""Scenario: Kamaelia inside asyncio (``Axon.aio``) against standalone Kamaelia and plain asyncio.

``--mode pipeline`` and ``--mode pingpong`` play the pipeline (source, 8
forwarders, sink) and ping-pong scenarios standalone and inside an asyncio
loop, alternately in one process, and report both rates and their ratio
(inside / standalone). ``--mode boundary`` sends ``n`` messages from one
asyncio task through a forwarding component to another task
(``AsyncHandle.put`` -> Forwarder -> ``AsyncHandle.get``), unbounded and with
the inbox limited to 64; the asyncio equivalent is ``asyncio.Queue`` between
two tasks (unbounded, and ``maxsize=64``). ``--mode idle`` measures the CPU a
system whose components are all paused costs inside the loop (asyncio: a task
parked on ``Queue.get()``).

Run alone: ``python benchmarks/scenario_aio.py --impl axon --mode boundary --n 200000``.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from _common import check_positive, emit, make_parser

NAME = "aio"
FORWARDERS = 8
BOUND = 64
IDLE_WINDOW = 1.0
ROUNDS = 3  # each of standalone and inside asyncio, alternately


def _pipeline(n: int) -> list[Any]:
    from _axon_parts import Forwarder, Sink, Source, link_chain

    chain = [Source(n, 64), *(Forwarder() for _ in range(FORWARDERS)), Sink()]
    link_chain(chain)
    return chain


def _pingpong(n: int) -> list[Any]:
    from _axon_parts import Forwarder
    from scenario_pingpong import _ping_class

    ping, pong = _ping_class()(n), Forwarder()
    ping.link((ping, "outbox"), (pong, "inbox"))
    ping.link((ping, "signal"), (pong, "control"))
    pong.link((pong, "outbox"), (ping, "inbox"))
    return [ping, pong]


def _play(build: Any, n: int, inside: bool) -> float:
    """Run one freshly built system standalone or inside asyncio; return its wall time."""
    from Axon import aio
    from Axon.Scheduler import scheduler

    system = build(n)
    start = time.perf_counter()
    if inside:
        asyncio.run(aio.run(*system))
    else:
        sched = scheduler()
        for each in system:
            each.activate(Scheduler=sched)
        sched.runThreads()
    return time.perf_counter() - start


def compare(build: Any, n: int, per_run: int) -> dict[str, float]:
    """Alternate standalone and inside-asyncio runs; rates are ``per_run`` / the mean time."""
    _play(build, max(n // 10, 1), True)  # warm-up, untimed
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(ROUNDS):
        for inside in (False, True):
            times[inside].append(_play(build, n, inside))
    standalone = per_run / (sum(times[False]) / ROUNDS)
    inside = per_run / (sum(times[True]) / ROUNDS)
    return {
        "per_s_standalone": standalone,
        "per_s_in_asyncio": inside,
        "ratio": inside / standalone,
    }


async def _axon_boundary(n: int, bound: int | None) -> float:
    from _axon_parts import Forwarder
    from Axon import aio

    forwarder = Forwarder()
    if bound:
        forwarder.setInboxSize("inbox", bound)
    async with aio.AsyncHandle(forwarder) as handle:

        async def produce() -> None:
            for number in range(n):
                await handle.put(number)

        async def consume() -> None:
            for _ in range(n):
                await handle.get()

        start = time.perf_counter()
        await asyncio.gather(produce(), consume())
        return time.perf_counter() - start


async def _queue_boundary(n: int, bound: int | None) -> float:
    queue: asyncio.Queue[int] = asyncio.Queue(bound or 0)

    async def produce() -> None:
        for number in range(n):
            await queue.put(number)

    async def consume() -> None:
        for _ in range(n):
            await queue.get()

    start = time.perf_counter()
    await asyncio.gather(produce(), consume())
    return time.perf_counter() - start


def boundary(impl: str, n: int) -> dict[str, float]:
    play = _axon_boundary if impl == "axon" else _queue_boundary
    asyncio.run(play(max(n // 10, 1), None))  # warm-up, untimed
    return {
        "msgs_per_s": n / asyncio.run(play(n, None)),
        "msgs_per_s_bounded": n / asyncio.run(play(n, BOUND)),
    }


async def _idle_cpu(impl: str) -> float:
    """CPU ms per second spent while everything waits, measured over IDLE_WINDOW."""
    if impl == "axon":
        from _axon_parts import Idler
        from Axon import aio

        idlers = [Idler() for _ in range(100)]
        task = asyncio.ensure_future(aio.run(*idlers))
    else:
        queue: asyncio.Queue[int] = asyncio.Queue()
        task = asyncio.ensure_future(queue.get())
    await asyncio.sleep(0.1)  # everything has started and paused
    cpu = time.process_time()
    await asyncio.sleep(IDLE_WINDOW)
    spent = time.process_time() - cpu
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return spent * 1000 / IDLE_WINDOW


def main() -> None:
    parser = make_parser(__doc__.splitlines()[0], default_n=200_000)
    parser.add_argument(
        "--mode", choices=("pipeline", "pingpong", "boundary", "idle"), default="boundary"
    )
    args = parser.parse_args()
    check_positive(parser, n=args.n)
    if args.mode == "pipeline":
        metrics = compare(_pipeline, args.n, args.n * (FORWARDERS + 1))
    elif args.mode == "pingpong":
        metrics = compare(_pingpong, args.n, args.n)
    elif args.mode == "boundary":
        metrics = boundary(args.impl, args.n)
    else:
        metrics = {"idle_cpu_ms_per_s": asyncio.run(_idle_cpu(args.impl))}
    emit(args.impl, f"{NAME}_{args.mode}", n=args.n, **metrics)


if __name__ == "__main__":
    main()
