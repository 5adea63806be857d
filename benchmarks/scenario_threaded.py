"""Scenario (e): a threadedcomponent producer feeding an ordinary consumer component.

The producer's ``main()`` runs in its own thread. It first waits on a gate, so
for a 1 s window every component is paused or blocked on a thread; a watcher
thread measures the process CPU time (``time.process_time``) used in that
window. Then it opens the gate and the producer sends ``n`` items.

Metrics: messages per second (gate opened to last item received) and idle CPU
in milliseconds per second of the window (0 means the scheduler blocks instead
of polling). The asyncio equivalent is a thread feeding an ``asyncio.Queue``
through ``loop.call_soon_threadsafe``.

Run alone: ``python benchmarks/scenario_threaded.py --impl axon --n 200000``.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

from _common import check_positive, emit, fail, make_parser

NAME = "threaded"
# Time for everything to settle into its idle state before the window opens.
SETTLE_SECONDS = 0.3
_END = object()


class Clock:
    """Readings shared between the watcher thread, the producer and the main thread."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.sending_from = 0.0
        self.idle_cpu = 0.0
        self.idle_wall = 0.0


def watch_idle(clock: Clock, window: float) -> None:
    """Measure CPU time used during ``window`` seconds of idleness, then open the gate."""
    time.sleep(SETTLE_SECONDS)
    cpu, wall = time.process_time(), time.perf_counter()
    time.sleep(window)
    clock.idle_cpu = time.process_time() - cpu
    clock.idle_wall = time.perf_counter() - wall
    clock.gate.set()


def start_watcher(clock: Clock, window: float) -> threading.Thread:
    """Start the idle-window watcher as a daemon thread."""
    watcher = threading.Thread(target=watch_idle, args=(clock, window), daemon=True)
    watcher.start()
    return watcher


def _producer_class() -> Any:
    """Build the threaded producer class (Axon is imported only for ``--impl axon``)."""
    from Axon.AxonExceptions import noSpaceInBox
    from Axon.Ipc import producerFinished
    from Axon.ThreadedComponent import threadedcomponent

    class Producer(threadedcomponent):
        """In its own thread: waits for the gate, sends 0 .. n-1, then producerFinished."""

        def __init__(self, n: int, clock: Clock) -> None:
            super().__init__()
            self.n = n
            self.clock = clock

        def main(self) -> None:
            self.clock.gate.wait()
            self.clock.sending_from = time.perf_counter()
            for i in range(self.n):
                self._put(i, "outbox")
            self._put(producerFinished(self), "signal")

        def _put(self, message: object, box: str) -> None:
            # The thread's outgoing queue is bounded; when it is full, wait
            # until the scheduler side has taken something from it.
            while True:
                try:
                    self.send(message, box)
                    return
                except noSpaceInBox:
                    self.pause(0.01)

    return Producer


def run_axon(n: int, clock: Clock) -> tuple[int, float]:
    """Run producer and consumer on Axon; return (items received, time the consumer ended)."""
    from _axon_parts import Sink, run_all

    producer = _producer_class()(n, clock)
    consumer = Sink()
    producer.link((producer, "outbox"), (consumer, "inbox"))
    producer.link((producer, "signal"), (consumer, "control"))
    run_all([producer, consumer])
    return consumer.count, consumer.finished_at


def _feed(loop: asyncio.AbstractEventLoop, queue: asyncio.Queue, n: int, clock: Clock) -> None:
    clock.gate.wait()
    clock.sending_from = time.perf_counter()
    call, put = loop.call_soon_threadsafe, queue.put_nowait
    for i in range(n):
        call(put, i)
    call(put, _END)


async def _asyncio_main(n: int, clock: Clock) -> tuple[int, float]:
    queue: asyncio.Queue = asyncio.Queue()
    feeder = threading.Thread(
        target=_feed, args=(asyncio.get_running_loop(), queue, n, clock), daemon=True
    )
    feeder.start()
    count = 0
    while (await queue.get()) is not _END:
        count += 1
    finished_at = time.perf_counter()
    feeder.join()
    return count, finished_at


def main() -> None:
    """Parse the options, run the scenario once and print its metrics."""
    parser = make_parser(__doc__.splitlines()[0], default_n=200_000)
    parser.add_argument(
        "--window", type=float, default=1.0, help="idle window in seconds (default: 1.0)"
    )
    args = parser.parse_args()
    check_positive(parser, n=args.n)
    if args.window <= 0:
        parser.error(f"--window must be a positive number of seconds, got {args.window}")
    clock = Clock()
    watcher = start_watcher(clock, args.window)
    if args.impl == "axon":
        count, finished_at = run_axon(args.n, clock)
    else:
        count, finished_at = asyncio.run(_asyncio_main(args.n, clock))
    watcher.join()
    if count != args.n:
        fail(NAME, f"consumer received {count} items, expected {args.n}")
    seconds = finished_at - clock.sending_from
    emit(
        args.impl,
        NAME,
        n=args.n,
        seconds=seconds,
        msgs_per_s=args.n / seconds,
        idle_cpu_ms_per_s=clock.idle_cpu * 1000 / clock.idle_wall,
    )


if __name__ == "__main__":
    main()
