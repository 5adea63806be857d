"""The inspector page in a real headless Chromium, watching a real system run with --inspect.

The system is the repository's ``examples/inspect_demo.py``. Skipped where no
Chromium is installed (Debian: ``apt-get install chromium``; CI installs it).
The docs' screenshot is this test's: to remake it, run it with
``KAMAELIA_INSPECT_SCREENSHOT=docs/pages/assets/inspector.png`` (a path from
the repository's root).
"""

import json
import os
import time
from pathlib import Path

import pytest
from _cdp import Browser, find_chromium
from conftest import run_inspected

DEMO = Path(__file__).resolve().parents[3] / "examples" / "inspect_demo.py"

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium installed (Debian: apt-get install chromium); "
        "the browser test of the inspector page needs a real one",
    ),
    pytest.mark.timeout(120),
]

# What the test reads from the page: the names shown, the depth of a component's
# inbox, which components are blocked, and the text of the page (restarts, crashes).
READ_PAGE = """JSON.stringify({
  names: [...document.querySelectorAll('.name')].map((e) => e.textContent),
  status: document.getElementById('status').textContent,
  depths: Object.fromEntries([...document.querySelectorAll('.card')].map((c) => [
    c.querySelector('.name').textContent.split('_')[0],
    (c.querySelector('td.depth') || {}).textContent || null])),
  text: document.body.innerText,
})"""

PARTS = {"Pipeline", "Burst", "PureTransformer", "Sipper", "Graphline", "Stubborn", "Deaf"}


def test_the_page_shows_the_system_live(tmp_path):
    """Within seconds the live page names every component, Sipper's inbox depth moves,
    Deaf's bounded inbox shows full, and the Supervisor's restarts and crashes appear."""
    with run_inspected(DEMO, "60") as (_, url):
        browser = Browser(CHROMIUM)
        try:
            browser.open(url)
            depths: set[str] = set()
            page: dict = {}
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                page = json.loads(browser.evaluate(READ_PAGE) or "{}")
                names = {n.split("_")[0] for n in page.get("names", [])}
                if names >= PARTS and page["status"] == "live":
                    if page["depths"].get("Sipper"):
                        depths.add(page["depths"]["Sipper"])
                    if len(depths) >= 3 and "restart" in page["text"]:
                        break
                time.sleep(0.1)
            names = {n.split("_")[0] for n in page.get("names", [])}
            assert names >= PARTS, f"the page never showed every component; last read: {page}"
            # Burst sends 40 at a time, Sipper takes one every 10 ms: the depth goes up and down.
            assert len(depths) >= 3, f"Sipper's inbox depth did not change: {depths}"
            assert all(d.endswith("/\u221e") for d in depths)
            assert page["depths"]["Deaf"] == "8/8"
            assert "restart" in page["text"]
            assert "ConnectionError: lost the upstream feed" in page["text"]
            shot = os.environ.get("KAMAELIA_INSPECT_SCREENSHOT") or str(tmp_path / "inspector.png")
            browser.screenshot(shot)
            assert os.path.getsize(shot) > 10_000
        finally:
            browser.close()
