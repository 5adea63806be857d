"""1.x ``Kamaelia.UI.MH``: a pygame application as a component, and mouse dragging."""

from Kamaelia.UI.MH.DragHandler import DragHandler
from Kamaelia.UI.MH.PyGameApp import PyGameApp

__all__ = ["DragHandler", "PyGameApp"]
