"""Helpers for running the console programs in tests/console_app.py as subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

import pytest

APP = Path(__file__).with_name("console_app.py")


def app_command(*args: str) -> list[str]:
    """The command line that runs console_app.py with ``args``."""
    return [sys.executable, str(APP), *args]


def child_env() -> dict[str, str]:
    """An environment with UTF-8, buffered standard streams, as users usually have them."""
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    # Unbuffered output would hide the exit-time flush of a closed stdout.
    env.pop("PYTHONUNBUFFERED", None)
    env.pop("PYTHONWARNINGS", None)
    return env


def run_app(*args: str, stdin: bytes = b"", timeout: float = 20) -> subprocess.CompletedProcess:
    """Run console_app.py with ``stdin`` piped in; capture stdout and stderr as bytes."""
    return subprocess.run(
        app_command(*args),
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=child_env(),
        check=False,
    )


def close_stdout_after_first_line(
    mode: str, chunks: Iterable[bytes], close_stdin: bool = True
) -> tuple[bytes, int, bytes]:
    """Run console_app.py ``mode``, feed it ``chunks`` from a thread, and close its stdout
    after the first line, as ``| head -1`` does. Returns (first line, exit code, stderr).
    """
    proc = subprocess.Popen(
        app_command(mode),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )

    def feed() -> None:  # bounded by ``chunks``; stops early once the program has gone
        try:
            for chunk in chunks:
                proc.stdin.write(chunk)
            if close_stdin:
                proc.stdin.close()
        except (BrokenPipeError, ValueError, OSError):
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        first = proc.stdout.readline()
        proc.stdout.close()
        returncode = proc.wait(timeout=20)
    finally:
        proc.kill()
    feeder.join(timeout=5)
    stderr = proc.stderr.read()
    proc.stderr.close()
    return first, returncode, stderr


@pytest.fixture
def app():
    """The run_app helper, as a fixture."""
    return run_app
