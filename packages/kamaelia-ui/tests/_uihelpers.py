"""A scripted test driver: runs inside the system, injects pygame events, reads pixels."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from typing import Any

import pygame
from Axon.Component import component
from Axon.Ipc import shutdownMicroprocess
from Axon.Scheduler import scheduler

Script = Callable[["Driver"], Generator[Any, None, None]]


class Driver(component):
    """Runs `script(driver)` as its main(); collects whatever is sent to its inboxes."""

    Inboxes = {
        "inbox": "Messages from the system under test",
        "control": "Shutdown messages from the system under test",
        "errors": "Error reports from the system under test",
    }
    Outboxes = {"outbox": "Not used", "signal": "Not used"}

    def __init__(self, script: Script) -> None:
        super().__init__()
        self.script = script
        self.got: dict[str, list[Any]] = {"inbox": [], "control": [], "errors": []}
        self.finished = False

    def main(self) -> Generator[Any, None, None]:
        yield from self.script(self)
        self.finished = True

    def collect(self) -> dict[str, list[Any]]:
        """Move every waiting message into `got` and return it."""
        for box, messages in self.got.items():
            while self.dataReady(box):
                messages.append(self.recv(box))
        return self.got

    def sleep(self, seconds: float) -> Generator[Any, None, None]:
        """Pause for `seconds` (a scheduler timer, so others run meanwhile)."""
        done: list[bool] = []

        def wake() -> None:
            done.append(True)
            self.unpause()

        self.scheduler.call_later(seconds, wake)
        while not done:
            self.pause()
            yield 1

    def wait_until(
        self, predicate: Callable[[], object], what: str, timeout: float = 3.0
    ) -> Generator[Any, None, None]:
        """Wait until `predicate()` is true; fail naming `what` after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {what}")
            yield from self.sleep(0.005)

    def wait_for_pixel(
        self, position: tuple[int, int], colour: tuple[int, int, int], timeout: float = 3.0
    ) -> Generator[Any, None, None]:
        """Wait until the window shows `colour` at `position`."""
        yield from self.wait_until(
            lambda: pixel(position) == tuple(colour),
            f"pixel {position} to be {colour} (it is {pixel(position)})",
            timeout,
        )

    def wait_for_message(self, box: str = "inbox", count: int = 1) -> Generator[Any, None, None]:
        """Wait until `count` messages have arrived on `box` in total."""
        yield from self.wait_until(
            lambda: len(self.collect()[box]) >= count, f"{count} message(s) on {box!r}"
        )

    def shutdown(self, *components: Any) -> None:
        """Send shutdownMicroprocess to each component's "control"."""
        for target in components:
            target.deliver(shutdownMicroprocess(), "control")


def screen() -> pygame.Surface:
    surface = pygame.display.get_surface()
    assert surface is not None, "no pygame window is open"
    return surface


def pixel(position: tuple[int, int]) -> tuple[int, int, int] | None:
    """The colour of the window at `position` (None when no window is open)."""
    surface = pygame.display.get_surface()
    if surface is None:
        return None
    return tuple(surface.get_at(position))[:3]  # type: ignore[return-value]


def count_colour(
    rect: pygame.Rect | tuple[int, int, int, int], colour: tuple[int, int, int]
) -> int:
    """How many pixels inside `rect` of the window are exactly `colour` (0 with no window)."""
    if pygame.display.get_surface() is None:
        return 0
    area = screen().subsurface(pygame.Rect(rect))
    return sum(
        1
        for y in range(area.get_height())
        for x in range(area.get_width())
        if tuple(area.get_at((x, y)))[:3] == tuple(colour)
    )


def click(position: tuple[int, int], button: int = 1) -> None:
    """Post a mouse press and release at `position` (window coordinates)."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=position, button=button))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=position, button=button))


def press(key: int, unicode: str = "") -> None:
    """Post a key press and release."""
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=key, unicode=unicode, mod=0, scancode=0))


def run_ui(driver: Driver, *components: Any, timeout: float = 10.0) -> Driver:
    """Run `components` and `driver` on a fresh scheduler until all of them finish.

    Fails if the system has not finished by itself within `timeout` seconds.
    """
    sched = scheduler()
    for part in components:
        part.activate(Scheduler=sched)
    driver.activate(Scheduler=sched)
    stopped: list[bool] = []

    def watchdog() -> None:
        stopped.append(True)
        sched.stop()

    timer = sched.call_later(timeout, watchdog)
    sched.runThreads()
    timer.cancel()
    assert driver.finished, f"the test script did not finish within {timeout}s"
    assert not stopped, f"the system did not shut down by itself within {timeout}s"
    return driver
