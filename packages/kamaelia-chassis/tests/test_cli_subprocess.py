"""The installed `kamaelia` console script, run as a separate process."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from Kamaelia.Chassis.Registry import AUTOLOAD_ENV_VAR

SCRIPT = Path(sys.executable).parent / ("kamaelia.exe" if os.name == "nt" else "kamaelia")
POSIX_ONLY = pytest.mark.skipif(os.name == "nt", reason="sends SIGINT, which Windows lacks")


def _ctrl_c_reaches_it() -> None:
    """Run in the child before exec: give SIGINT its default action back.

    A shell that starts the tests in the background (as a CI runner may) leaves
    SIGINT ignored; children inherit that, and the Ctrl-C they are sent is lost.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def kamaelia(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != AUTOLOAD_ENV_VAR}
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=30, env=env, **kwargs
    )


def test_the_console_script_is_installed():
    """Installing kamaelia-chassis puts a `kamaelia` script next to the interpreter."""
    assert SCRIPT.is_file(), f"{SCRIPT} missing: is kamaelia-chassis installed in this environment?"


def test_installed_command_lists_the_chassis_package():
    """`kamaelia list --json` from the script finds kamaelia-chassis through its entry point."""
    done = kamaelia("list", "--json")
    assert done.returncode == 0, done.stderr
    packages = {p["distribution"]: p for p in json.loads(done.stdout)["packages"]}
    chassis = packages["kamaelia-chassis"]
    assert chassis["version"] == "2.0.0a1"
    assert chassis["entry_point"] == "chassis"
    names = {c["name"] for c in chassis["components"]}
    assert {"Pipeline", "Graphline", "DataSource", "PassThrough"} <= names


def test_installed_command_user_error_has_no_traceback():
    """A user mistake exits 1 with one stderr line."""
    done = kamaelia("show", "Pipelin")
    assert done.returncode == 1
    assert done.stderr == (
        "kamaelia show: error: unknown component 'Pipelin'; did you mean: Pipeline?\n"
    )


def test_python_m_entry_runs_the_same_command():
    """`python -m Kamaelia.Chassis._cli --version` works like the script."""
    done = subprocess.run(
        [sys.executable, "-m", "Kamaelia.Chassis._cli", "--version"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("kamaelia (kamaelia-chassis 2.0.0a1")


def _interrupt_when(proc: subprocess.Popen[str], marker: str, stream: str) -> str:
    """Read *stream* until *marker* shows up, then send SIGINT; return what was read."""
    seen = []
    pipe = proc.stderr if stream == "stderr" else proc.stdout
    assert pipe is not None
    for line in pipe:  # bounded by the test timeout
        seen.append(line)
        if marker in line:
            break
    else:
        pytest.fail(f"{marker!r} never appeared; got {''.join(seen)!r}")
    proc.send_signal(signal.SIGINT)
    return "".join(seen)


@POSIX_ONLY
def test_ctrl_c_stops_a_running_graph_cleanly(tmp_path):
    """SIGINT during `kamaelia run FILE.toml` exits 130 with one line and no traceback."""
    graph = tmp_path / "forever.toml"
    # A PassThrough with nothing feeding it waits forever.
    graph.write_text('[components.idle]\ntype = "PassThrough"\n')
    proc = subprocess.Popen(
        [str(SCRIPT), "--debug", "run", str(graph)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ctrl_c_reaches_it,
    )
    try:
        _interrupt_when(proc, "Kamaelia.Chassis.cli: running the system", "stderr")
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    # (It may come before the first cycle admitted the components: then none is named.)
    assert re.search(r"^kamaelia: interrupted \(Ctrl-C\).*; the system was shut down$", err, re.M)
    assert "Traceback" not in err


FOREVER = """
from Axon.Component import component
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.PassThrough import PassThrough


class Ready(component):
    def main(self):
        print("ready", flush=True)  # the system is running: now press Ctrl-C
        while True:
            self.pause()
            yield 1


Pipeline(Ready(), PassThrough()).run()
print("after run", flush=True)
"""


def _interrupted_run(command: list[str]) -> tuple[int, str, str]:
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ctrl_c_reaches_it,
    )
    try:
        before = _interrupt_when(proc, "ready", "stdout")
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    return proc.returncode, before + out, err


@POSIX_ONLY
def test_ctrl_c_in_a_python_file_acts_as_under_python(tmp_path):
    """Ctrl-C leaves run() as KeyboardInterrupt under `kamaelia run FILE.py` and `python FILE.py`
    alike (the rest of the program does not run), and both say what was still running."""
    script = tmp_path / "forever.py"
    script.write_text(FOREVER)
    status, out, err = _interrupted_run([str(SCRIPT), "run", str(script)])
    assert (status, out) == (130, "ready\n"), err
    first, *where = err.splitlines()
    assert re.fullmatch(
        r"kamaelia: interrupted \(Ctrl-C\); still running were: (\w+ \(id \d+\)(, )?)+; "
        r"the system was shut down",
        first,
    ), err
    assert "Pipeline" in re.findall(r"(\w+) \(id", first)
    # Then where each one was waiting, e.g. the Pipeline in its main(). (Ready itself
    # may be gone: a Ctrl-C that lands in its step ends it.)
    assert len(where) == first.count("(id"), err
    assert all(re.fullmatch(r"  \w+ \(id \d+\) at .+", line) for line in where), err
    (pipeline,) = [line for line in where if line.startswith("  Pipeline (id ")]
    assert re.fullmatch(r"  Pipeline \(id \d+\) at \S+Pipeline\.py:\d+ in main", pipeline), err
    status, out, err = _interrupted_run([sys.executable, str(script)])
    assert (status, out) == (-signal.SIGINT, "ready\n"), err
    assert re.search(r"interrupted \(Ctrl-C\) with \d still running: .*Pipeline \(id", err), err
    assert "KeyboardInterrupt" in err


@POSIX_ONLY
def test_ctrl_c_interrupts_a_stuck_component(tmp_path):
    """A component blocked inside one step cannot trap the user: under `kamaelia run FILE.py`,
    as under `python FILE.py`, Ctrl-C interrupts it where it is and ends the run."""
    script = tmp_path / "stuck.py"
    script.write_text(
        textwrap.dedent(
            """
            import time
            from Axon.Component import component

            class Stuck(component):
                def main(self):
                    print("ready", flush=True)
                    time.sleep(60)  # blocks the scheduler thread: stop() cannot act
                    yield 1

            Stuck().run()
            """
        )
    )
    proc = subprocess.Popen(
        [str(SCRIPT), "run", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ctrl_c_reaches_it,
    )
    try:
        _interrupt_when(proc, "ready", "stdout")  # one Ctrl-C is enough
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert err == "kamaelia: interrupted (Ctrl-C); the system was shut down\n"
