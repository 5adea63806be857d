"""Deprecated 1.x location of the display service; use `Kamaelia.UI.Pygame.Display`."""

import warnings

from Kamaelia.UI.Pygame.Display import PygameDisplay

__all__ = ["PygameDisplay"]

warnings.warn(
    "Kamaelia.UI.PygameDisplay is deprecated; import PygameDisplay from Kamaelia.UI.Pygame.Display",
    DeprecationWarning,
    stacklevel=2,
)
