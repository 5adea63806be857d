"""Run the original Kamaelia 1.x unit tests against the installed packages.

    python tools/upstream_tests.py TESTS_DIR [pytest arguments]

``TESTS_DIR`` is ``Tests/Python`` from a checkout of the original Kamaelia
repository; nothing is fetched. The suite is Python 2 code, so it is copied to
a temporary folder and converted the way the 1.x catalogue describes: lib2to3
(which needs Python 3.12 or older), then ``self.__super.x(`` becomes
``super().x(``. Axon's ``debug.conf`` is left out of the copy (1.x itself cannot
import with it present on Python 3). Then pytest runs the ``Axon`` and
``Kamaelia/Chassis`` folders, each as its own run, and the pass counts are
printed. Which failures are expected, and why, is listed on the
"Differences from Kamaelia 1.x" page of the documentation.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SUITES = ("Axon", "Kamaelia/Chassis")
_SUPER = re.compile(r"self\.__super\.(\w+)\(")
_COUNTS = re.compile(r"(\d+) (passed|failed|error|errors)")


def convert(source: Path, target: Path) -> None:
    shutil.copytree(source, target)
    for conf in target.rglob("debug.conf"):
        conf.unlink()
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-m", "lib2to3", "-w", "-n", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"lib2to3 failed (it needs Python 3.12 or older):\n{done.stderr[-2000:]}")
    for path in target.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(_SUPER.sub(r"super().\1(", text), encoding="utf-8")


def run_suite(folder: Path, extra: list[str]) -> tuple[int, int, str]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--timeout",
            "15",
            *extra,
            ".",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    tail = done.stdout.strip().splitlines()
    counts = {kind: int(n) for n, kind in _COUNTS.findall(tail[-1] if tail else "")}
    passed = counts.get("passed", 0)
    total = passed + counts.get("failed", 0) + counts.get("error", 0) + counts.get("errors", 0)
    failures = "\n".join(line for line in tail if line.startswith(("FAILED", "ERROR")))
    return passed, total, failures


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    source = Path(argv[0]).resolve()
    if not (source / "Axon").is_dir():
        sys.exit(f"{source} has no Axon folder: expected Tests/Python of the 1.x repository")
    with tempfile.TemporaryDirectory(prefix="kamaelia-1x-tests-") as tmp:
        target = Path(tmp) / "Python"
        convert(source, target)
        for suite in SUITES:
            passed, total, failures = run_suite(target / suite, argv[1:])
            print(f"## {suite}: {passed}/{total} passed")
            if failures:
                print(failures)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
