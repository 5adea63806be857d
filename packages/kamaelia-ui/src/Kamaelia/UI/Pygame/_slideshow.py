"""The presentation tool from the Kamaelia front page, offered as ``kamaelia demo slideshow``.

A Chooser holds the slide files; four Buttons (and the arrow keys, through a
KeyEvent) tell it to move; an Image shows what it chooses::

    Graphline(CHOOSER=Chooser(items=files), IMAGE=Image(...),
              NEXT=Button(...), PREVIOUS=Button(...), FIRST=Button(...), LAST=Button(...),
              KEYS=KeyEvent(...), STEER=SlideSteerer(len(files)), linkages={...})

SlideSteerer sits between the controls and the Chooser: it passes commands
on, and when the Image reports that a slide cannot be loaded it steps on past
it, so one broken file does not stop the show.  Graphline and Chooser come
from kamaelia-chassis (``pip install 'kamaelia-ui[slideshow]'``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

import pygame
from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.UI.Pygame.Button import Button
from Kamaelia.UI.Pygame.Display import PygameDisplay
from Kamaelia.UI.Pygame.Image import Image
from Kamaelia.UI.Pygame.KeyEvent import KeyEvent

__all__ = ["SlideSteerer", "make_slideshow", "run_slideshow", "slide_files"]

log = logging.getLogger("Kamaelia.UI.Pygame.slideshow")

SLIDE_EXTENSIONS = (".png", ".gif", ".jpg", ".jpeg", ".bmp")
BUILTIN_SLIDES = Path(__file__).parent / "_slides"
IMAGE_SIZE = (800, 600)
IMAGE_POSITION = (8, 48)
WINDOW_SIZE = (IMAGE_SIZE[0] + 16, IMAGE_SIZE[1] + 56)
KEYS = {
    pygame.K_RIGHT: "NEXT",
    pygame.K_DOWN: "NEXT",
    pygame.K_PAGEDOWN: "NEXT",
    pygame.K_SPACE: "NEXT",
    pygame.K_LEFT: "PREV",
    pygame.K_UP: "PREV",
    pygame.K_PAGEUP: "PREV",
    pygame.K_HOME: "FIRST",
    pygame.K_END: "LAST",
    pygame.K_ESCAPE: "QUIT",
}


class SlideSteerer(component):
    """Passes slide commands to a Chooser of `count` items, stepping past broken slides.

    It follows the Chooser's position (NEXT stops at the end, PREV at the
    start).  Each report on "errors" (the Image's errorInformation) means
    the current slide could not be shown: it steps on the way the viewer was
    going, turning round at either end, and gives up after `count` reports
    in a row.  "QUIT" closes the window, which ends the show.
    """

    Inboxes = {
        "inbox": "Commands from the buttons and keys: NEXT, PREV, FIRST, LAST, QUIT",
        "errors": "Reports from the Image that a slide could not be loaded",
        "control": "producerFinished or shutdownMicroprocess ends it",
    }
    Outboxes = {
        "outbox": "Commands for the Chooser",
        "signal": "The shutdown message, passed on",
    }

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.index = 0
        self.forwards = True
        self.skipped = 0

    def _move(self, command: str) -> None:
        last = max(self.count - 1, 0)
        self.index = {
            "NEXT": min(self.index + 1, last),
            "PREV": max(self.index - 1, 0),
            "FIRST": 0,
            "LAST": last,
        }[command]
        self.send(command, "outbox")

    def _command(self, command: Any) -> None:
        if command == "QUIT":
            pygame.event.post(pygame.event.Event(pygame.QUIT))
        elif command in ("NEXT", "PREV", "FIRST", "LAST"):
            self.forwards = command in ("NEXT", "FIRST")
            self.skipped = 0
            self._move(command)
        else:
            log.warning("SlideSteerer: ignoring unknown command %r", command)

    def _skip_broken(self) -> None:
        self.skipped += 1
        if self.skipped >= self.count:
            log.error("SlideSteerer: none of the %d slides can be shown", self.count)
            return
        if self.forwards and self.index >= self.count - 1:
            self.forwards = False  # broken last slide: turn round
        elif not self.forwards and self.index == 0:
            self.forwards = True
        self._move("NEXT" if self.forwards else "PREV")

    def main(self) -> Generator[int, None, None]:
        """Relay commands and step past broken slides until shut down."""
        while True:
            while self.dataReady("inbox"):
                self._command(self.recv("inbox"))
            while self.dataReady("errors"):
                self.recv("errors")
                self._skip_broken()
            while self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (producerFinished, shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            self.pause()
            yield 1


def slide_files(folder: str | os.PathLike[str] | None = None) -> list[str]:
    """The image files in `folder` (default: the built-in slides), sorted by name."""
    directory = Path(folder) if folder is not None else BUILTIN_SLIDES
    if not directory.is_dir():
        raise FileNotFoundError(f"slideshow: {str(directory)!r} is not a folder")
    files = sorted(
        str(path)
        for path in directory.iterdir()
        if path.suffix.lower() in SLIDE_EXTENSIONS and path.is_file()
    )
    if not files:
        raise FileNotFoundError(
            f"slideshow: no slides in {str(directory)!r} (looked for {', '.join(SLIDE_EXTENSIONS)})"
        )
    return files


def make_slideshow(files: Sequence[str], image_size: tuple[int, int] = IMAGE_SIZE) -> Any:
    """The slideshow system for `files`, as an (inactive) Graphline."""
    from Kamaelia.Chassis.Graphline import Graphline
    from Kamaelia.Util.Chooser import Chooser

    return Graphline(
        CHOOSER=Chooser(items=list(files)),
        IMAGE=Image(size=image_size, position=IMAGE_POSITION, bgcolour=(48, 48, 48), fit=True),
        PREVIOUS=Button(caption="Previous", msg="PREV", position=(8, 8)),
        NEXT=Button(caption="Next", msg="NEXT", position=(72, 8)),
        FIRST=Button(caption="First", msg="FIRST", position=(256, 8)),
        LAST=Button(caption="Last", msg="LAST", position=(320, 8)),
        KEYS=KeyEvent(key_events={key: (command, "outbox") for key, command in KEYS.items()}),
        STEER=SlideSteerer(len(files)),
        linkages={
            ("PREVIOUS", "outbox"): ("STEER", "inbox"),
            ("NEXT", "outbox"): ("STEER", "inbox"),
            ("FIRST", "outbox"): ("STEER", "inbox"),
            ("LAST", "outbox"): ("STEER", "inbox"),
            ("KEYS", "outbox"): ("STEER", "inbox"),
            ("STEER", "outbox"): ("CHOOSER", "inbox"),
            ("CHOOSER", "outbox"): ("IMAGE", "inbox"),
            ("IMAGE", "outbox"): ("STEER", "errors"),
        },
    )


HEADLESS_DRIVERS = ("dummy", "offscreen")  # SDL video drivers that show nothing

_HOW = (
    "Next/Previous/First/Last buttons or the arrow keys (Space, Page Up/Down, Home, End) "
    "move; close the window or press Escape to quit"
)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kamaelia demo slideshow",
        usage="%(prog)s [FOLDER] [--duration SECONDS]",
        description="Show the images in FOLDER (default: the built-in slides) in a window. "
        + _HOW
        + ".",
    )
    parser.add_argument("folder", metavar="FOLDER", nargs="?", help="a folder of images")
    parser.add_argument(
        "--duration",
        metavar="SECONDS",
        type=float,
        help="close the show after SECONDS (lets it run where there is no display)",
    )
    return parser.parse_args(argv)


def _display_problem() -> str:
    """Why no window can be seen here ("" if one can)."""
    try:
        pygame.display.init()
    except pygame.error as error:
        return f"cannot open a display ({error})"
    driver = pygame.display.get_driver()
    if driver in HEADLESS_DRIVERS:
        pygame.display.quit()  # PygameDisplay opens it again if the show runs anyway
        return f"no display to show it on (SDL video driver {driver!r})"
    return ""


def run_slideshow(argv: list[str]) -> int:
    """``kamaelia demo slideshow [FOLDER] [--duration SECONDS]``: show the slides.

    Runs until the window is closed, or for SECONDS. Without a real display
    (SDL's dummy or offscreen driver, or none at all) and without
    ``--duration`` it says so and returns 1 rather than wait for a window
    nobody can see.
    """
    try:
        args = _parse(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else 2
    try:
        files = slide_files(args.folder)
    except FileNotFoundError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    try:
        system = make_slideshow(files)
    except ImportError as error:
        sys.stderr.write(
            f"slideshow: needs kamaelia-chassis for Graphline and Chooser ({error}); "
            "install it with: pip install 'kamaelia-ui[slideshow]'\n"
        )
        return 2
    problem = _display_problem()
    if problem and args.duration is None:
        sys.stderr.write(
            f"slideshow: {problem}: run it where there is a display, or give "
            "--duration SECONDS to run it without one for that long\n"
        )
        return 1
    display = PygameDisplay(
        width=WINDOW_SIZE[0], height=WINDOW_SIZE[1], caption="Kamaelia slideshow"
    )
    PygameDisplay.setDisplayService(display)
    display.activate()
    where = args.folder or "the built-in slides"
    until = f"; it closes by itself after {args.duration:g} s" if args.duration is not None else ""
    sys.stdout.write(f"slideshow: {len(files)} slides from {where}. {_HOW}{until}.\n")
    sys.stdout.flush()
    if args.duration is not None:  # the same as the user closing the window
        display.scheduler.call_later(
            args.duration, lambda: pygame.event.post(pygame.event.Event(pygame.QUIT))
        )
    system.run()
    return 0
