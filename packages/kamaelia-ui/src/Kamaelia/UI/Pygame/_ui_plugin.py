"""kamaelia-ui's plugin: its components and the slideshow example, offered through
the ``kamaelia`` entry point exactly as a third-party package would.

``[project.entry-points.kamaelia] ui = "Kamaelia.UI.Pygame._ui_plugin"``
"""

from __future__ import annotations

from Axon.plugins import ComponentSpec, ExampleSpec, hookimpl

from Kamaelia.UI.Pygame._slideshow import run_slideshow
from Kamaelia.UI.Pygame.Button import Button
from Kamaelia.UI.Pygame.Display import PygameDisplay
from Kamaelia.UI.Pygame.Image import Image
from Kamaelia.UI.Pygame.KeyEvent import KeyEvent
from Kamaelia.UI.Pygame.MagnaDoodle import MagnaDoodle
from Kamaelia.UI.Pygame.Multiclick import Multiclick
from Kamaelia.UI.Pygame.Text import Textbox, TextDisplayer
from Kamaelia.UI.Pygame.Ticker import Ticker
from Kamaelia.UI.Pygame.VideoOverlay import VideoOverlay
from Kamaelia.UI.Pygame.VideoSurface import VideoSurface
from Kamaelia.Visualisation.PhysicsGraph.chunks_to_lines import chunks_to_lines
from Kamaelia.Visualisation.PhysicsGraph.lines_to_tokenlists import lines_to_tokenlists
from Kamaelia.Visualisation.PhysicsGraph.TopologyViewer import TopologyViewer

__all__ = ["COMPONENTS", "kamaelia_components", "kamaelia_examples"]

#: Every component class kamaelia-ui offers.
COMPONENTS: tuple[type, ...] = (
    PygameDisplay,
    Button,
    Image,
    KeyEvent,
    MagnaDoodle,
    Multiclick,
    TextDisplayer,
    Textbox,
    Ticker,
    VideoOverlay,
    VideoSurface,
    TopologyViewer,
    chunks_to_lines,
    lines_to_tokenlists,
)


@hookimpl
def kamaelia_components() -> list[ComponentSpec]:
    """The components this package publishes."""
    return [ComponentSpec.from_class(cls) for cls in COMPONENTS]


@hookimpl
def kamaelia_examples() -> list[ExampleSpec]:
    """The example systems this package offers to `kamaelia demo`."""
    return [
        ExampleSpec(
            name="slideshow",
            summary="The presentation tool: Next/Previous/First/Last buttons and arrow keys "
            "step through the images in FOLDER (default: built-in slides).",
            run=run_slideshow,
        )
    ]
