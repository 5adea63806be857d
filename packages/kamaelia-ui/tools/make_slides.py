"""Draw the built-in slides of ``kamaelia demo slideshow`` (run once; the PNGs are committed).

SDL_VIDEODRIVER=dummy python tools/make_slides.py
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

log = logging.getLogger("make_slides")
OUT = Path(__file__).resolve().parent.parent / "src" / "Kamaelia" / "UI" / "Pygame" / "_slides"
SIZE = (800, 600)

#: (background colour, title, lines)
SLIDES = [
    ((32, 64, 128), "Kamaelia 2", ["The presentation tool", "Chooser + Image + four Buttons"]),
    (
        (32, 112, 64),
        "Components",
        ["Named inboxes and outboxes", "A generator main() per component", "Wired, not shared"],
    ),
    (
        (128, 48, 96),
        "This slideshow",
        [
            "Graphline(CHOOSER=Chooser(items=files),",
            "          IMAGE=Image(...),",
            "          NEXT=Button(...), ...)",
        ],
    ),
    (
        (112, 80, 24),
        "Try it",
        [
            "Click Next / Previous / First / Last",
            "or use the arrow keys, Home and End.",
            "Close the window to stop.",
        ],
    ),
]


def draw(
    background: tuple[int, int, int], title: str, lines: list[str], number: int
) -> pygame.Surface:
    slide = pygame.Surface(SIZE)
    slide.fill(background)
    pygame.draw.rect(slide, (255, 255, 255), slide.get_rect(), 6)
    title_font, body_font = pygame.font.Font(None, 96), pygame.font.Font(None, 44)
    slide.blit(title_font.render(title, False, (255, 255, 255)), (60, 70))
    pygame.draw.line(slide, (255, 255, 255), (60, 150), (740, 150), 3)
    for row, line in enumerate(lines):
        slide.blit(body_font.render(line, False, (240, 240, 240)), (60, 200 + 60 * row))
    footer = body_font.render(f"{number} / {len(SLIDES)}", False, (240, 240, 240))
    slide.blit(footer, (740 - footer.get_width(), 540))
    return slide


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pygame.display.init()
    pygame.font.init()
    OUT.mkdir(parents=True, exist_ok=True)
    for number, (background, title, lines) in enumerate(SLIDES, start=1):
        path = OUT / f"slide{number:02d}.png"
        # Plain (not antialiased) text leaves a handful of colours: a few KB per PNG.
        pygame.image.save(draw(background, title, lines, number), str(path))
        log.info("%s: %d bytes", path, path.stat().st_size)


if __name__ == "__main__":
    main()
