"""The inspector page in a real headless Chromium, watching a real system run with --inspect.

Skipped where no Chromium is installed (Debian: ``apt-get install chromium``;
CI installs it). Set KAMAELIA_INSPECT_SCREENSHOT to a file name to keep the
screenshot somewhere else than the test's temporary folder.
"""

import os
import time

import pytest
from _cdp import Browser, find_chromium

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium installed (Debian: apt-get install chromium); "
        "the browser test of the inspector page needs a real one",
    ),
    pytest.mark.timeout(120),
]

# What the test reads from the page: the names shown and the depth of Sipper's inbox.
READ_PAGE = """JSON.stringify({
  names: [...document.querySelectorAll('.name')].map((e) => e.textContent),
  status: document.getElementById('status').textContent,
  depth: [...document.querySelectorAll('.card')]
    .filter((c) => c.querySelector('.name').textContent.startsWith('Sipper'))
    .map((c) => c.querySelector('td.depth').textContent)[0] || null,
})"""


def test_the_page_shows_the_components_and_a_changing_queue_depth(inspected, tmp_path):
    """Within seconds the live page names every component and Sipper's inbox depth moves."""
    import json

    _, url = inspected
    browser = Browser(CHROMIUM)
    try:
        browser.open(url)
        depths = set()
        seen = {}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (len(depths) >= 3 and seen):
            page = json.loads(browser.evaluate(READ_PAGE) or "{}")
            names = {n.split("_")[0] for n in page.get("names", [])}
            if {"Burst", "Sipper", "Pipeline"} <= names and page["status"] == "live":
                seen = page
                if page["depth"]:
                    depths.add(page["depth"])
            time.sleep(0.1)
        assert seen, f"the page never showed the components; last read: {page}"
        # Burst sends 40 at a time, Sipper takes one every 10 ms: the depth goes up and down.
        assert len(depths) >= 3, f"Sipper's inbox depth did not change: {depths}"
        assert all(d.endswith("/\u221e") for d in depths)
        shot = os.environ.get("KAMAELIA_INSPECT_SCREENSHOT") or str(tmp_path / "inspector.png")
        browser.screenshot(shot)
        assert os.path.getsize(shot) > 10_000
    finally:
        browser.close()
