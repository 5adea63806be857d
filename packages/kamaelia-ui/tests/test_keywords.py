"""The widgets refuse a misspelt keyword, naming the ones they take."""

from __future__ import annotations

import pytest

from Kamaelia.UI.Pygame.Button import Button
from Kamaelia.UI.Pygame.Text import Textbox


def test_a_button_suggests_the_keyword_meant():
    with pytest.raises(
        TypeError, match=r"Button\(\) .* 'captoin'; it takes: .*did you mean: caption\?"
    ):
        Button(captoin="Next")


def test_a_textbox_takes_the_text_displayer_options():
    """Class-attribute options are inherited, and a typo among them is caught."""
    with pytest.raises(TypeError, match=r"Textbox\(\) .* 'bgcolor'.*did you mean: bgcolour"):
        Textbox(bgcolor=(0, 0, 0))


@pytest.mark.parametrize(
    ("module", "name", "typo", "meant"),
    [
        ("Kamaelia.UI.Pygame.Display", "PygameDisplay", "backgroundcolour", "background_colour"),
        ("Kamaelia.UI.Pygame.MagnaDoodle", "MagnaDoodle", "fgcolor", "fgcolour"),
        ("Kamaelia.UI.Pygame.Multiclick", "Multiclick", "msg_list", "msgs"),
        ("Kamaelia.UI.Pygame.VideoOverlay", "VideoOverlay", "positon", "position"),
        ("Kamaelia.UI.Pygame.VideoSurface", "VideoSurface", "resise", "resize"),
        ("Kamaelia.UI.MH.PyGameApp", "PyGameApp", "fulscreen", "fullscreen"),
        (
            "Kamaelia.Visualisation.PhysicsGraph.TopologyViewer",
            "TopologyViewer",
            "showgrid",
            "showGrid",
        ),
    ],
)
def test_the_other_pygame_components_suggest_the_keyword_meant(module, name, typo, meant):
    import importlib

    factory = getattr(importlib.import_module(module), name)
    with pytest.raises(TypeError, match=rf"{name}\(\) .* '{typo}'; it takes: .*{meant}"):
        factory(**{typo: 1})


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("Kamaelia.Visualisation.PhysicsGraph.chunks_to_lines", "chunks_to_lines"),
        ("Kamaelia.Visualisation.PhysicsGraph.lines_to_tokenlists", "lines_to_tokenlists"),
    ],
)
def test_the_topology_text_filters_take_no_keywords(module, name):
    """1.x set any keyword as an attribute; these take none, and say so."""
    import importlib

    factory = getattr(importlib.import_module(module), name)
    with pytest.raises(TypeError, match=rf"{name}\(\) .* 'delimiter'; it takes none"):
        factory(delimiter="\n")
