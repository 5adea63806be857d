"""Module layout: the 1.x import paths, honest __all__ lists, namespace packages."""

import importlib
import inspect
import sys

import pytest
from Axon.Component import component

import Kamaelia
import Kamaelia.UI
from Kamaelia.UI.Pygame.Display import PygameDisplay

MODULES = [
    "Display",
    "Button",
    "Image",
    "Ticker",
    "Text",
    "KeyEvent",
    "Multiclick",
    "MagnaDoodle",
    "VideoOverlay",
    "VideoSurface",
    "EventHandler",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_lists_exactly_the_public_components_of_each_module(name):
    """Each module's __all__ names things it defines, including every component class."""
    module = importlib.import_module(f"Kamaelia.UI.Pygame.{name}")
    defined = {
        attr
        for attr, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, component)
        and value.__module__ == module.__name__
        and not attr.startswith("_")
    }
    assert defined <= set(module.__all__)
    assert all(hasattr(module, attr) for attr in module.__all__)


def test_kamaelia_and_ui_are_namespace_packages():
    """Kamaelia and Kamaelia.UI have no __init__.py, so other distributions can add to them."""
    assert getattr(Kamaelia, "__file__", None) is None
    assert getattr(Kamaelia.UI, "__file__", None) is None


def test_graphicdisplay_is_the_1x_import_path():
    """Kamaelia.UI.GraphicDisplay.PygameDisplay is the display class."""
    from Kamaelia.UI.GraphicDisplay import PygameDisplay as Old

    assert Old is PygameDisplay


def test_old_pygamedisplay_module_warns_and_still_works():
    """Importing Kamaelia.UI.PygameDisplay warns that it is deprecated."""
    sys.modules.pop("Kamaelia.UI.PygameDisplay", None)
    with pytest.warns(DeprecationWarning, match=r"import PygameDisplay from Kamaelia\.UI\.Pygame"):
        module = importlib.import_module("Kamaelia.UI.PygameDisplay")
    assert module.PygameDisplay is PygameDisplay
