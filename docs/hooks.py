"""MkDocs hooks for the Kamaelia 2 site (listed under `hooks:` in mkdocs.yml).

The Performance page shows the benchmark results recorded in
`benchmarks/README.md`. Rather than keep a copy that goes stale, the page holds
a marker that is replaced, at every build, by the "Results" section of that
file. A README without that section fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

MARKER = "<!-- benchmark-results -->"
RESULTS = re.compile(r"^## Results\n(?P<body>.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)


def benchmark_results(readme: Path) -> str:
    """The body of the "## Results" section of `readme` (up to the next "## " heading)."""
    match = RESULTS.search(readme.read_text(encoding="utf-8"))
    if match is None or not match["body"].strip():
        raise ValueError(f"{readme} has no '## Results' section for the Performance page")
    return match["body"].strip() + "\n"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Put the recorded benchmark results where the page asks for them."""
    if MARKER not in markdown:
        return markdown
    root = Path(config["config_file_path"]).resolve().parent.parent
    return markdown.replace(MARKER, benchmark_results(root / "benchmarks" / "README.md"))
