"""The benchmark scenarios and the implementations they are compared across.

To add a scenario, write ``benchmarks/scenario_<name>.py`` (it takes ``--impl``
and prints one JSON line of metrics, see ``_common.py``) and append a
``Scenario`` to ``SCENARIOS``. ``args`` says, per implementation, which
command-line arguments a full run uses; leaving an implementation out of
``args`` shows "n/a" in its column. ``requires`` names the distributions that
must be installed beside Kamaelia 2 (for example ``kamaelia-net`` for a
networking scenario); the legacy venv always has all of Kamaelia 1.14.32.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Implementation:
    """One column of the table: which interpreter runs the scenario script."""

    name: str
    #: "current" is the interpreter running run.py (Kamaelia 2 installed);
    #: "legacy" is the Python 3.11 venv holding Kamaelia 1.14.32;
    #: "yardstick" is the current interpreter running the limit script, not ours.
    interpreter: str
    summary: str


IMPLEMENTATIONS = (
    Implementation("kamaelia2", "current", "Kamaelia 2 (this repository), current interpreter"),
    Implementation("kamaelia1", "legacy", "Kamaelia 1.14.32 from PyPI, Python 3.11 venv"),
    Implementation("asyncio", "current", "plain asyncio, current interpreter"),
    Implementation(
        "limit",
        "yardstick",
        "the Axon-shaped pure-Python limit (bench-limit's cpython_limit.py), current interpreter",
    ),
)
IMPLEMENTATION_NAMES = tuple(impl.name for impl in IMPLEMENTATIONS)
#: The ratio columns of the table: kamaelia2 divided by each of these.
RATIO_BASES = ("kamaelia1", "asyncio", "limit")


@dataclass(frozen=True)
class Metric:
    """One number a scenario reports (a key of its JSON line)."""

    key: str
    label: str
    higher_is_better: bool
    #: Format spec for the table cell, e.g. ",.0f" or ".2f".
    fmt: str = ",.0f"


@dataclass(frozen=True)
class Scenario:
    """A scenario script plus how to run it for each implementation."""

    name: str
    script: str
    summary: str
    metrics: tuple[Metric, ...]
    #: Implementation name -> arguments of a full run (~0.5-3 s each).
    args: dict[str, tuple[str, ...]]
    #: Implementation name -> arguments of a ``--quick`` smoke run.
    quick_args: dict[str, tuple[str, ...]]
    #: Distributions Kamaelia 2's run needs besides kamaelia-axon.
    requires: tuple[str, ...] = field(default=())
    #: Seconds one subprocess may take before it counts as failed.
    timeout: float = 600.0
    #: Metric key -> the ``RESULT`` name the limit script prints for it (its
    #: arguments are ``args["limit"]``); empty when the limit has no such scenario.
    limit_results: dict[str, str] = field(default_factory=dict)


def _axon(*args: str) -> tuple[str, ...]:
    return ("--impl", "axon", *args)


def _asyncio(*args: str) -> tuple[str, ...]:
    return ("--impl", "asyncio", *args)


def _per_impl(
    k2: tuple[str, ...],
    k1: tuple[str, ...],
    aio: tuple[str, ...],
    limit: tuple[str, ...] | None = None,
) -> dict:
    chosen = {"kamaelia2": _axon(*k2), "kamaelia1": _axon(*k1), "asyncio": _asyncio(*aio)}
    if limit is not None:
        chosen["limit"] = limit
    return chosen


# Kamaelia 1.14.32 is roughly 20-60x slower than the others, so it gets a
# smaller problem; every metric is a rate or a per-item cost, so they compare.
# Server CPU per unit of work first: on a shared machine it is far steadier than rates.
_ECHO_METRICS = (
    Metric("server_cpu_us_per_trip", "server CPU µs per round trip", False, ".1f"),
    Metric("trips_per_s", "round trips/s", True),
)
_BULK_METRICS = (
    Metric("server_cpu_s_per_gib", "server CPU s per GiB", False, ".2f"),
    Metric("mb_per_s", "MiB/s", True, ".0f"),
)

#: (name, summary, arguments, --quick arguments, metrics) of the TCP scenarios.
_NET_CASES = (
    (
        "net_echo_1",
        "TCP echo round trips, 1 connection (client in another process)",
        ("--mode", "echo", "--conns", "1"),
        ("--mode", "echo", "--conns", "1", "--seconds", "0.5"),
        _ECHO_METRICS,
    ),
    (
        "net_echo_50",
        "TCP echo round trips, 50 concurrent connections",
        ("--mode", "echo", "--conns", "50"),
        ("--mode", "echo", "--conns", "50", "--seconds", "0.5"),
        _ECHO_METRICS,
    ),
    (
        "net_bulk_10",
        "bulk TCP transfer through the server, 10 connections",
        ("--mode", "bulk", "--conns", "10", "--mb", "20"),
        ("--mode", "bulk", "--conns", "10", "--mb", "2"),
        _BULK_METRICS,
    ),
)

SCENARIOS: list[Scenario] = [
    Scenario(
        name="pipeline",
        script="scenario_pipeline.py",
        summary="source -> 8 forwarders -> sink, one message per send",
        metrics=(Metric("hops_per_s", "message hops/s", True),),
        args=_per_impl(
            ("--n", "300000"), ("--n", "10000"), ("--n", "200000"), ("shaped", "300000", "8", "64")
        ),
        quick_args=_per_impl(
            ("--n", "5000"), ("--n", "500"), ("--n", "5000"), ("shaped", "5000", "8", "64")
        ),
        limit_results={"hops_per_s": "pipeline_hops_per_s"},
    ),
    Scenario(
        name="pipeline_lockstep",
        script="scenario_pipeline.py",
        summary="the same chain, the source yielding after every send (one message in flight per stage)",
        metrics=(Metric("hops_per_s", "message hops/s", True),),
        args=_per_impl(
            ("--n", "100000", "--batch", "1"),
            ("--n", "5000", "--batch", "1"),
            ("--n", "100000", "--batch", "1"),
            ("shaped", "100000", "8", "1"),
        ),
        quick_args=_per_impl(
            ("--n", "2000", "--batch", "1"),
            ("--n", "300", "--batch", "1"),
            ("--n", "2000", "--batch", "1"),
            ("shaped", "2000", "8", "1"),
        ),
        limit_results={"hops_per_s": "pipeline_hops_per_s"},
    ),
    Scenario(
        name="fanout",
        script="scenario_fanout.py",
        summary="splitter -> 16 workers -> collector, round-robin",
        metrics=(Metric("msgs_per_s", "msgs/s", True),),
        args=_per_impl(("--n", "500000"), ("--n", "10000"), ("--n", "500000")),
        quick_args=_per_impl(("--n", "5000"), ("--n", "500"), ("--n", "5000")),
    ),
    Scenario(
        name="chain",
        script="scenario_chain.py",
        summary="create, run and shut down a chain of components",
        metrics=(
            Metric("us_per_component", "µs per component", False, ".2f"),
            Metric("rss_bytes_per_component", "peak RSS bytes per component", False),
        ),
        # All three at the full 100 000: the cost per component grows with the
        # count (the cyclic GC walks every live object), so a smaller n would
        # flatter Kamaelia 1.x.
        args=_per_impl(
            ("--n", "100000"), ("--n", "100000"), ("--n", "100000"), ("shaped_scale", "100000")
        ),
        quick_args=_per_impl(
            ("--n", "2000"), ("--n", "500"), ("--n", "2000"), ("shaped_scale", "2000")
        ),
        limit_results={
            "us_per_component": "scale_total_us_per_comp",
            "rss_bytes_per_component": "scale_peak_rss_bytes_per_comp",
        },
    ),
    Scenario(
        name="pingpong",
        script="scenario_pingpong.py",
        summary="ping-pong between two components, 0 and 100 000 paused others",
        metrics=(
            Metric("trips_per_s_no_idle", "round trips/s, 0 idle", True),
            Metric("trips_per_s_idle", "round trips/s, with idle", True),
            Metric("idle_ratio", "rate with idle / without", True, ".2f"),
        ),
        args=_per_impl(
            ("--n", "300000", "--idle", "100000"),
            ("--n", "5000", "--idle", "100000"),
            ("--n", "100000", "--idle", "100000"),
            ("shaped_idle", "100000", "300000"),
        ),
        quick_args=_per_impl(
            ("--n", "2000", "--idle", "1000"),
            ("--n", "200", "--idle", "1000"),
            ("--n", "2000", "--idle", "1000"),
            ("shaped_idle", "1000", "2000"),
        ),
        limit_results={"trips_per_s_idle": "idle_pingpong_rt_per_s"},
    ),
    *(
        Scenario(
            name=f"aio_{mode}",
            script="scenario_aio.py",
            summary=f"the {mode} scenario standalone and inside an asyncio loop (Axon.aio), same run",
            metrics=(
                Metric("per_s_standalone", f"{unit}/s standalone", True),
                Metric("per_s_in_asyncio", f"{unit}/s inside asyncio", True),
                Metric("ratio", "inside asyncio / standalone", True, ".2f"),
            ),
            args={"kamaelia2": _axon("--mode", mode, "--n", n)},
            quick_args={"kamaelia2": _axon("--mode", mode, "--n", "2000")},
        )
        for mode, unit, n in (("pipeline", "hops", "200000"), ("pingpong", "round trips", "100000"))
    ),
    Scenario(
        name="aio_boundary",
        script="scenario_aio.py",
        summary="asyncio task -> component -> asyncio task (AsyncHandle); asyncio: Queue between two tasks",
        metrics=(
            Metric("msgs_per_s", "msgs/s, unbounded", True),
            Metric("msgs_per_s_bounded", "msgs/s, bounded to 64", True),
        ),
        args={
            "kamaelia2": _axon("--mode", "boundary", "--n", "300000"),
            "asyncio": _asyncio("--mode", "boundary", "--n", "300000"),
        },
        quick_args={
            "kamaelia2": _axon("--mode", "boundary", "--n", "2000"),
            "asyncio": _asyncio("--mode", "boundary", "--n", "2000"),
        },
    ),
    Scenario(
        name="aio_idle",
        script="scenario_aio.py",
        summary="100 paused components inside an asyncio loop; asyncio: a task parked on Queue.get()",
        metrics=(Metric("idle_cpu_ms_per_s", "CPU ms per s while idle", False, ".2f"),),
        args={
            "kamaelia2": _axon("--mode", "idle"),
            "asyncio": _asyncio("--mode", "idle"),
        },
        quick_args={
            "kamaelia2": _axon("--mode", "idle"),
            "asyncio": _asyncio("--mode", "idle"),
        },
    ),
    Scenario(
        name="threaded",
        script="scenario_threaded.py",
        summary="threadedcomponent producer -> consumer; CPU while all idle",
        metrics=(
            Metric("msgs_per_s", "msgs/s", True),
            Metric("idle_cpu_ms_per_s", "CPU ms per s while idle", False, ".1f"),
        ),
        args=_per_impl(
            ("--n", "500000"), ("--n", "50000"), ("--n", "200000"), ("threaded", "500000")
        ),
        quick_args=_per_impl(
            ("--n", "5000", "--window", "0.2"),
            ("--n", "1000", "--window", "0.2"),
            ("--n", "5000", "--window", "0.2"),
            ("threaded", "5000"),
        ),
        limit_results={"msgs_per_s": "threaded_msgs_per_s"},
    ),
    *(
        Scenario(
            name=name,
            script="scenario_net.py",
            summary=summary,
            metrics=metrics,
            args=_per_impl(args, args, args),
            quick_args=_per_impl(quick, quick, quick),
            requires=("kamaelia-net",),
        )
        for name, summary, args, quick, metrics in _NET_CASES
    ),
    # Kamaelia 2 only: kamaelia-ray has no counterpart in 1.14.32 or plain asyncio.
    Scenario(
        name="ray_cut",
        script="scenario_ray.py",
        summary="small messages across one cut edge into a Ray actor; one-message round trips",
        metrics=(
            Metric("msgs_per_s", "msgs/s across the cut", True),
            Metric("rtt_ms", "ms per round trip, low load", False, ".2f"),
        ),
        args={"kamaelia2": _axon("--mode", "cut", "--n", "200000", "--trips", "300")},
        quick_args={"kamaelia2": _axon("--mode", "cut", "--n", "5000", "--trips", "30")},
        requires=("kamaelia-ray",),
    ),
    Scenario(
        name="ray_hash",
        script="scenario_ray.py",
        summary="sha256 of 64 KB blocks: one local worker, then 1 and 2 Ray worker actors",
        metrics=(
            Metric("local_blocks_per_s", "blocks/s, 1 local worker", True),
            Metric("ray1_blocks_per_s", "blocks/s, 1 Ray worker", True),
            Metric("ray2_blocks_per_s", "blocks/s, 2 Ray workers", True),
            Metric("speedup_2_vs_local", "2 Ray workers / 1 local", True, ".2f"),
            Metric("local_cpu_us_per_block", "driver CPU µs per block, hashing locally", False),
            Metric("ray2_driver_cpu_us_per_block", "driver CPU µs per block, shipping to 2", False),
        ),
        args={"kamaelia2": _axon("--mode", "hash", "--n", "4000", "--batch", "64")},
        quick_args={"kamaelia2": _axon("--mode", "hash", "--n", "200", "--batch", "16")},
        requires=("kamaelia-ray",),
    ),
]


# The same asyncio Protocol server on uvloop, in the asyncio column of its own rows.
SCENARIOS.extend(
    Scenario(
        name=f"{name}_uvloop",
        script="scenario_net.py",
        summary=f"{summary}; asyncio column: the same Protocol server on uvloop",
        metrics=metrics,
        args={"asyncio": _asyncio(*args, "--loop", "uvloop")},
        quick_args={"asyncio": _asyncio(*quick, "--loop", "uvloop")},
    )
    for name, summary, args, quick, metrics in _NET_CASES
    if name != "net_echo_1"
)

SCENARIOS.append(
    Scenario(
        name="net_close",
        script="scenario_netclose.py",
        summary="server CPU per closed connection, alone and beside 5,000 open ones; per connection's life",
        metrics=(
            Metric("close_cpu_us_alone", "server CPU µs per close, none open", False, ".0f"),
            Metric("close_cpu_us_crowded", "server CPU µs per close, 5,000 open", False, ".0f"),
            Metric("crowded_over_alone", "crowded / alone (1.0: flat)", False, ".2f"),
            Metric("lifecycle_cpu_us", "server CPU µs per connection: open, echo, close", False),
        ),
        # Kamaelia 1.x polls, so its server thread's CPU time says nothing about closing.
        args={
            "kamaelia2": _axon("--open", "5000", "--close", "1000", "--cycles", "1000"),
            "asyncio": _asyncio("--open", "5000", "--close", "1000", "--cycles", "1000"),
        },
        quick_args={
            "kamaelia2": _axon("--open", "500", "--close", "100", "--cycles", "100"),
            "asyncio": _asyncio("--open", "500", "--close", "100", "--cycles", "100"),
        },
        requires=("kamaelia-net",),
    )
)


def find(names: list[str]) -> list[Scenario]:
    """The scenarios called ``names`` in the given order; ValueError names unknown ones."""
    known = {scenario.name: scenario for scenario in SCENARIOS}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(
            f"unknown scenario(s) {', '.join(unknown)}; choose from {', '.join(known)}"
        )
    return [known[name] for name in names]
