"""TopologyViewerServer and TextControlledTopologyViewer: topology text in, pixels out."""

import socket

from _uihelpers import Driver, run_ui

from Kamaelia.Visualisation.PhysicsGraph.TopologyViewerServer import (
    TextControlledTopologyViewer,
    TopologyViewerServer,
)

NODE = (255, 128, 128)
WHITE = (255, 255, 255)
ARGS = {"screensize": (400, 300), "position": (0, 0), "showGrid": False}


def test_server_draws_what_two_tcp_clients_write():
    """Each client's lines become commands, even when a line arrives in pieces."""
    server = TopologyViewerServer(serverPort=0, **ARGS)
    port = server.parts[0].port

    def script(d):
        first = socket.create_connection(("127.0.0.1", port))
        second = socket.create_connection(("127.0.0.1", port))
        first.sendall(b"ADD NODE a A 100,150 -\nFREEZE")
        second.sendall(b"ADD NODE b B 300,150 -\n")
        yield from d.sleep(0.05)
        first.sendall(b" ALL\n")
        yield from d.wait_for_pixel((100, 135), NODE)
        yield from d.wait_for_pixel((300, 135), NODE)
        second.close()
        first.sendall(b"DEL NODE b\n")
        yield from d.wait_for_pixel((300, 135), WHITE)
        first.close()
        d.shutdown(server)

    run_ui(Driver(script), server)


def test_server_listens_on_loopback_only_by_default():
    """Without serverHost it binds 127.0.0.1."""
    server = TopologyViewerServer(serverPort=0, **ARGS)
    try:
        assert server.parts[0].listener.getsockname()[0] == "127.0.0.1"
    finally:
        server.parts[0].listener.close()


def test_text_controlled_viewer_takes_text_on_its_inbox_and_replies_on_its_outbox():
    """Text chunks on its inbox drive the viewer; the viewer's replies come out of its outbox."""
    viewer = TextControlledTopologyViewer(**ARGS)
    driver = Driver(None)
    driver.link((driver, "outbox"), (viewer, "inbox"))
    viewer.link((viewer, "outbox"), (driver, "inbox"))

    def script(d):
        d.send(b"ADD NODE a A 100,150 -\nGET_NAME NODE a\n", "outbox")
        yield from d.wait_for_pixel((100, 135), NODE)
        yield from d.wait_for_message("inbox")
        assert d.collect()["inbox"][0] == ("UPDATE_NAME", "NODE", "a", "A")
        d.shutdown(viewer)

    driver.script = script
    run_ui(driver, viewer)
