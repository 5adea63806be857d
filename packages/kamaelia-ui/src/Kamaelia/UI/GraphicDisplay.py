"""1.x location of the display service: ``from Kamaelia.UI.GraphicDisplay import PygameDisplay``.

Kept so 1.x code imports unchanged; new code uses `Kamaelia.UI.Pygame.Display`.
"""

from Kamaelia.UI.Pygame.Display import PygameDisplay

__all__ = ["PygameDisplay"]
