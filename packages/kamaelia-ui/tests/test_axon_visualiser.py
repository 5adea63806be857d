"""AxonVisualiser: Introspector text about a live system drawn as components and boxes."""

from _uihelpers import Driver, count_colour, run_ui
from Axon.Component import component
from Axon.Introspector import Introspector

from Kamaelia.Visualisation.Axon.AxonVisualiserServer import (
    AxonVisualiser,
    AxonVisualiserServer,
    text_to_token_lists,
)
from Kamaelia.Visualisation.Axon.PComponent import PComponent, acronym
from Kamaelia.Visualisation.Axon.PPostbox import PPostbox, nearest45DegreeStep

ARGS = {"screensize": (500, 400), "position": (0, 0), "showGrid": False}


def test_components_and_boxes_are_drawn_as_their_particle_kinds():
    """component nodes are hexagons in their own colour; inbox/outbox nodes are postboxes."""
    visualiser = AxonVisualiser(**ARGS)
    driver = Driver(None)
    driver.link((driver, "outbox"), (visualiser, "inbox"))
    colour = PComponent("x", (0, 0), "Source").colour

    def script(d):
        for line in (
            "ADD NODE Source Source 150,200 component",
            "ADD NODE Source#outbox outbox 200,200 outbox",
            "ADD NODE Sink#inbox inbox 300,200 inbox",
            "ADD LINK Source Source#outbox",
            "ADD LINK Source#outbox Sink#inbox",
            "FREEZE ALL",
        ):
            d.send(line.split(), "outbox")
        yield from d.wait_until(lambda: count_colour((130, 180, 40, 40), colour) > 200, "hexagon")
        particles = visualiser.physics.particleDict
        assert isinstance(particles["Source"], PComponent)
        assert particles["Source#outbox"].postboxtype == "outbox"
        assert particles["Sink#inbox"].postboxtype == "inbox"
        # The outbox -> inbox link is drawn green.
        yield from d.wait_until(lambda: count_colour((210, 195, 80, 10), (0, 160, 0)) > 20, "link")
        d.shutdown(visualiser)

    driver.script = script
    run_ui(driver, visualiser)


class _Idle(component):
    def main(self):
        while not self.dataReady("control"):
            self.pause()
            yield 1


def test_introspector_text_shows_the_running_system():
    """Axon's Introspector feeding the visualiser makes a node for every live component."""
    watched = _Idle()
    intro = Introspector(interval=0.02)
    words = text_to_token_lists()
    visualiser = AxonVisualiser(**ARGS)
    intro.link((intro, "outbox"), (words, "inbox"))
    intro.link((intro, "signal"), (words, "control"))
    words.link((words, "outbox"), (visualiser, "inbox"))

    def script(d):
        particles = visualiser.physics.particleDict
        yield from d.wait_until(lambda: str(watched.id) in particles, "the watched component")
        assert f"({watched.id}, 'i', 'control')" in particles
        d.shutdown(intro, watched, visualiser)

    run_ui(Driver(script), watched, intro, words, visualiser)


def test_axon_visualiser_server_is_a_listening_visualiser():
    """AxonVisualiserServer listens (127.0.0.1 by default) and uses the Axon particle kinds."""
    server = AxonVisualiserServer(serverPort=0, **ARGS)
    try:
        assert server.parts[0].listener.getsockname()[0] == "127.0.0.1"
        assert server.parts[-1].particleTypes["inbox"] is PPostbox.Inbox
    finally:
        server.parts[0].listener.close()


def test_names_and_directions():
    """acronym picks the capitals and word starts; directions round to 45 degree steps."""
    assert acronym("Kamaelia.Util.Console.ConsoleEchoer") == "K.U.C.CE"
    assert nearest45DegreeStep((1, 0)) == 0
    assert nearest45DegreeStep((0, 1)) == 90
    assert nearest45DegreeStep((-1, -1)) == 225
    assert nearest45DegreeStep((0, 0)) == 0
