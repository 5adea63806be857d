"""The front-page example with the chassis: Pipeline, `kamaelia run` and `kamaelia demo`.

Needs kamaelia-chassis (declared in the "test" extra).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import child_env, close_stdout_after_first_line, run_app

GRAPHS = Path(__file__).with_name("graphs")


def test_front_page_pipeline_echoes_until_eof():
    """The literal front-page program echoes piped lines and exits 0 at EOF."""
    result = run_app("pipeline", stdin=b"Hello\nKamaelia\n")
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout == b"Hello\nKamaelia\n"
    assert result.stderr == b""


def test_front_page_pipeline_empty_input():
    """With empty input the front-page program ends at once, silently."""
    result = run_app("pipeline", stdin=b"")
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout == b""
    assert result.stderr == b""


def test_front_page_pipeline_into_closed_pipe():
    """Piping the front-page program into a reader that closes early ends it without tracebacks."""
    data = b"".join(b"row %d\n" % i for i in range(100_000))
    first, returncode, stderr = close_stdout_after_first_line("pipeline", [data])
    assert first == b"row 0\n"
    assert returncode == 0, stderr.decode(errors="replace")
    assert stderr == b""


def kamaelia_command() -> str:
    """The `kamaelia` script installed next to this interpreter by kamaelia-chassis."""
    script = Path(sys.executable).with_name("kamaelia")
    assert script.exists(), "kamaelia-chassis (the test extra) provides the kamaelia command"
    return str(script)


def test_graph_file_runs_through_kamaelia_run():
    """The front-page system as a TOML graph file runs with `kamaelia run`."""
    result = subprocess.run(
        [kamaelia_command(), "run", str(GRAPHS / "echo.toml")],
        input=b"graph\nfile\n",
        capture_output=True,
        timeout=30,
        env=child_env(),
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout == b"graph\nfile\n"


def test_kamaelia_demo_echo():
    """`kamaelia demo echo` runs the example this package offers."""
    result = subprocess.run(
        [kamaelia_command(), "demo", "echo"],
        input=b"demo\n",
        capture_output=True,
        timeout=30,
        env=child_env(),
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout == b"demo\n"
