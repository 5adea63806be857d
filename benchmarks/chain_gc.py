"""Where the 100k chain's time goes: each phase, and the cyclic GC's share of it.

Builds the chain of ``scenario_chain.py`` in phases (create the components,
link them, run them until every one has ended) and, through ``gc.callbacks``,
times every collection the interpreter makes meanwhile, by generation. With
``--no-gc`` the collector is off, which shows what the same work costs
without it. ``--impl asyncio`` times the asyncio chain as a whole (its tasks
are created, linked and run in one go).

Run: ``python benchmarks/chain_gc.py [--impl axon|asyncio] [--n 100000] [--no-gc]``
(with the packages installed, or ``PYTHONPATH=packages/axon/src``). Prints
one JSON line: µs per component for each phase, and per generation the
number of collections and the µs per component they took.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

from _common import check_positive, emit, make_parser


class _CollectionTimer:
    """Counts and times the collections of each generation (a ``gc.callbacks`` entry)."""

    def __init__(self) -> None:
        self.count = [0, 0, 0]
        self.seconds = [0.0, 0.0, 0.0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            generation = info["generation"]
            self.count[generation] += 1
            self.seconds[generation] += time.perf_counter() - self._started


def _phases_axon(n: int) -> list[tuple[str, Callable[[], Any]]]:
    from _axon_parts import Forwarder, Sink, Source, link_chain, run_all

    chain: list[Any] = []

    def create() -> None:
        chain.extend([Source(1, 1), *(Forwarder() for _ in range(n - 2)), Sink()])

    return [
        ("create", create),
        ("link", lambda: link_chain(chain)),
        ("run", lambda: run_all(chain)),
    ]


def _phases_asyncio(n: int) -> list[tuple[str, Callable[[], Any]]]:
    from scenario_chain import run_asyncio

    return [("create_link_run", lambda: run_asyncio(n))]


def main() -> None:
    """Parse the options, time each phase and the collections in it, print one JSON line."""
    parser = make_parser(__doc__.splitlines()[0], default_n=100_000)
    parser.add_argument("--no-gc", action="store_true", help="turn the cyclic collector off")
    args = parser.parse_args()
    check_positive(parser, n=args.n)
    phases = (_phases_axon if args.impl == "axon" else _phases_asyncio)(args.n)
    gc.collect()
    if args.no_gc:
        gc.disable()
    timer = _CollectionTimer()
    gc.callbacks.append(timer)
    per_component = 1e6 / args.n
    metrics: dict[str, Any] = {}
    total = 0.0
    for name, work in phases:
        started = time.perf_counter()
        work()
        seconds = time.perf_counter() - started
        total += seconds
        metrics[f"{name}_us"] = seconds * per_component
    gc.callbacks.remove(timer)
    metrics["total_us"] = total * per_component
    for generation in range(3):
        metrics[f"gen{generation}_collections"] = timer.count[generation]
        metrics[f"gen{generation}_us"] = timer.seconds[generation] * per_component
    emit(args.impl, "chain_gc", n=args.n, gc_enabled=not args.no_gc, **metrics)


if __name__ == "__main__":
    main()
