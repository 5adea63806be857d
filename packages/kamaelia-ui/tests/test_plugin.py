"""The plugin entry point, the components it offers, and the slideshow example."""

from importlib.metadata import entry_points

from Kamaelia.UI.Pygame import _ui_plugin
from Kamaelia.UI.Pygame._slideshow import run_slideshow

EXPECTED = {
    "PygameDisplay",
    "Button",
    "Image",
    "KeyEvent",
    "MagnaDoodle",
    "Multiclick",
    "TextDisplayer",
    "Textbox",
    "Ticker",
    "VideoOverlay",
    "VideoSurface",
    "TopologyViewer",
    "chunks_to_lines",
    "lines_to_tokenlists",
}


def test_entry_point_points_at_the_plugin_module():
    """The 'ui' entry point in group 'kamaelia' loads the plugin module."""
    found = [ep for ep in entry_points(group="kamaelia") if ep.name == "ui"]
    assert len(found) == 1
    assert found[0].value == "Kamaelia.UI.Pygame._ui_plugin"
    assert found[0].load() is _ui_plugin


def test_components_are_offered_with_their_boxes_and_summaries():
    """kamaelia_components() lists every widget with its module, summary and boxes."""
    specs = {spec.name: spec for spec in _ui_plugin.kamaelia_components()}
    assert set(specs) == EXPECTED
    button = specs["Button"]
    assert button.module == "Kamaelia.UI.Pygame.Button"
    assert set(button.inboxes) == {"inbox", "control", "callback"}
    assert set(button.outboxes) == {"outbox", "signal", "display_signal"}
    assert button.summary.startswith("A clickable button")
    assert all(spec.summary for spec in specs.values())
    assert "notify" in specs["PygameDisplay"].inboxes


def test_slideshow_example_is_offered():
    """kamaelia_examples() offers the presentation tool as 'slideshow'."""
    (example,) = _ui_plugin.kamaelia_examples()
    assert example.name == "slideshow"
    assert example.run is run_slideshow
