"""Helpers for running the console programs in tests/console_app.py as subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
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


@pytest.fixture
def app():
    """The run_app helper, as a fixture."""
    return run_app
