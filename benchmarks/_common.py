"""Helpers shared by the scenario scripts: arguments, timing, memory, output.

Every scenario script prints exactly one JSON line of metrics on stdout (the
orchestrator reads the last line that starts with ``{``). This module must
import on the reference Kamaelia 1.14.32 interpreter too, so it uses the
standard library only and nothing newer than Python 3.10.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

#: Implementations a scenario script can run. "axon" runs the same code on
#: whichever Axon is importable (Kamaelia 1.14.32 or Kamaelia 2).
IMPLS = ("axon", "asyncio")


def make_parser(description: str, default_n: int) -> argparse.ArgumentParser:
    """Return a parser with the options every scenario script accepts."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--impl", choices=IMPLS, default="axon", help="implementation to run (default: axon)"
    )
    parser.add_argument(
        "--n", type=int, default=default_n, help=f"problem size (default: {default_n})"
    )
    return parser


def check_positive(parser: argparse.ArgumentParser, **values: int) -> None:
    """Exit with a usage error when any named option is not a positive number."""
    for name, value in values.items():
        if value <= 0:
            parser.error(f"--{name} must be a positive number, got {value}")


def peak_rss_bytes() -> int:
    """Peak resident set size of this process so far, in bytes.

    ``ru_maxrss`` is in kilobytes on Linux and in bytes on macOS.
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def axon_flavour() -> str:
    """Name and version of the importable Axon, e.g. ``kamaelia-axon 1.14.32``."""
    from importlib import metadata

    try:
        return "kamaelia-axon " + metadata.version("kamaelia-axon")
    except metadata.PackageNotFoundError:
        return "kamaelia-axon (unknown version)"


def emit(impl: str, scenario: str, **metrics: Any) -> None:
    """Print the scenario's metrics as one JSON line and flush."""
    record: dict[str, Any] = {"scenario": scenario, "impl": impl}
    if impl == "axon":
        record["axon"] = axon_flavour()
    record.update(metrics)
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def timed(func: Callable[[], Any]) -> float:
    """Run ``func`` once and return the wall time it took, in seconds."""
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def fail(scenario: str, message: str) -> None:
    """Report a scenario whose result is wrong (not merely slow) and exit 1."""
    sys.stderr.write(f"{scenario}: {message}\n")
    raise SystemExit(1)
