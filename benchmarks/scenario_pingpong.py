"""Scenario (d): ping-pong between two components, with and without 100 000 idle ones.

Ping sends a number to Pong, Pong sends it back; one round trip is both hops.
After an untimed warm-up, the scenario plays three times in one process:
with no other components, with ``--idle`` components that have run once and
are paused waiting on "control", and with none again. Only the round trips
are timed (creating the idle components and shutting them down is not).

Metrics: round trips per second without idle components (the mean of the two
rounds that bracket the idle one, so a drift in machine speed does not bias
the ratio), with them, and the ratio (with / without; 1.0 means idle
components cost nothing). The asyncio equivalent parks the idle tasks on
``asyncio.Queue.get()``.

Run alone: ``python benchmarks/scenario_pingpong.py --impl axon --n 100000 --idle 100000``.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from _common import check_positive, emit, fail, make_parser

NAME = "pingpong"
# Timeslices Ping gives away before it starts the clock, so every idle component
# has had its first run and paused by then.
WARMUP_YIELDS = 10
_END = object()


@contextmanager
def _untimed_setup() -> Iterator[None]:
    """Build many objects quickly: no cyclic GC while building, one full collection after.

    Setup is not measured; collecting once at the end keeps a deferred full
    collection from landing inside the timed round trips.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def _ping_class() -> Any:
    """Build the Ping component class (Axon is imported only for ``--impl axon``)."""
    from Axon.Component import component
    from Axon.Ipc import shutdownMicroprocess

    class Ping(component):
        """Sends ``rounds`` numbers one at a time, each after the previous one came back."""

        Outboxes = {
            "outbox": "numbers for Pong",
            "signal": "shutdownMicroprocess for Pong when done",
            "stop_idlers": "shutdownMicroprocess for the first idle component when done",
        }

        def __init__(self, rounds: int) -> None:
            super().__init__()
            self.rounds = rounds
            self.returned = 0
            self.seconds = 0.0

        def main(self) -> Any:
            for _ in range(WARMUP_YIELDS):
                yield 1
            start = time.perf_counter()
            for number in range(self.rounds):
                self.send(number, "outbox")
                while not self.dataReady("inbox"):
                    self.pause()
                    yield 1
                self.recv("inbox")
                self.returned += 1
            self.seconds = time.perf_counter() - start
            self.send(shutdownMicroprocess(), "signal")
            self.send(shutdownMicroprocess(), "stop_idlers")

    return Ping


def run_axon(rounds: int, idle: int) -> tuple[int, float]:
    """Play ``rounds`` round trips beside ``idle`` paused components; return (trips, seconds)."""
    from _axon_parts import Forwarder, Idler, link_shutdown_tree, run_all

    with _untimed_setup():
        ping = _ping_class()(rounds)
        pong = Forwarder()
        ping.link((ping, "outbox"), (pong, "inbox"))
        ping.link((ping, "signal"), (pong, "control"))
        pong.link((pong, "outbox"), (ping, "inbox"))
        idlers = [Idler() for _ in range(idle)]
        if idlers:
            # Afterwards Ping starts their shutdown, which spreads down a tree
            # of signal -> control links; none of that is timed.
            link_shutdown_tree(idlers)
            ping.link((ping, "stop_idlers"), (idlers[0], "control"))
    run_all([*idlers, ping, pong])
    return ping.returned, ping.seconds


async def _ping(to_pong: asyncio.Queue, from_pong: asyncio.Queue, rounds: int) -> float:
    for _ in range(WARMUP_YIELDS):
        await asyncio.sleep(0)
    start = time.perf_counter()
    for number in range(rounds):
        to_pong.put_nowait(number)
        await from_pong.get()
    seconds = time.perf_counter() - start
    to_pong.put_nowait(_END)
    return seconds


async def _pong(inbox: asyncio.Queue, out: asyncio.Queue) -> None:
    while True:
        item = await inbox.get()
        if item is _END:
            return
        out.put_nowait(item)


async def _asyncio_main(rounds: int, idle: int) -> tuple[int, float]:
    with _untimed_setup():
        idle_queues: list[asyncio.Queue] = [asyncio.Queue() for _ in range(idle)]
        idlers = [asyncio.create_task(queue.get()) for queue in idle_queues]
    to_pong: asyncio.Queue = asyncio.Queue()
    from_pong: asyncio.Queue = asyncio.Queue()
    pong = asyncio.create_task(_pong(to_pong, from_pong))
    seconds = await _ping(to_pong, from_pong, rounds)
    for queue in idle_queues:
        queue.put_nowait(_END)
    await asyncio.gather(pong, *idlers)
    return rounds, seconds


def main() -> None:
    """Parse the options, play the three timed rounds once and print the metrics."""
    parser = make_parser(__doc__.splitlines()[0], default_n=100_000)
    parser.add_argument("--idle", type=int, default=100_000, help="idle components")
    args = parser.parse_args()
    check_positive(parser, n=args.n, idle=args.idle)

    def play(rounds: int, idle: int) -> tuple[int, float]:
        if args.impl == "axon":
            return run_axon(rounds, idle)
        return asyncio.run(_asyncio_main(rounds, idle))

    # An untimed warm-up, so the first timed round does not also pay for
    # first-use costs (imports, caches, the interpreter's specialisation).
    play(max(args.n // 10, 1), 0)
    rates = []
    for idle in (0, args.idle, 0):
        trips, seconds = play(args.n, idle)
        if trips != args.n:
            fail(NAME, f"{trips} of {args.n} round trips came back (idle={idle})")
        rates.append(args.n / seconds)
    no_idle = (rates[0] + rates[2]) / 2
    emit(
        args.impl,
        NAME,
        n=args.n,
        idle=args.idle,
        trips_per_s_no_idle=no_idle,
        trips_per_s_idle=rates[1],
        idle_ratio=rates[1] / no_idle,
    )


if __name__ == "__main__":
    main()
