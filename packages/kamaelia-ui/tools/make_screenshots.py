"""Save the pictures in docs/: the slideshow and a Ticker, drawn headless.

python tools/make_screenshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
from Axon.Component import component
from Axon.Scheduler import scheduler

from Kamaelia.UI.Pygame import _slideshow
from Kamaelia.UI.Pygame.Display import PygameDisplay
from Kamaelia.UI.Pygame.Ticker import Ticker

DOCS = Path(__file__).resolve().parent.parent / "docs"
POEM = """The lights begin to twinkle from the rocks; the long day wanes; the slow moon
climbs; the deep moans round with many voices. Come, my friends, 'tis not too late
to seek a newer world."""


class Photographer(component):
    """Waits until `ready()` is true, saves the window to `path`, then closes it."""

    def __init__(self, ready, path: Path) -> None:
        super().__init__()
        self.ready, self.path = ready, path

    def main(self):
        while not (pygame.display.get_surface() and self.ready()):
            done: list[int] = []
            self.scheduler.call_later(0.02, lambda done=done: (done.append(1), self.unpause()))
            while not done:
                self.pause()
                yield 1
        pygame.image.save(pygame.display.get_surface(), str(self.path))
        pygame.event.post(pygame.event.Event(pygame.QUIT))


def pixel(position):
    return tuple(pygame.display.get_surface().get_at(position))[:3]


def slideshow() -> None:
    files = _slideshow.slide_files()
    display = PygameDisplay(width=_slideshow.WINDOW_SIZE[0], height=_slideshow.WINDOW_SIZE[1])
    PygameDisplay.setDisplayService(display)
    display.activate()
    _slideshow.make_slideshow(files).activate()
    first_slide = (32, 64, 128)
    Photographer(lambda: pixel((38, 498)) == first_slide, DOCS / "slideshow.png").activate()
    scheduler.run.runThreads()


def ticker() -> None:
    display = PygameDisplay(width=420, height=250, background_colour=(40, 40, 40))
    PygameDisplay.setDisplayService(display)
    display.activate()
    show = Ticker(
        position=(10, 10),
        render_right=400,
        render_bottom=230,
        words_per_second=200,
        outline_colour=(232, 232, 48),
    )
    show.activate()
    show.deliver(POEM, "inbox")
    Photographer(
        lambda: not show._words and show.display is not None, DOCS / "ticker.png"
    ).activate()
    scheduler.run.runThreads()


if __name__ == "__main__":
    DOCS.mkdir(exist_ok=True)
    slideshow()
    ticker()
