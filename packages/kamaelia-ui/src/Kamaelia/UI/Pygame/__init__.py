"""Kamaelia.UI.Pygame: components that draw in one shared pygame window.

Every widget asks the `PygameDisplay` service (registered with the
coordinating assistant tracker as ``"pygamedisplay"``) for a surface, draws on
it, and receives the pygame events it asked for.  The modules keep their
Kamaelia 1.x names: `Display`, `Button`, `Image`, `Ticker`, `Text`,
`KeyEvent`, `Multiclick`, `MagnaDoodle`, `VideoOverlay` and `VideoSurface`.
"""

import os

# pygame greets the world on stdout when first imported; a library must not
# print, so ask it to stay quiet unless the user has said otherwise.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

__all__: list[str] = []
