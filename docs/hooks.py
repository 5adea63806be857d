"""MkDocs hooks for the Kamaelia 2 site (listed under `hooks:` in mkdocs.yml).

The Performance page shows the benchmark results recorded in
`benchmarks/README.md`. Rather than keep a copy that goes stale, the page holds
a marker that is replaced, at every build, by the "Results" section of that
file. A README without that section fails the build. A second marker is
replaced by the page's summary, whose every number is computed from the
results table it sits above, so the two cannot disagree.

Pages include files (examples, the template) with a line that is also a
working link when the page is read on the repository host, instead of a raw
snippet marker::

    [`examples/handle.py`](../../examples/handle.py) <!-- include -->

Here it becomes a fenced block of that file (through pymdownx.snippets); a
link that does not point at the file named fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

MARKER = "<!-- benchmark-results -->"
SUMMARY_MARKER = "<!-- benchmark-summary -->"
# The message-passing rows the summary's first line ranges over: (scenario, metric).
MESSAGING = [
    ("pipeline", "message hops/s"),
    ("pipeline_lockstep", "message hops/s"),
    ("fanout", "msgs/s"),
    ("pingpong", "round trips/s, 0 idle"),
    ("pingpong", "round trips/s, with idle"),
    ("threaded", "msgs/s"),
]
# The message-passing rows the limit (a minimal scheduler with Axon's API shape) also
# measures. Not "threaded": there the limit is a bare queue.SimpleQueue between threads.
AGAINST_LIMIT = [
    ("pipeline", "message hops/s"),
    ("pipeline_lockstep", "message hops/s"),
    ("pingpong", "round trips/s, with idle"),
]
RESULTS = re.compile(r"^## Results\n(?P<body>.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)


def benchmark_results(readme: Path) -> str:
    """The body of the "## Results" section of `readme` (up to the next "## " heading)."""
    match = RESULTS.search(readme.read_text(encoding="utf-8"))
    if match is None or not match["body"].strip():
        raise ValueError(f"{readme} has no '## Results' section for the Performance page")
    return match["body"].strip() + "\n"


INCLUDE = re.compile(
    r"^(?P<indent>[ \t]*)\[`(?P<path>[^`]+)`\]\((?P<link>[^)\s]+)\) <!-- include -->$",
    re.MULTILINE,
)
LANGUAGES = {".py": "python", ".toml": "toml"}


RAW_SNIPPET = re.compile(r"^[ \t]*-+8<-+[ \t]", re.MULTILINE)


def expand_includes(markdown: str, page: Path, root: Path) -> str:
    """Each include line of `page` as a fenced block holding the file it links to.

    A raw snippet marker in the page (shown as is on the repository host) fails.
    """
    if RAW_SNIPPET.search(markdown):
        raise ValueError(
            f"{page}: include files with a link line, which the repository host shows "
            "as a link: [`examples/x.py`](../../examples/x.py) <!-- include -->"
        )

    def fenced(match: re.Match[str]) -> str:
        path, indent = match["path"], match["indent"]
        if (page.parent / match["link"]).resolve() != (root / path).resolve():
            raise ValueError(f"{page}: the include link {match['link']} is not {path}")
        language = LANGUAGES.get(Path(path).suffix, "text")
        return f'{indent}```{language}\n{indent}--8<-- "{path}"\n{indent}```'

    return INCLUDE.sub(fenced, markdown)


Table = dict[tuple[str, str], dict[str, float | None]]


def _number(cell: str) -> float | None:
    try:
        return float(cell.rstrip("x").replace(",", ""))
    except ValueError:  # "n/a", "failed", a reason it was not run
        return None


def results_table(results: str) -> Table:
    """(scenario, metric) -> column -> number, from the first table with a metric column."""
    lines = iter(results.splitlines())
    for line in lines:
        header = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and header[:2] == ["scenario", "metric"]:
            break
    else:
        raise ValueError("the benchmark results have no table with scenario and metric columns")
    next(lines)  # the | --- | row
    table: Table = {}
    for line in lines:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        table[cells[0], cells[1]] = {
            col: _number(cell) for col, cell in zip(header[3:], cells[3:], strict=True)
        }
    return table


def _times(ratio: float) -> str:
    return f"{ratio:.1f}" if ratio >= 10 else f"{ratio:.2f}"


def _span(values: list[float]) -> str:
    return f"{_times(min(values))} to {_times(max(values))}"


def _ratios(table: Table, rows: list[tuple[str, str]], column: str) -> list[float]:
    found = [table[row].get(column) for row in rows if row in table]
    return [value for value in found if value is not None]


def benchmark_summary(table: Table) -> str:
    """The page's "in short" list, every number taken from `table`."""
    bullets = []
    vs_1x, vs_asyncio = (_ratios(table, MESSAGING, c) for c in ("k2/kamaelia1", "k2/asyncio"))
    if vs_1x and vs_asyncio:
        bullets.append(
            f"**Message passing is {_span(vs_1x)} times as fast as Kamaelia 1.x** "
            "(pipeline, lock-step pipeline, fan-out, ping-pong, threaded), and "
            f"**{_span(vs_asyncio)} times as fast as the equivalent asyncio program** "
            "using `asyncio.Queue`."
        )
    idle = table.get(("pingpong", "rate with idle / without"), {}).get("kamaelia2")
    cpu = table.get(("threaded", "CPU ms per s while idle"), {})
    if idle is not None and cpu.get("kamaelia2") is not None and cpu.get("kamaelia1") is not None:
        bullets.append(
            f"**Idle costs nothing.** Ping-pong with 100 000 paused components around runs "
            f"at {idle:.0%} of its rate without them, and a system where everything waits "
            f"uses {cpu['kamaelia2']:g} ms of CPU per second (1.x: {cpu['kamaelia1']:g} ms, "
            "from polling)."
        )
    echo = table.get(("net_echo_50", "round trips/s"), {})
    if echo.get("k2/asyncio") is not None and echo.get("k2/kamaelia1") is not None:
        bullets.append(
            f"**Networking** serves 50 connections at {_times(echo['k2/asyncio'])} times the "
            f"round trips of an asyncio echo server, and {_times(echo['k2/kamaelia1'])} times "
            "Kamaelia 1.x's."
        )
    time = table.get(("chain", "µs per component"), {})
    memory = table.get(("chain", "peak RSS bytes per component"), {})
    wanted = ("kamaelia2", "k2/kamaelia1", "k2/asyncio")
    if all(time.get(c) is not None and memory.get(c) is not None for c in wanted):
        bullets.append(
            "**Creating components is the weak spot.** Creating, linking, running and "
            f"shutting down a component costs {time['kamaelia2']:.0f} µs and "
            f"{memory['kamaelia2'] / 1000:.1f} KB: {_times(time['k2/kamaelia1'])} and "
            f"{_times(memory['k2/kamaelia1'])} times what 1.x needs, but "
            f"{_times(time['k2/asyncio'])} and {_times(memory['k2/asyncio'])} times an "
            "asyncio task."
        )
    life = table.get(("net_close", "server CPU µs per connection: open, echo, close"), {})
    close = table.get(("net_close", "server CPU µs per close, none open"), {})
    if life.get("k2/asyncio") is not None and close.get("k2/asyncio") is not None:
        bullets.append(
            "**Short connections are the other weak spot.** Accepting a connection, "
            f"echoing once and closing it takes {_times(life['k2/asyncio'])} times the "
            f"server CPU of an asyncio server (a close alone {_times(close['k2/asyncio'])} "
            "times): each connection builds and links two components."
        )
    vs_limit = _ratios(table, AGAINST_LIMIT, "k2/limit")
    chain_limit = time.get("k2/limit")
    if vs_limit and chain_limit is not None:
        bullets.append(
            "**Against the pure-Python limit** (a minimal scheduler with Axon's API shape "
            f"and nothing else, measured in the same run), message passing reaches "
            f"{_span(vs_limit)} times its rate, and a component costs "
            f"{_times(chain_limit)} times as long to create, run and stop."
        )
    return "\n".join(f"- {bullet}" for bullet in bullets) + "\n"


EDIT_URI = "edit/main/docs/pages/"


def on_config(config: Any) -> Any:
    """With a repository URL (KAMAELIA_REPO_URL), pages get "edit this page" links.

    Always ours: for a GitHub or GitLab URL mkdocs has already filled in its own
    default (``edit/master/docs/``), a branch and folder this repository lacks.
    """
    if config["repo_url"]:
        config["edit_uri"] = EDIT_URI
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Expand the includes; put the benchmark results and their summary where asked for."""
    root = Path(config["config_file_path"]).resolve().parent.parent
    markdown = expand_includes(markdown, Path(page.file.abs_src_path), root)
    if MARKER not in markdown:
        return markdown
    results = benchmark_results(root / "benchmarks" / "README.md")
    summary = benchmark_summary(results_table(results))
    return markdown.replace(MARKER, results).replace(SUMMARY_MARKER, summary)
