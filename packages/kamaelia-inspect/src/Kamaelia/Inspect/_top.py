"""``kamaelia top [HOST:]PORT``: the inspector's picture as a table in the terminal.

It reads ``/snapshot.json`` from a system started with ``--inspect`` every
``--interval`` seconds and shows its components, busiest first: state,
messages per second in and out, messages waiting in their inboxes and the
fullest inbox. ``q`` (or Ctrl-C) quits.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import sys
import termios
import tty
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from Kamaelia.Inspect._server import parse_address

__all__ = ["add_top_arguments", "render", "run_top"]

_CLEAR = "\x1b[H\x1b[2J"


_EXAMPLES = """\
examples:
  kamaelia run --inspect 8050 system.py &   start a system with its inspector on port 8050
  kamaelia top 8050                         watch it (q or Ctrl-C quits)
  kamaelia top 127.0.0.1:8050 --once        print the table once, e.g. into a log"""


def add_top_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = _EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "address", metavar="[HOST:]PORT", help="where the system's inspector serves (--inspect)"
    )
    parser.add_argument(
        "--interval", type=float, default=1.0, help="seconds between refreshes (default 1)"
    )
    parser.add_argument(
        "--once", action="store_true", help="print the table once and exit (no screen control)"
    )


def _fetch(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=5) as reply:
        data: dict[str, Any] = json.load(reply)
        return data


def _activity(comp: dict[str, Any]) -> float:
    rate: float = sum(b["rate"] for b in comp["inboxes"]) + sum(b["rate"] for b in comp["outboxes"])
    return rate


def _fullest(comp: dict[str, Any]) -> str:
    boxes = [b for b in comp["inboxes"] if b["queued"]]
    if not boxes:
        return ""
    box = max(
        boxes, key=lambda b: b["queued"] / (b["size"] or float("inf")) if b["size"] else b["queued"]
    )
    return f"{box['name']} {box['queued']}/{box['size'] if box['size'] is not None else '-'}"


def render(state: dict[str, Any], width: int = 100, height: int = 40) -> list[str]:
    """The screen for one picture: a header and one line per component, busiest first."""
    comps = sorted(state["components"], key=lambda c: (-_activity(c), c["id"]))
    running = sum(1 for c in comps if c["state"] in ("running", "paused", "blocked"))
    crashed = [e for e in state.get("ended", []) if e["state"] == "crashed"]
    lines = [
        f"kamaelia top - {len(comps)} components, {running} alive, "
        f"{len(crashed)} crashed lately    (q quits)",
        f"{'ID':>5} {'COMPONENT':<32} {'STATE':<11} {'IN/S':>8} {'OUT/S':>8} {'QUEUED':>7}  "
        "FULLEST INBOX",
    ]
    for comp in comps[: max(height - 3, 1)]:
        name = comp["name"].rsplit(".", 1)[-1][:32]
        state_text = comp["state"] + (f" x{comp['restarts']}" if comp.get("restarts") else "")
        rate_in = sum(b["rate"] for b in comp["inboxes"])
        rate_out = sum(b["rate"] for b in comp["outboxes"])
        queued = sum(b["queued"] for b in comp["inboxes"])
        lines.append(
            f"{comp['id']:>5} {name:<32} {state_text:<11} {rate_in:>8.1f} {rate_out:>8.1f} "
            f"{queued:>7}  {_fullest(comp)}"
        )
    if crashed:
        lines.append(f"last crash: {crashed[0]['name']}: {crashed[0]['error']}")
    return [line[:width] for line in lines]


@contextmanager
def _keys() -> Iterator[bool]:
    """Single keypresses from a terminal stdin (yields False when stdin is not one)."""
    if not sys.stdin.isatty():
        yield False
        return
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd)
    try:
        yield True
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _quit_pressed(timeout: float, keys: bool) -> bool:
    """Wait up to ``timeout`` seconds; True if q was pressed meanwhile."""
    if not keys:
        select.select([], [], [], timeout)
        return False
    ready, _, _ = select.select([sys.stdin], [], [], timeout)
    return bool(ready) and os.read(sys.stdin.fileno(), 32).lower().startswith(b"q")


def run_top(args: argparse.Namespace) -> int:
    """Refresh the table until q or Ctrl-C; 1 if the inspector cannot be reached."""
    host, port = parse_address(args.address)
    url = f"http://{host}:{port}/snapshot.json"
    try:
        with _keys() as keys:
            while True:
                try:
                    state = _fetch(url)
                except (urllib.error.URLError, OSError) as error:
                    sys.stderr.write(f"kamaelia top: error: no inspector at {url} ({error})\n")
                    return 1
                size = shutil.get_terminal_size()
                screen = render(state, size.columns, size.lines)
                sys.stdout.write(("" if args.once else _CLEAR) + "\n".join(screen) + "\n")
                sys.stdout.flush()
                if args.once or _quit_pressed(args.interval, keys):
                    return 0
    except KeyboardInterrupt:
        return 0
