"""The inspector's web server: the page, its assets, the latest picture and a push stream.

Standard library only (``http.server`` in a daemon thread). It only reads:
every route is a GET of something the sampler already published; nothing
sent by the browser is executed or stored. Pictures are pushed with
Server-Sent Events (``/events``); ``/snapshot.json`` serves the latest one
(``kamaelia top`` polls it).
"""

from __future__ import annotations

import json
import logging
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any

__all__ = ["InspectorServer", "parse_address"]

log = logging.getLogger("Kamaelia.Inspect")

_ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
}
# The page runs only its own script and style: no inline code, nothing from elsewhere.
_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"
_HEARTBEAT = 15.0  # seconds between keep-alive comments on an idle event stream


def parse_address(text: str, default_host: str = "127.0.0.1") -> tuple[str, int]:
    """``"PORT"``, ``":PORT"`` or ``"HOST:PORT"`` as (host, port); ValueError if it is not."""
    host, _, port = str(text).rpartition(":")
    host = host.strip("[]") or default_host
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"expected [HOST:]PORT with PORT 0-65535, got {text!r}")
    return host, int(port)


class InspectorServer:
    """Serves the inspector page on (host, port); ``publish(state)`` shows a new picture."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._state = json.dumps({"components": [], "links": [], "ended": []}).encode()
        self._version = 0
        self._changed = threading.Condition()
        self._closing = False
        self._assets = {
            path: (
                resources.files(__package__).joinpath("static").joinpath(name).read_bytes(),
                kind,
            )
            for path, (name, kind) in _ASSETS.items()
        }
        self._httpd = ThreadingHTTPServer((host, port), self._handler_class())
        self._httpd.daemon_threads = True
        self.host, self.port = self._httpd.socket.getsockname()[:2]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="kamaelia-inspect", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in str(self.host) else self.host
        return f"http://{host}:{self.port}/"

    def publish(self, state: dict[str, Any]) -> None:
        """Make ``state`` the latest picture and wake every event stream."""
        data = json.dumps(state, separators=(",", ":")).encode()
        with self._changed:
            self._state = data
            self._version += 1
            self._changed.notify_all()

    def latest(self) -> tuple[int, bytes]:
        with self._changed:
            return self._version, self._state

    def wait_newer(self, version: int, timeout: float) -> tuple[int, bytes] | None:
        """The next picture after ``version`` (None on timeout or when closing)."""
        with self._changed:
            self._changed.wait_for(lambda: self._version != version or self._closing, timeout)
            if self._closing or self._version == version:
                return None
            return self._version, self._state

    def close(self) -> None:
        """Stop serving (open event streams end too)."""
        with self._changed:
            self._closing = True
            self._changed.notify_all()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    @property
    def closing(self) -> bool:
        return self._closing

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(_Handler):
            inspector = server

        return Handler


class _Handler(BaseHTTPRequestHandler):
    inspector: InspectorServer
    server_version = "kamaelia-inspect"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def _head(self, status: HTTPStatus, kind: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", _CSP)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path in self.inspector._assets:
            body, kind = self.inspector._assets[path]
        elif path == "/snapshot.json":
            body, kind = self.inspector.latest()[1], "application/json"
        elif path == "/events":
            self._stream()
            return
        else:
            self.send_error(
                HTTPStatus.NOT_FOUND, "the inspector serves /, /events and /snapshot.json"
            )
            return
        self._head(HTTPStatus.OK, kind, len(body))
        self.wfile.write(body)

    def _stream(self) -> None:
        self._head(HTTPStatus.OK, "text/event-stream")
        version, state = self.inspector.latest()
        try:
            self.wfile.write(b"data: " + state + b"\n\n")
            while not self.inspector.closing:
                self.wfile.flush()
                newer = self.inspector.wait_newer(version, _HEARTBEAT)
                if newer is None:
                    self.wfile.write(b": still here\n\n")
                    continue
                version, state = newer
                self.wfile.write(b"data: " + state + b"\n\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed
