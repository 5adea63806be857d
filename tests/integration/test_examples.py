"""Every example under examples/ runs, finishes by itself and prints what the docs say.

The documentation site includes these files verbatim, so this is what keeps the
site's code samples working. Each `examples/*.py` runs as a subprocess (headless:
SDL_VIDEODRIVER=dummy) with a timeout; each `examples/*.toml` graph file runs
through `kamaelia run`. An example listed in EXPECTED must print those lines
(regular expressions, matched in order against the whole stdout); any other
example must at least exit with status 0. And where a page of the site shows
an example followed by a ```text block of its output, that output must be
what the example really prints.
"""

from __future__ import annotations

import ast
import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DOCS = ROOT / "docs" / "pages"
TIMEOUT = 60  # seconds per example; each finishes in a few seconds at most

# What each example prints, line by line (regular expressions).
EXPECTED: dict[str, list[str]] = {
    "hello_axon.py": [r"Hello From A Kamaelia Component System"],
    "first_component.py": [r"hello!", r"world!"],
    "pipeline.py": [r"ONE has 3 letters", r"TWO has 3 letters", r"THREE has 5 letters"],
    "graphline.py": [r"str: apple", r"int: 1", r"str: banana", r"int: 2"],
    "timers.py": [r"tick 1", r"tick 2", r"tick 3", r"done: three ticks, at least 0.05 s apart"],
    "linkages.py": [
        r"refused: component Collect \(id \d+, .*\) has no inbox 'inbx'; "
        r"its inboxes are: control, inbox",
        r"collected \[2, 4, 6\]",
    ],
    "shutdown.py": [
        r"got 1",
        r"got 2",
        r"got 3",
        r"stopper got shutdownMicroprocess on control",
        r"everything finished",
    ],
    "threaded.py": [r"alpha: [0-9a-f]{12}", r"beta: [0-9a-f]{12}", r"gamma: [0-9a-f]{12}"],
    "handle.py": [r"BLOCKING", r"CODE", r"MEETS", r"COMPONENTS", r"signal: producerFinished"],
    "services.py": [
        r"guestbook: ada was here",
        r"guestbook: grace was here",
        r"services now: \[\]",
    ],
    "inspect_demo.py": [r"stopped after 5 s"],
    "supervisor.py": [
        r"attempt 3 worked",
        r"restart 1: 'worker' after ConnectionError\('attempt 1 failed'\)",
        r"restart 2: 'worker' after ConnectionError\('attempt 2 failed'\)",
    ],
    "backpressure.py": [
        r"sum 499500 \(expected 499500\)",
        r"inbox never held more than 4 messages",
        r"producer had to wait: True",
    ],
    "testing_components.py": [
        r"passed: test_doubles_then_finishes",
        r"passed: test_follows_the_conventions",
        r"passed: test_sleeps_when_idle",
    ],
    "console_echo.py": [r"hello", r"world"],
    "asyncio_http.py": [*(rf"{n} squared is {n * n}" for n in range(1, 8)), r"and finally 144"],
    "asyncio_fastapi.py": [
        r"\{'shouted': 'FASTAPI!'\}",
        r"\{'shouted': 'MEETS!'\}",
        r"\{'shouted': 'KAMAELIA!'\}",
        r"the pipeline stopped with the app",
    ],
    "asyncio_embed.py": [
        r"ASYNCIO!",
        r"MEETS!",
        r"KAMAELIA!",
        r"heartbeat got shutdownMicroprocess",
        r"heartbeat: goodbye",
        r"the application cancelled the heartbeat task",
    ],
    "file_copy.py": [r"10\tfirst line", r"11\tsecond line", r"10\tthird line"],
    "unix_process.py": [r"apple", r"fig", r"pear", r"sort exited with status 0"],
    "echo_server.py": [
        r"echoed: hello",
        r"echoed: echo",
        r"echoed: server",
        r"server and client have shut down",
    ],
    "backplane.py": [
        r"A heard: rain expected",
        r"B heard: rain expected",
        r"A heard: sun later",
        r"B heard: sun later",
    ],
    "crash.py": [
        r"runThreads\(\) raised: ZeroDivisionError\('division by zero'\)",
        r"the component it came from: __main__\.Divider_\d+ True",
    ],
    "http_server.py": [
        r"200 text/html.* <h1>Hello from Kamaelia</h1>",
        r"200 \{'sum': 5\}",
    ],
    "introspection.py": [
        r"DataSource +runnable +inbox=0, control=0",
        r"PureTransformer +sleeping +inbox=0, control=0",
        r"nullSinkComponent +sleeping +inbox=0, control=0",
        r"Pipeline +sleeping +inbox=0, control=0",
        r"8 links",
        r"digraph kamaelia \{",
        r"components left after running: 0",
    ],
    "registry.py": [
        r"chassis and console installed: True",
        r"ConsoleEchoer: Write each message to stdout\.",
        r"inboxes: inbox, control",
        r"lookup failed: unknown component 'Pipelin'; did you mean: Pipeline\?",
        r"built by name: it works",
    ],
    "tls_echo.py": [
        r"echoed: secret",
        r"echoed: message",
        r"the TLS connection was verified against the throwaway certificate",
    ],
    "tour.py": [
        r"== 1\. Pipeline.*",
        r" +HELLO",
        r" +KAMAELIA 2",
        r"== 2\. Graphline.*",
        r" +1: components",
        r" +3: and outboxes",
        r"== 3\. A TCP echo server.*",
        r" +server listening on 127\.0\.0\.1:\d+",
        r" +server echoed: ping",
        r" +server echoed: pong",
    ],
    "pygame_ticker.py": [r"the ticker showed every word and the window closed"],
    "ray_workers.py": [
        r"block 1: de2f256064a0",
        r"block 2: 916b144867c3",
        r"block 3: da1acff5c9de",
        r"block 4: 3af3f1d87021",
        r"4 digests, in order",
    ],
    "shout.toml": [r"> hello", r"> from a", r"> graph file"],
}

# Examples that read standard input get this; the others get an empty stdin.
STDIN: dict[str, str] = {"console_echo.py": "hello\nworld\n"}

PYTHON_EXAMPLES = sorted(p.name for p in EXAMPLES.glob("*.py"))
GRAPH_EXAMPLES = sorted(p.name for p in EXAMPLES.glob("*.toml"))


def _command(name: str) -> list[str]:
    if name.endswith(".toml"):
        return [sys.executable, "-m", "Kamaelia.Chassis._cli", "run", str(EXAMPLES / name)]
    return [sys.executable, str(EXAMPLES / name)]


@functools.cache
def _run_example(name: str) -> subprocess.CompletedProcess[str]:
    """Run one example (once per test session: several tests look at its output)."""
    return _run(_command(name), name)


def _run(argv: list[str], name: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONUTF8="1")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    try:
        return subprocess.run(
            argv,
            input=STDIN.get(name, ""),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            cwd=ROOT,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"{name} did not finish within {TIMEOUT} s; stdout so far: {error.stdout!r}")


def _check(name: str, done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, (
        f"{name} exited with status {done.returncode}\n"
        f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    )
    lines = done.stdout.splitlines()
    position = 0
    for pattern in EXPECTED.get(name, []):
        while position < len(lines) and not re.fullmatch(pattern, lines[position]):
            position += 1
        assert position < len(lines), (
            f"{name}: no line matching {pattern!r} (in order) in its output:\n{done.stdout}"
        )
        position += 1


def test_there_are_examples():
    """The examples folder holds the documented Python examples and graph files."""
    assert "first_component.py" in PYTHON_EXAMPLES
    assert GRAPH_EXAMPLES


@pytest.mark.parametrize("name", PYTHON_EXAMPLES)
def test_python_example(name: str) -> None:
    """The example runs to its end by itself, exits 0 and prints what is expected."""
    _check(name, _run_example(name))


@pytest.mark.parametrize("name", GRAPH_EXAMPLES)
def test_graph_file_example(name: str) -> None:
    """`kamaelia run` runs the graph file to its end and it prints what is expected."""
    _check(name, _run_example(name))


_SHOWN = re.compile(
    r"\[`examples/(?P<name>[^`]+)`\]\([^)]+\) <!-- include -->\n\s*```text\n(?P<output>.*?)```",
    re.DOTALL,
)


def _shown_outputs() -> list[tuple[str, str, list[str]]]:
    """(page, example, output lines) for each example a page shows with its output."""
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        for match in _SHOWN.finditer(page.read_text(encoding="utf-8")):
            name, lines = match["name"], match["output"].splitlines()
            if any(line.startswith("$ ") for line in lines):
                lines = _lines_after_own_command(name, lines)
            found.append((page.relative_to(DOCS).as_posix(), name, lines))
    return found


def _lines_after_own_command(name: str, lines: list[str]) -> list[str]:
    """In a transcript, only the output of the command that runs `name` itself."""
    kept, own = [], False
    ways_to_run = (f"python examples/{name}", f"kamaelia run examples/{name}")
    for line in lines:
        if line.startswith("$ "):
            own = line.rstrip().endswith(ways_to_run)
        elif own:
            kept.append(line)
    return kept


SHOWN = _shown_outputs()


def test_the_site_shows_example_output():
    """The documentation pages do show examples with their output (the pattern still matches)."""
    assert len(SHOWN) >= 10, f"found only {len(SHOWN)} examples with output in {DOCS}"


@pytest.mark.parametrize(
    ("page", "name", "lines"), SHOWN, ids=[f"{page}:{name}" for page, name, _ in SHOWN]
)
def test_output_shown_on_the_site_is_real(page: str, name: str, lines: list[str]) -> None:
    """Every line the page shows as the example's output is printed by it, in that order."""
    done = _run_example(name)
    assert done.returncode == 0, f"{name} failed:\n{done.stderr}"
    printed = iter(line.rstrip() for line in done.stdout.splitlines())
    for line in lines:
        assert any(out == line.rstrip() for out in printed), (
            f"{page} shows {line!r} as output of examples/{name}, but it printed:\n{done.stdout}"
        )


@pytest.mark.parametrize("name", PYTHON_EXAMPLES)
def test_example_says_what_it_shows_and_how_to_run_it(name: str) -> None:
    """Every example starts with a docstring that says how to run it."""
    docstring = ast.get_docstring(ast.parse((EXAMPLES / name).read_text(encoding="utf-8")))
    assert docstring, f"{name} has no module docstring saying what it shows"
    assert f"examples/{name}" in docstring, (
        f"{name}: its docstring should say how to run it (python examples/{name} ...)"
    )


def test_every_expectation_names_an_existing_example():
    """EXPECTED has no entry for an example that was renamed or removed."""
    stale = sorted(set(EXPECTED) - set(PYTHON_EXAMPLES) - set(GRAPH_EXAMPLES))
    assert not stale, f"EXPECTED lists examples that do not exist: {stale}"
