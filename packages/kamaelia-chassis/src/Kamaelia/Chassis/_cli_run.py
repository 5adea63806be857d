"""Running systems for ``kamaelia run`` and ``kamaelia demo``, with clean Ctrl-C."""

from __future__ import annotations

import logging
import os
import runpy
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from Axon.introspection import waiting_at
from Axon.Scheduler import running_scheduler, scheduler

__all__ = ["INTERRUPTED_STATUS", "UserError", "run_example", "run_python_file", "run_system"]

log = logging.getLogger("Kamaelia.Chassis.cli")

#: Exit status after Ctrl-C, as shells report a process ended by SIGINT.
INTERRUPTED_STATUS = 130


class UserError(Exception):
    """A mistake the user can fix; reported as one line, without a traceback."""

    def __init__(self, message: str, exit_status: int = 1) -> None:
        super().__init__(message)
        self.exit_status = exit_status


class _CtrlC:
    """While active, the first Ctrl-C stops the running scheduler at a cycle boundary.

    Outside a scheduler loop, or on a second Ctrl-C, Python's usual
    KeyboardInterrupt is raised instead (so a stuck component cannot trap us).
    """

    def __init__(self) -> None:
        self.interrupted = False
        self.alive: list[Any] = []  # what was running when Ctrl-C came
        self.where: dict[int, str | None] = {}  # and where each one was waiting
        self._previous: Any = None

    def __enter__(self) -> _CtrlC:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _handle(self, signum: int, frame: Any) -> None:
        sched = running_scheduler()
        if sched is None or self.interrupted:
            raise KeyboardInterrupt
        self.interrupted = True
        self.alive = sched.listAllThreads()
        # Taken now: stopping closes the components' generators.
        self.where = _where(self.alive)
        # stop() only queues a wake-up (no locks), so it is safe in a handler.
        sched.stop()


def _release_components() -> tuple[list[Any], dict[int, str | None]]:
    """After a KeyboardInterrupt escaped the loop, let every component release what it holds.

    Returns the components that were still running, and where each one waited.
    """
    alive = scheduler.run.listAllThreads()
    where = _where(alive)
    scheduler.run.stop()  # not running any more: stops every component at once
    return alive, where


def _where(alive: list[Any]) -> dict[int, str | None]:
    return {id(c): waiting_at(c) for c in alive}


#: At most this many components are listed with where they wait.
WHERE_LIMIT = 40


def _interrupted(alive: list[Any], where: dict[int, str | None]) -> int:
    running = ", ".join(f"{type(c).__name__} (id {c.id})" for c in alive)
    still = f"; still running were: {running}" if alive else ""
    lines = [f"kamaelia: interrupted (Ctrl-C){still}; the system was shut down"]
    # Where each one waited: for a system that does not stop, where it hangs.
    for c in alive[:WHERE_LIMIT]:
        held = ", ".join(f"{n}: {len(b)}" for n, b in getattr(c, "inboxes", {}).items() if len(b))
        place = where.get(id(c)) or "(not suspended in its main)"
        lines.append(
            f"  {type(c).__name__} (id {c.id}) at {place}" + (f"; inboxes {held}" if held else "")
        )
    if len(alive) > WHERE_LIMIT:
        lines.append(f"  ... and {len(alive) - WHERE_LIMIT} more")
    sys.stderr.write("\n".join(lines) + "\n")
    return INTERRUPTED_STATUS


def _describe_failure(exc: BaseException, labels: dict[Any, str]) -> str:
    for component, label in labels.items():
        if component.failure is exc:  # the exception this component's main() raised
            kind = type(component).__name__
            return f"{label} ({kind}) failed: {type(exc).__name__}: {exc}"
    text = f"{type(exc).__name__}: {exc}"
    cause = exc.__cause__
    if cause is not None and str(cause) not in text:
        text += f" (caused by {type(cause).__name__}: {cause})"
    return text


def _guarded(what: str, body: Callable[[], Any], labels: dict[Any, str] | None = None) -> int:
    """Run *body*; map Ctrl-C to 130 and a crash to a one-line UserError."""
    try:
        with _CtrlC() as ctrl_c:
            log.debug("running %s", what)  # tests wait for this line before sending SIGINT
            result = body()
    except KeyboardInterrupt:
        return _interrupted(*_release_components())
    except Exception as exc:
        # A component that crashed is not the user's typo, but its story is
        # the error message (which names the component); --debug has the rest.
        log.debug("%s failed", what, exc_info=True)
        raise UserError(f"{what} failed: {_describe_failure(exc, labels or {})}") from None
    if ctrl_c.interrupted:
        return _interrupted(ctrl_c.alive, ctrl_c.where)
    return int(result) if isinstance(result, int) else 0


def run_system(system: Any, labels: dict[Any, str] | None = None) -> int:
    """Activate *system* on the default scheduler and run until everything ends.

    *labels* maps a component to how error messages should name it.
    """
    from Axon.Scheduler import scheduler

    system.activate()
    errors = _ErrorCounter()
    logging.getLogger().addHandler(errors)
    try:
        status = _guarded("the system", scheduler.run.runThreads, labels)
    finally:
        logging.getLogger().removeHandler(errors)
    # A failure a component only logged (a client that could not connect, a
    # handler that crashed) still makes the run unsuccessful.
    return 1 if status == 0 and errors.count else status


class _ErrorCounter(logging.Handler):
    """Counts the errors logged while a system runs."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def run_example(run: Callable[[list[str]], int | None], argv: list[str]) -> int:
    """Run an example's ``run(argv)``; its return value is the exit status."""
    return _guarded("the example", lambda: run(argv))


def run_python_file(path: str, argv: list[str]) -> int:
    """Run the Python file *path* as ``__main__`` with ``sys.argv = [path, *argv]``.

    Ctrl-C behaves as under ``python FILE``: KeyboardInterrupt is raised where the
    program is (out of ``run()``), so the rest of the program does not run.
    """
    saved_argv, saved_path = sys.argv[:], sys.path[:]
    sys.argv = [path, *argv]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        return _exit_status(exc.code)
    except KeyboardInterrupt:
        return _interrupted(*_release_components())
    except Exception as exc:
        # The user's program crashed: show its traceback (without our frames),
        # as `python FILE` would.
        frames = traceback.extract_tb(exc.__traceback__)
        own = [f for f in frames if os.path.abspath(f.filename) == os.path.abspath(path)]
        start = frames.index(own[0]) if own else 0
        lines = ["Traceback (most recent call last):\n"]
        lines += traceback.format_list(frames[start:])
        lines += traceback.format_exception_only(type(exc), exc)
        sys.stderr.write("".join(lines))
        return 1
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path
    return 0


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")  # sys.exit("message") prints the message, status 1
    return 1
