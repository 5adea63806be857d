"""Waiting for a child process to exit without blocking the scheduler.

On Linux a pidfd (``os.pidfd_open``) becomes readable when the process exits,
so the scheduler's I/O service wakes the waiting component; elsewhere the
component checks on a scheduler timer. Either way the child is reaped (no
zombie is left) and the scheduler keeps running other components meanwhile.
"""

from __future__ import annotations

import os
import selectors
import subprocess
from collections.abc import Callable, Generator
from typing import Any

__all__ = ["wait_exit", "reap_now"]

#: How often to check on platforms without pidfds, in seconds.
_POLL_INTERVAL = 0.02


def _pidfd(pid: int) -> int | None:
    opener = getattr(os, "pidfd_open", None)
    if opener is None:
        return None
    try:
        return int(opener(pid))
    except OSError:  # too old a kernel, or not permitted
        return None


def wait_exit(
    owner: Any, proc: subprocess.Popen[Any], give_up: Callable[[], bool] = lambda: False
) -> Generator[int, None, int | None]:
    """``status = yield from wait_exit(owner, proc)``: pause ``owner`` until ``proc`` exits.

    Returns the exit status (negative: killed by that signal), or None if
    ``give_up()`` turned true first; it is asked each time the owner wakes
    (a message arriving wakes it too).
    """
    if proc.poll() is not None:
        return proc.returncode
    fd = _pidfd(proc.pid)
    sched = owner.scheduler
    try:
        if fd is not None:
            sched.watch_io(fd, selectors.EVENT_READ, lambda _f, _m: owner.unpause())
        while proc.poll() is None:
            if give_up():
                return None
            handle = None if fd is not None else sched.call_later(_POLL_INTERVAL, owner.unpause)
            owner.pause()
            yield 1
            if handle is not None:
                handle.cancel()
    finally:
        if fd is not None:
            sched.unwatch_io(fd)
            os.close(fd)
    return proc.returncode


def reap_now(proc: subprocess.Popen[Any], grace: float = 1.0) -> int:
    """End ``proc`` if it still runs (SIGTERM, then SIGKILL after ``grace`` s) and reap it.

    For stopping early (shutdown, a crash): it blocks for at most ``grace``
    seconds plus the moment a killed process takes to go.
    """
    if proc.poll() is None:
        proc.terminate()
        try:
            return proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
    return proc.wait()
