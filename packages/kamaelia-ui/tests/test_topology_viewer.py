"""TopologyViewer: nodes and links drawn from ADD/DEL commands, replies and errors."""

from _uihelpers import Driver, count_colour, pixel, run_ui

from Kamaelia.Visualisation.PhysicsGraph.TopologyViewer import TopologyViewer

NODE = (255, 128, 128)
LINK = (128, 128, 255)
WHITE = (255, 255, 255)


def _viewer_and_driver(script, **args):
    viewer = TopologyViewer(screensize=(400, 300), position=(0, 0), showGrid=False, **args)
    driver = Driver(script)
    driver.link((driver, "outbox"), (viewer, "inbox"))
    viewer.link((viewer, "outbox"), (driver, "inbox"))
    return viewer, driver


def _commands(driver, *lines):
    for line in lines:
        driver.send(line.split(), "outbox")


def test_added_nodes_and_link_are_drawn_where_asked():
    """ADD NODE at x,y draws a circle there; ADD LINK draws a line between two nodes."""

    def script(d):
        _commands(
            d,
            "ADD NODE a A 100,150 -",
            "ADD NODE b B 300,150 -",
            "ADD LINK a b",
            "FREEZE ALL",
        )
        yield from d.wait_for_pixel((100, 135), NODE)
        assert pixel((300, 135)) == NODE
        assert pixel((200, 150)) == LINK  # half way along the link
        assert pixel((200, 100)) == WHITE
        d.shutdown(viewer)

    viewer, driver = _viewer_and_driver(script)
    run_ui(driver, viewer)


def test_deleted_node_disappears_with_its_link():
    """DEL NODE removes the node and every link to it."""

    def script(d):
        _commands(d, "ADD NODE a A 100,150 -", "ADD NODE b B 300,150 -", "ADD LINK a b")
        _commands(d, "FREEZE ALL")
        yield from d.wait_for_pixel((200, 150), LINK)
        _commands(d, "DEL NODE b")
        yield from d.wait_for_pixel((300, 135), WHITE)
        assert pixel((200, 150)) == WHITE
        assert count_colour((0, 0, 400, 300), LINK) == 0
        d.shutdown(viewer)

    viewer, driver = _viewer_and_driver(script)
    run_ui(driver, viewer)


def test_unbonded_nodes_push_apart():
    """Two nodes placed on top of each other are moved apart by the physics."""

    def script(d):
        _commands(d, "ADD NODE a A 200,150 -", "ADD NODE b B 201,150 -")
        particles = viewer.physics.particleDict
        yield from d.wait_until(lambda: len(particles) == 2, "both nodes")
        yield from d.wait_until(
            lambda: abs(particles["a"].pos[0] - particles["b"].pos[0]) > 40, "the nodes to part"
        )
        d.shutdown(viewer)

    viewer, driver = _viewer_and_driver(script)
    run_ui(driver, viewer)


def test_get_all_replies_with_the_topology_and_bad_commands_get_errors():
    """GET ALL answers with the graph as commands; a bad command gets ("ERROR", text)."""

    def script(d):
        _commands(d, "ADD NODE a A 100,100 -", "ADD NODE b B 200,100 -", "ADD LINK a b")
        _commands(d, "GET ALL", "ADD NODE c C nowhere -", "FLY AWAY")
        yield from d.wait_for_message("inbox", count=3)
        topology, bad_position, unknown = d.collect()["inbox"][:3]
        assert topology == (
            "TOPOLOGY",
            [
                ("DEL", "ALL"),
                ("ADD", "NODE", "a", "A", "random", "-"),
                ("ADD", "NODE", "b", "B", "random", "-"),
                ("ADD", "LINK", "a", "b"),
            ],
        )
        assert bad_position[0] == "ERROR"
        assert "'nowhere' is not randompos" in bad_position[1]
        assert unknown[0] == "ERROR"
        assert "the commands are" in unknown[1]
        d.shutdown(viewer)

    viewer, driver = _viewer_and_driver(script)
    run_ui(driver, viewer)


def test_clicking_a_node_selects_it():
    """A click on a node sends ("SELECT", "NODE", id) and draws a black ring round it."""
    from _uihelpers import click

    def script(d):
        _commands(d, "ADD NODE a A 100,150 -", "FREEZE ALL")
        yield from d.wait_for_pixel((100, 135), NODE)
        click((100, 150))
        yield from d.wait_for_message("inbox")
        assert d.collect()["inbox"][0] == ("SELECT", "NODE", "a")
        yield from d.wait_for_pixel((100, 131), (0, 0, 0))
        d.shutdown(viewer)

    viewer, driver = _viewer_and_driver(script)
    run_ui(driver, viewer)


def test_dragging_a_node_moves_it_and_it_stays_while_held():
    """Mouse down on a node, move with the button held, release: the node is where it was put."""
    import pygame

    def script(d):
        _commands(d, "ADD NODE a A 100,150 -")
        yield from d.wait_for_pixel((100, 135), NODE)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(100, 150), button=1))
        yield from d.sleep(0.05)
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=(250, 200), rel=(150, 50), buttons=(1, 0, 0))
        )
        yield from d.wait_for_pixel((250, 185), NODE)
        assert viewer.physics.particleDict["a"].static  # held: the physics leaves it alone
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(250, 200), button=1))
        yield from d.wait_until(lambda: not viewer.physics.particleDict["a"].static, "release")
        assert tuple(viewer.physics.particleDict["a"].pos) == (250, 200)
        d.shutdown(viewer)

    viewer, driver = _viewer_and_driver(script)
    run_ui(driver, viewer)
