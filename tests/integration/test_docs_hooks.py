"""docs/hooks.py: the Performance summary is computed from the results table it sits above,
and pages include files with lines that are links on the repository host."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "hooks.py")
assert _spec is not None
assert _spec.loader is not None
hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hooks)

TABLE = """
| scenario | metric | better | kamaelia2 | kamaelia1 | asyncio | k2/kamaelia1 | k2/asyncio |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |
| pipeline | message hops/s | higher | 1,000 | 100 | 500 | 10.00x | 2.00x |
| fanout | msgs/s | higher | 3,000 | 100 | 1,000 | 30.00x | 3.00x |
| threaded | msgs/s | higher | 5,000 | 250 | 5,000 | 20.00x | 1.00x |
| chain | µs per component | lower | 50.00 | 100.00 | 25.00 | 0.50x | 2.00x |
| chain | peak RSS bytes per component | lower | 4,000 | 8,000 | 2,000 | 0.50x | 2.00x |

| scenario | kamaelia2 |
| --- | --- |
| `scenario_pipeline.py` | `--n 1` |
"""


def test_the_summary_ranges_over_the_table_rows():
    """The message-passing span is the min and max ratio of the table, nothing typed by hand."""
    summary = hooks.benchmark_summary(hooks.results_table(TABLE))
    assert "**Message passing is 10.0 to 30.0 times as fast as Kamaelia 1.x**" in summary
    assert "**1.00 to 3.00 times as fast as the equivalent asyncio program**" in summary
    assert "costs 50 µs and 4.0 KB: 0.50 and 0.50 times what 1.x needs" in summary


LIMIT_TABLE = """
| scenario | metric | better | kamaelia2 | limit | k2/limit |
| --- | --- | --- | ---: | ---: | ---: |
| pipeline | message hops/s | higher | 500 | 1,000 | 0.50x |
| pipeline_lockstep | message hops/s | higher | 900 | 1,000 | 0.90x |
| threaded | msgs/s | higher | 100 | 1,000 | 0.10x |
| chain | µs per component | lower | 50.00 | 10.00 | 5.00x |
"""


def test_the_limit_sentence_ranges_over_the_limit_column():
    """Message passing against the limit is the span of k2/limit (not threaded: a bare queue)."""
    summary = hooks.benchmark_summary(hooks.results_table(LIMIT_TABLE))
    assert "message passing reaches 0.50 to 0.90 times its rate" in summary
    assert "a component costs 5.00 times as long" in summary
    assert "Against the pure-Python limit" not in hooks.benchmark_summary(
        hooks.results_table(TABLE)
    )


def test_the_connection_sentence_quotes_the_net_close_ratios():
    """A connection's life and a close, each as its k2/asyncio ratio."""
    table = hooks.results_table(
        "| scenario | metric | better | kamaelia2 | asyncio | k2/asyncio |\n"
        "| --- | --- | --- | ---: | ---: | ---: |\n"
        "| net_close | server CPU µs per close, none open | lower | 90 | 30 | 3.00x |\n"
        "| net_close | server CPU µs per connection: open, echo, close | lower | 500 | 200 | 2.50x |\n"
    )
    summary = hooks.benchmark_summary(table)
    assert (
        "takes 2.50 times the server CPU of an asyncio server (a close alone 3.00 times)" in summary
    )


def test_a_row_missing_from_the_table_drops_its_sentence():
    """No networking rows, no networking claim."""
    summary = hooks.benchmark_summary(hooks.results_table(TABLE))
    assert "Networking" not in summary
    assert "Idle costs nothing" not in summary
    assert "Short connections" not in summary


def test_every_ratio_in_the_recorded_summary_is_in_the_recorded_table():
    """On the real benchmarks/README.md, each 'N times' number of the summary is a table ratio."""
    results = hooks.benchmark_results(ROOT / "benchmarks" / "README.md")
    table = hooks.results_table(results)
    summary = hooks.benchmark_summary(table)
    ratios = {
        round(value, 1)
        for row in table.values()
        for column, value in row.items()
        if column.startswith("k2/") and value is not None
    }
    # "A to B times", "A and B times", "A times": every such number is a ratio.
    quoted = [
        float(n) for n in re.findall(r"(\d+\.\d+)(?=(?: (?:to|and) \d+\.\d+)? times)", summary)
    ]
    assert len(quoted) >= 6
    assert {round(n, 1) for n in quoted} <= ratios


def test_the_page_has_no_hand_written_summary():
    """performance.md holds the marker where the summary goes."""
    page = (ROOT / "docs" / "pages" / "performance.md").read_text(encoding="utf-8")
    assert hooks.SUMMARY_MARKER in page
    assert hooks.MARKER in page


PAGES = ROOT / "docs" / "pages"


def test_pages_hold_no_raw_snippet_markers():
    """Read on the repository host, a page shows a link to the file, never a snippet marker."""
    marked = [p.name for p in PAGES.rglob("*.md") if "--8<--" in p.read_text(encoding="utf-8")]
    assert marked == [], (
        "include a file with a link line instead: "
        "[`examples/x.py`](../../examples/x.py) <!-- include -->  (see docs/hooks.py)"
    )


def test_every_include_links_to_the_file_it_names_and_expands_to_it():
    """Each include line becomes a fenced snippet of the very file its link points at."""
    count = 0
    for page in PAGES.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        count += len(hooks.INCLUDE.findall(text))
        expanded = hooks.expand_includes(text, page, ROOT)  # raises on a wrong link
        assert hooks.INCLUDE.search(expanded) is None
    assert count >= 30


def test_an_include_whose_link_points_elsewhere_fails(tmp_path):
    """A link that does not lead to the named file (so it is broken on the host) stops the build."""
    page = PAGES / "concepts" / "threads.md"
    wrong = "[`examples/handle.py`](../examples/handle.py) <!-- include -->\n"
    with pytest.raises(ValueError, match=r"is not examples/handle\.py"):
        hooks.expand_includes(wrong, page, ROOT)
    right = "    [`examples/handle.py`](../../../examples/handle.py) <!-- include -->\n"
    assert hooks.expand_includes(right, page, ROOT) == (
        '    ```python\n    --8<-- "examples/handle.py"\n    ```\n'
    )


def test_a_raw_snippet_marker_fails_the_build_saying_what_to_write():
    """`nox -s docs` stops at a raw marker, so it never reaches the repository host."""
    raw = '```python\n--8<-- "examples/handle.py"\n```\n'
    with pytest.raises(ValueError, match="include files with a link line"):
        hooks.expand_includes(raw, PAGES / "index.md", ROOT)


def test_edit_links_point_at_the_pages_on_main_even_where_mkdocs_guessed_others():
    """mkdocs fills edit_uri for a GitHub repo_url with edit/master/docs/: replaced."""
    guessed = {"repo_url": "https://github.com/OWNER/REPO", "edit_uri": "edit/master/docs/"}
    assert hooks.on_config(guessed)["edit_uri"] == "edit/main/docs/pages/"
    unset = {"repo_url": None, "edit_uri": None}
    assert hooks.on_config(unset)["edit_uri"] is None
