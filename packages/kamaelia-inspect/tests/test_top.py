"""`kamaelia top`: the table, and the real command under a pseudo-terminal."""

import os
import pty
import select
import subprocess
import time

from conftest import kamaelia

from Kamaelia.Inspect._top import render

PICTURE = {
    "components": [
        {
            "id": 2,
            "name": "m.Quiet_2",
            "state": "paused",
            "restarts": None,
            "inboxes": [{"name": "inbox", "queued": 0, "size": None, "rate": 0.0}],
            "outboxes": [{"name": "outbox", "rate": 0.0}],
        },
        {
            "id": 3,
            "name": "m.Busy_3",
            "state": "blocked",
            "restarts": 2,
            "inboxes": [{"name": "inbox", "queued": 9, "size": 10, "rate": 50.0}],
            "outboxes": [{"name": "outbox", "rate": 40.0}],
        },
    ],
    "links": [],
    "ended": [{"name": "m.Bad_4", "state": "crashed", "error": "ValueError: no"}],
}


def test_render_sorts_by_activity_and_shows_depths_rates_and_crashes():
    """Busiest first; rates in and out, queued messages, fullest inbox, last crash."""
    lines = render(PICTURE, width=120, height=20)
    assert lines[0].startswith("kamaelia top - 2 components, 2 alive, 1 crashed lately")
    busy, quiet = lines[2], lines[3]
    assert busy.split() == ["3", "Busy_3", "blocked", "x2", "50.0", "40.0", "9", "inbox", "9/10"]
    assert quiet.split()[:2] == ["2", "Quiet_2"]
    assert lines[-1] == "last crash: m.Bad_4: ValueError: no"


def _read_until(fd, texts, timeout):
    """Read the terminal until every one of texts has appeared (a frame can span reads)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while not all(t.encode() in seen for t in texts) and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen.decode(errors="replace")


def test_top_under_a_terminal_shows_the_components_and_quits_on_q(inspected):
    """Attached to a system run with --inspect, its screen lists the components; q quits."""
    _, url = inspected
    address = url.removeprefix("http://").rstrip("/")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        kamaelia("top", address, "--interval", "0.2"),
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "COLUMNS": "100", "LINES": "30", "TERM": "xterm"},
    )
    os.close(follower)
    try:
        screen = _read_until(leader, ["Burst", "Sipper", "Pipeline"], timeout=20)
        assert "kamaelia top -" in screen
        assert "Burst" in screen
        assert "Sipper" in screen
        assert "Pipeline" in screen
        os.write(leader, b"q")
        assert proc.wait(timeout=10) == 0
    finally:
        proc.kill()
        os.close(leader)


def test_top_without_an_inspector_says_so():
    """Nothing listening: one error line, exit status 1."""
    done = subprocess.run(
        kamaelia("top", "127.0.0.1:1", "--once"), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.startswith("kamaelia top: error: no inspector at http://127.0.0.1:1/")


def test_top_help_shows_examples():
    """`kamaelia top --help` ends with examples, like the chassis's own commands."""
    done = subprocess.run(kamaelia("top", "--help"), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "\nexamples:\n  kamaelia run --inspect 8050 system.py &" in done.stdout
    assert "kamaelia top 8050 " in done.stdout
