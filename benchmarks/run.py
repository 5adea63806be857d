"""Run the benchmark scenarios on Kamaelia 2, Kamaelia 1.14.32, asyncio and the limit; print a table.

Usage: ``python benchmarks/run.py [--quick] [--runs N] [--only a,b] [--impls x,y]``
(``nox -s bench -- ARGS`` installs every package of this repository first).

Kamaelia 2 and asyncio run in the interpreter running this script; Kamaelia
1.14.32 runs in a separate Python 3.11 venv that is created on first use (see
``legacy.py``). Every run of every scenario for every implementation is a
fresh subprocess started in an empty temporary directory. The "limit" column
is the yardstick of what plain CPython reaches with Axon's API shape
(``cpython_limit.py`` of bench-limit, which lives outside this repository: give
it with ``--limit-script``; without it that column says "no script"), run in
the same rounds. The table shows the median of each metric over the runs and
the ratios of kamaelia2 to each other column. Progress goes to stderr; the
table, then the same table as markdown, go to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import legacy
from registry import IMPLEMENTATION_NAMES, IMPLEMENTATIONS, SCENARIOS, Scenario, find
from report import render_markdown, render_text

HERE = Path(__file__).resolve().parent
DEFAULT_RUNS = 5
#: Where the yardstick sits beside a checkout on the machines this was built on.
DEFAULT_LIMIT_SCRIPT = HERE.parent.parent / "shared" / "bench-limit" / "cpython_limit.py"


@dataclass
class Outcome:
    """Everything measured for one scenario and one implementation."""

    runs: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: str = ""

    def median(self, key: str) -> float | None:
        """Median of ``key`` over the successful runs, or None when there are none."""
        values = [run[key] for run in self.runs if key in run]
        return statistics.median(values) if values else None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke check")
    parser.add_argument(
        "--runs",
        type=int,
        help=f"runs per scenario and implementation (default {DEFAULT_RUNS}, "
        "1 with --quick); the table shows medians",
    )
    parser.add_argument(
        "--only", help="comma-separated scenarios: " + ",".join(s.name for s in SCENARIOS)
    )
    parser.add_argument(
        "--impls",
        default=",".join(IMPLEMENTATION_NAMES),
        help="comma-separated implementations (default: %(default)s)",
    )
    parser.add_argument(
        "--legacy-venv",
        type=Path,
        default=HERE / ".legacy-venv",
        help="venv for Kamaelia 1.14.32, created if missing (default: %(default)s)",
    )
    parser.add_argument("--legacy-python", help="Python 3.11 used to create the legacy venv")
    parser.add_argument(
        "--limit-script",
        type=Path,
        default=DEFAULT_LIMIT_SCRIPT,
        help="bench-limit's cpython_limit.py, for the 'limit' column (default: %(default)s)",
    )
    parser.add_argument("--json", type=Path, help="also write every run's metrics to this file")
    args = parser.parse_args(argv)
    if args.runs is None:
        args.runs = 1 if args.quick else DEFAULT_RUNS
    if args.runs < 1:
        parser.error(f"--runs must be at least 1, got {args.runs}")
    args.impls = [name.strip() for name in args.impls.split(",") if name.strip()]
    unknown = [name for name in args.impls if name not in IMPLEMENTATION_NAMES]
    if unknown or not args.impls:
        parser.error(f"--impls: unknown {unknown}; choose from {', '.join(IMPLEMENTATION_NAMES)}")
    try:
        names = args.only.split(",") if args.only else [s.name for s in SCENARIOS]
        args.scenarios = find([name.strip() for name in names if name.strip()])
    except ValueError as error:
        parser.error(f"--only: {error}")
    return args


def installed_version(distribution: str) -> str | None:
    """Version of ``distribution`` in this interpreter, or None if it is not installed."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def check_kamaelia2() -> str:
    """Version of Kamaelia 2's axon here; exit with advice if this is not Kamaelia 2."""
    version = installed_version("kamaelia-axon")
    if version is None or not version.startswith("2."):
        found = f"kamaelia-axon {version}" if version else "no kamaelia-axon"
        sys.exit(
            f"run.py: this interpreter ({sys.executable}) has {found}, not Kamaelia 2. "
            "Install the packages (pip install packages/axon ...) or use `nox -s bench`, "
            "or pass --impls kamaelia1,asyncio to leave Kamaelia 2 out."
        )
    return version


def _limit_record(scenario: Scenario, stdout: str) -> dict[str, Any]:
    """The limit script's ``RESULT name=value ...`` lines, under this scenario's metric keys."""
    printed = {}
    for line in stdout.splitlines():
        if line.startswith("RESULT "):
            name, _, value = line.split()[1].partition("=")
            printed[name] = float(value)
    return {key: printed[name] for key, name in scenario.limit_results.items() if name in printed}


def run_once(
    python: str, scenario: Scenario, impl: str, args: argparse.Namespace
) -> dict[str, Any]:
    """Run one scenario script once in a fresh process; return its metrics.

    Raises RuntimeError with the script's stderr tail when it fails or prints
    no metrics.
    """
    argv = (scenario.quick_args if args.quick else scenario.args)[impl]
    script = args.limit_script if impl == "limit" else HERE / scenario.script
    command = [python, str(script), *argv]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # An empty working directory: Kamaelia 1.x reads ./debug.conf at import.
    with tempfile.TemporaryDirectory(prefix="kamaelia-bench-") as cwd:
        try:
            done = subprocess.run(
                command,
                cwd=cwd,
                env=env,
                capture_output=True,
                text=True,
                timeout=scenario.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise RuntimeError(
                f"timed out after {scenario.timeout:.0f} s: {shlex.join(command)}"
            ) from error
    if impl == "limit":
        record = _limit_record(scenario, done.stdout)
        expected = list(scenario.limit_results)
    else:
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        record = json.loads(lines[-1]) if lines else {}
        expected = [m.key for m in scenario.metrics]
    if done.returncode != 0 or not record:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"exit {done.returncode}: {shlex.join(command)}\n{tail}")
    missing = [key for key in expected if key not in record]
    if missing:
        raise RuntimeError(f"{script.name} printed no {', '.join(missing)}: {done.stdout[-300:]}")
    return record


def run_scenario(
    scenario: Scenario, pythons: dict[str, str], args: argparse.Namespace
) -> dict[str, Outcome]:
    """All runs of one scenario, alternating implementations within each round."""
    outcomes = {impl: Outcome() for impl in args.impls}
    for impl in args.impls:
        if impl not in scenario.args:
            outcomes[impl].skipped = "no implementation"
        elif impl == "kamaelia2":
            missing = [d for d in scenario.requires if installed_version(d) is None]
            if missing:
                outcomes[impl].skipped = f"needs {', '.join(missing)}"
        elif impl == "limit" and not args.limit_script.is_file():
            outcomes[impl].skipped = "no script"
    for round_number in range(1, args.runs + 1):
        for impl, outcome in outcomes.items():
            if outcome.skipped:
                continue
            started = time.perf_counter()
            try:
                outcome.runs.append(run_once(pythons[impl], scenario, impl, args))
                status = "ok"
            except RuntimeError as error:
                outcome.errors.append(str(error))
                status = f"FAILED\n{error}"
            took = time.perf_counter() - started
            print(
                f"  {scenario.name:<10} {impl:<10} run {round_number}/{args.runs} "
                f"{took:6.1f} s  {status}",
                file=sys.stderr,
                flush=True,
            )
    return outcomes


def interpreters(args: argparse.Namespace) -> dict[str, str]:
    """The Python executable for each selected implementation (creating the legacy venv)."""
    pythons = {}
    for impl in IMPLEMENTATIONS:
        if impl.name not in args.impls:
            continue
        if impl.interpreter == "legacy":
            pythons[impl.name] = str(legacy.ensure_venv(args.legacy_venv, args.legacy_python))
        else:
            pythons[impl.name] = sys.executable
    return pythons


def repository_revision() -> str:
    """``git describe --always --dirty`` of this checkout, or '' when git cannot say."""
    try:
        done = subprocess.run(
            ["git", "-C", str(HERE), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def describe_machine(
    pythons: dict[str, str], args: argparse.Namespace, argv: list[str]
) -> dict[str, str]:
    """Facts printed above the table: date, command, interpreters, versions."""
    facts = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "command": "python benchmarks/run.py " + shlex.join(argv),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "runs": f"{args.runs} per scenario and implementation; cells are medians",
    }
    if "kamaelia2" in pythons:
        facts["kamaelia2"] = f"kamaelia-axon {installed_version('kamaelia-axon')}"
        revision = repository_revision()
        if revision:
            facts["kamaelia2"] += f" (repository at {revision})"
    if "kamaelia1" in pythons:
        facts["kamaelia1"] = legacy.describe(Path(pythons["kamaelia1"]))
    if "limit" in pythons:
        found = args.limit_script.is_file()
        facts["limit"] = str(args.limit_script) + ("" if found else " (not found: column skipped)")
    return facts


def publish(
    args: argparse.Namespace, results: dict[str, dict[str, Outcome]], facts: dict[str, str]
) -> None:
    """Print the text and markdown tables; write the raw runs to ``--json`` if asked."""
    medians = {
        scenario.name: {
            impl: {m.key: outcome.median(m.key) for m in scenario.metrics}
            for impl, outcome in results[scenario.name].items()
        }
        for scenario in args.scenarios
    }
    notes = {
        name: {impl: o.skipped for impl, o in outcomes.items() if o.skipped}
        for name, outcomes in results.items()
    }
    print(render_text(args.scenarios, args.impls, medians, notes, facts))
    print()
    print(render_markdown(args.scenarios, args.impls, medians, notes, facts, args.quick))
    if args.json:
        raw = {
            name: {
                impl: {"runs": o.runs, "errors": o.errors, "skipped": o.skipped}
                for impl, o in outcomes.items()
            }
            for name, outcomes in results.items()
        }
        args.json.write_text(json.dumps({"facts": facts, "results": raw}, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the selected scenarios and print the results; exit status 1 if any run failed."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if "kamaelia2" in args.impls:
        check_kamaelia2()
    pythons = interpreters(args)
    facts = describe_machine(pythons, args, argv)
    results: dict[str, dict[str, Outcome]] = {}
    for scenario in args.scenarios:
        print(f"{scenario.name}: {scenario.summary}", file=sys.stderr, flush=True)
        results[scenario.name] = run_scenario(scenario, pythons, args)
    publish(args, results, facts)
    failures = sum(len(o.errors) for outcomes in results.values() for o in outcomes.values())
    if failures:
        print(f"run.py: {failures} run(s) failed; see the messages above", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
