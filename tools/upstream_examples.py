"""Run the original Kamaelia 1.x example programs the way a 1.x user would.

    python tools/upstream_examples.py EXAMPLES_DIR [--python PY] [--seconds 8] [--json FILE]

``EXAMPLES_DIR`` is ``Code/Python/Kamaelia/Examples`` from a checkout of the
original Kamaelia repository; nothing is fetched. Every ``*.py`` under it
(except ``__init__.py``) is started as ``PY Example.py`` with its own folder as
the working directory, standard input closed, ``SDL_VIDEODRIVER=dummy`` and,
where ``unshare`` works (root on Linux), in a network namespace that has only
loopback. After ``--seconds`` a program still running is stopped and counted
as *serving*: servers, GUIs and players never end by themselves.

Each program is reported as ``ok`` (exit 0), ``serving`` (still running), or
``failed`` with the last line of its error output (usually the exception).
The table is printed as Markdown; ``--json`` also writes the results, and
``--compare FILE`` adds the column of an earlier ``--json`` run (for example
one made with Kamaelia 1.14.32's interpreter) and lists the programs that run
there but not here.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

OK, SERVING, FAILED = "ok", "serving", "failed"
RUNS = (OK, SERVING)


@dataclass
class Result:
    example: str  # path relative to the examples folder, with "/" separators
    outcome: str  # OK, SERVING or FAILED
    detail: str  # last line of stderr for a failure, else ""


def _sandbox_prefix() -> list[str]:
    """A command prefix that gives the program a network namespace with loopback only."""
    unshare = shutil.which("unshare")
    if unshare is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    probe = subprocess.run([unshare, "--net", "true"], capture_output=True, timeout=30, check=False)
    if probe.returncode != 0:
        return []
    # `ip link set lo up` needs iproute2; without it loopback stays down, so say so.
    if shutil.which("ip") is None:
        return []
    return [unshare, "--net", "sh", "-c", 'ip link set lo up && exec "$0" "$@"']


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def run_one(python: str, script: Path, root: Path, seconds: float, prefix: list[str]) -> Result:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("DISPLAY", None)
    name = script.relative_to(root).as_posix()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            [*prefix, python, script.name],
            cwd=script.parent,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            start_new_session=True,  # so the whole group (children too) can be stopped
        )
        try:
            code = process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return Result(name, SERVING, "")
        err.seek(0)
        message = _last_line(err.read().decode("utf-8", "replace"))
    if code == 0:
        return Result(name, OK, "")
    return Result(name, FAILED, message or f"exit status {code}")


def find_examples(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if p.name != "__init__.py")


def markdown(results: list[Result], earlier: dict[str, Result] | None) -> str:
    header = (
        "| example | here | detail |"
        if earlier is None
        else "| example | here | reference | detail |"
    )
    rule = "|---|---|---|" if earlier is None else "|---|---|---|---|"
    rows = [header, rule]
    for r in results:
        cells = [f"`{r.example}`", r.outcome]
        if earlier is not None:
            cells.append(earlier[r.example].outcome if r.example in earlier else "-")
        cells.append(r.detail.replace("|", "\\|"))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def summary(results: list[Result], earlier: dict[str, Result] | None) -> list[str]:
    running = [r for r in results if r.outcome in RUNS]
    lines = [f"{len(running)} of {len(results)} examples run here"]
    if earlier is not None:
        ran_there = {n for n, r in earlier.items() if r.outcome in RUNS}
        ran_here = {r.example for r in running}
        lines.append(
            f"{len(ran_there)} run on the reference; {len(ran_there & ran_here)} of those run here"
        )
        lines += [f"runs on the reference, not here: {n}" for n in sorted(ran_there - ran_here)]
        lines += [f"runs here, not on the reference: {n}" for n in sorted(ran_here - ran_there)]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("examples", type=Path, help="Code/Python/Kamaelia/Examples of 1.x")
    parser.add_argument("--python", default=sys.executable, help="interpreter to run them with")
    parser.add_argument("--seconds", type=float, default=8.0, help="time each one gets")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--compare", type=Path, help="an earlier --json run to compare with")
    parser.add_argument("--only", nargs="*", default=[], help="run only examples containing these")
    args = parser.parse_args(argv)
    root = args.examples.resolve()
    if not root.is_dir():
        parser.error(f"{root} is not a folder (expected Code/Python/Kamaelia/Examples)")
    earlier = None
    if args.compare:
        earlier = {d["example"]: Result(**d) for d in json.loads(args.compare.read_text())}
    prefix = _sandbox_prefix()
    if not prefix:
        print(
            "note: no network namespace (needs root and unshare); loopback rules by trust",
            file=sys.stderr,
        )
    scripts = [
        s for s in find_examples(root) if not args.only or any(o in str(s) for o in args.only)
    ]
    results = []
    for script in scripts:
        result = run_one(args.python, script, root, args.seconds, prefix)
        print(f"{result.outcome:8} {result.example} {result.detail}", file=sys.stderr, flush=True)
        results.append(result)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1))
    print(markdown(results, earlier))
    print()
    for line in summary(results, earlier):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
