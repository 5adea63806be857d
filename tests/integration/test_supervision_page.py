"""The Supervision page shows the log lines its example really writes to standard error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "pages" / "concepts" / "supervision.md"


def _shown_log() -> list[str]:
    """The page's second text block (the first is standard output), without '...' lines."""
    blocks = PAGE.read_text(encoding="utf-8").split("```text\n")[1:]
    log_block = blocks[1].split("```", 1)[0]
    return [line for line in log_block.splitlines() if line.strip() != "..."]


def test_the_logged_restarts_on_the_page_are_what_the_example_logs():
    """Every line shown (frames aside) is a line of the example's stderr, in the same order."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "supervisor.py")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": ""},
        check=True,
    )
    logged = [line for line in done.stderr.splitlines() if not line.startswith("  ")]
    assert logged == _shown_log()
