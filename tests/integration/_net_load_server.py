"""A server for test_net_load.py, in its own process: python _net_load_server.py KIND.

KIND is echo, line or http. It prints its port, then serves until killed.
"""

from __future__ import annotations

import resource
import sys

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Protocol.EchoProtocol import EchoProtocol
from Kamaelia.Protocol.Framing import LineDeFramer, LineFramer
from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol, JSONEndpoint

# Every connection is a descriptor: a thousand hostile clients need more than 1,024.
_soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(_hard, 8192), _hard))

LIMITS = {"requestTimeout": 2.0, "idleTimeout": 10.0}


def _add(request):  # type: ignore[no-untyped-def]
    return {"sum": sum(int(request.query[name][0]) for name in ("a", "b"))}


def main(kind: str) -> None:
    if kind == "echo":
        server = SimpleServer(protocol=EchoProtocol, port=0, **LIMITS)
    elif kind == "line":
        server = ServerCore(
            protocol=lambda **_: Pipeline(LineDeFramer(maxLineLength=4096), LineFramer()),
            port=0,
            **LIMITS,
        )
    else:
        routes = {"/api/add": JSONEndpoint(_add)}
        server = SimpleServer(protocol=lambda: HTTPProtocol(routes), port=0, **LIMITS)
    sys.stdout.write(f"{server.port}\n")
    sys.stdout.flush()
    server.run()


if __name__ == "__main__":
    main(sys.argv[1])
