"""What the live inspector costs: the pipeline and ping-pong scenarios, three ways.

- **plain**: the scenario as it is (kamaelia-inspect not even imported);
- **off**: kamaelia-inspect imported, no inspector attached (a system whose
  program imports it, or runs where it is installed, but nobody watches);
- **on**: ``Kamaelia.Inspect.serve("127.0.0.1:0")`` attached to the default
  scheduler, taking a picture every 0.5 s and counting every ``send``.

Each (scenario, mode) runs ``--runs`` times in fresh processes, interleaved
(plain, off, on, plain, ...); the table shows medians and the ratios to plain:
of the scenario's own rate (wall clock), and of the CPU time the whole process
used (user + system, interpreter start included), which other jobs on a
shared machine disturb much less.
Needs kamaelia-axon, kamaelia-chassis and kamaelia-inspect installed::

    python benchmarks/inspect_cost.py --runs 7
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODES = ("plain", "off", "on")
# (label, script, arguments, the metric compared)
SCENARIOS = (
    ("pipeline", "scenario_pipeline.py", ["--n", "300000"], "hops_per_s"),
    (
        "pingpong",
        "scenario_pingpong.py",
        ["--n", "100000", "--idle", "1000"],
        "trips_per_s_no_idle",
    ),
)

# Runs the scenario script as __main__ after setting the mode up.
_WRAPPER = """
import runpy, sys
mode, script = sys.argv[1], sys.argv[2]
if mode != "plain":
    import Kamaelia.Inspect
if mode == "on":
    inspector = Kamaelia.Inspect.serve("127.0.0.1:0")
sys.argv = [script, *sys.argv[3:]]
sys.path.insert(0, sys.argv[0].rsplit("/", 1)[0])
runpy.run_path(script, run_name="__main__")
"""


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(mode: str, script: str, args: list[str]) -> dict[str, float]:
    cpu_before = _cpu_of_children()
    with tempfile.TemporaryDirectory() as empty:
        done = subprocess.run(
            [sys.executable, "-c", _WRAPPER, mode, str(HERE / script), "--impl", "axon", *args],
            capture_output=True,
            text=True,
            cwd=empty,
            env={**os.environ, "PYTHONPATH": str(HERE)},
            timeout=600,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"{script} ({mode}) failed:\n{done.stderr}")
    line = [x for x in done.stdout.splitlines() if x.startswith("{")][-1]
    return {**json.loads(line), "cpu_s": _cpu_of_children() - cpu_before}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per cell (default 5)")
    args = parser.parse_args()
    rows = []
    for label, script, script_args, metric in SCENARIOS:
        for key in (metric, "cpu_s"):
            rows.append((label, key, {mode: [] for mode in MODES}))
        rate, cpu = rows[-2][2], rows[-1][2]
        for attempt in range(args.runs):
            for mode in MODES:
                result = _run(mode, script, script_args)
                rate[mode].append(float(result[metric]))
                cpu[mode].append(float(result["cpu_s"]))
                print(
                    f"{label} {mode} run {attempt + 1}: {rate[mode][-1]:,.0f}, "
                    f"{cpu[mode][-1]:.3f} s CPU",
                    file=sys.stderr,
                )
    print("| scenario | metric | plain | inspector off | inspector on | off/plain | on/plain |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for label, key, values in rows:
        m = {mode: statistics.median(v) for mode, v in values.items()}
        fmt = "{:,.3f}" if key == "cpu_s" else "{:,.0f}"
        cells = " | ".join(fmt.format(m[mode]) for mode in MODES)
        print(
            f"| {label} | {key} | {cells} | {m['off'] / m['plain']:.3f} | {m['on'] / m['plain']:.3f} |"
        )
    for label, key, values in rows:
        spread = ", ".join(f"{mode} {min(v):,.3g}-{max(v):,.3g}" for mode, v in values.items())
        print(f"\n{label} {key} ranges: {spread}")


if __name__ == "__main__":
    main()
