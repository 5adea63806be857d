"""A small web server: static files and a JSON endpoint, queried with urllib from this thread.

`HTTPProtocol(routes)` is the per-connection protocol of a SimpleServer; a
route maps a path prefix to a handler. The server runs on a `background`
scheduler while this (ordinary, blocking) code makes requests, then
`scheduler.run.stop()` shuts everything down. Needs kamaelia-axon and
kamaelia-net:

    python examples/http_server.py
"""

import json
import pathlib
import tempfile
import urllib.request

from Axon.background import background
from Axon.Scheduler import scheduler

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol, JSONEndpoint, StaticFiles


def add(request):
    """GET /api/add?a=2&b=3 -> {"sum": 5}"""
    return {"sum": sum(int(request.query[name][0]) for name in ("a", "b"))}


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as site:
        pathlib.Path(site, "index.html").write_text("<h1>Hello from Kamaelia</h1>\n")
        routes = {"/": StaticFiles(site), "/api/add": JSONEndpoint(add)}
        server = SimpleServer(protocol=lambda: HTTPProtocol(routes), port=0)

        background().start()
        server.activate()
        base = f"http://127.0.0.1:{server.port}"
        with urllib.request.urlopen(f"{base}/", timeout=10) as reply:
            print(reply.status, reply.headers["Content-Type"], reply.read().decode().strip())
        with urllib.request.urlopen(f"{base}/api/add?a=2&b=3", timeout=10) as reply:
            print(reply.status, json.load(reply))
        scheduler.run.stop()
