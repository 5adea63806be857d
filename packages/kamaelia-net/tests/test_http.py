"""The small HTTP/1.1 server protocol: files, JSON, keep-alive and bad requests."""

from __future__ import annotations

import http.client
import json
from pathlib import Path

import pytest
from _net_harness import Running, connect, recv_until_eof
from _net_harness import http_request as _http

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol, JSONEndpoint, StaticFiles


@pytest.fixture
def site(tmp_path: Path, parser: str) -> tuple[int, Running]:
    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "index.html").write_text("<h1>home</h1>")
    (root / "docs" / "a.txt").write_text("alpha")
    (tmp_path / "secret.txt").write_text("do not serve")

    def add(request):  # type: ignore[no-untyped-def]
        numbers = request.json()
        return {"sum": sum(numbers)}

    routes = {
        "/": StaticFiles(root),
        "/api/echo": JSONEndpoint(lambda r: {"method": r.method, "q": r.query}),
        "/api/add": JSONEndpoint(add),
        "/api/broken": JSONEndpoint(lambda r: 1 / 0),
    }
    server = SimpleServer(
        protocol=lambda: HTTPProtocol(routes, maxBodyBytes=1000, parser=parser), port=0
    )
    system = Running(server)
    yield server.port, system
    system.close()


def test_static_files_with_types_and_index(site: tuple) -> None:
    """Files are served with a content type; a directory serves its index.html."""
    port, _ = site
    response, data = _http(port, "/docs/a.txt")
    assert (response.status, data) == (200, b"alpha")
    assert response.getheader("Content-Type").startswith("text/plain")
    response, data = _http(port, "/")
    assert (response.status, data) == (200, b"<h1>home</h1>")
    assert response.getheader("Content-Type") == "text/html"


def test_missing_and_escaping_paths_are_404(site: tuple) -> None:
    """Unknown files and paths climbing out of the root with .. are both 404."""
    port, _ = site
    assert _http(port, "/nope.txt")[0].status == 404
    assert _http(port, "/../secret.txt")[0].status == 404
    assert _http(port, "/docs/%2e%2e/%2e%2e/secret.txt")[0].status == 404


def test_head_and_method_not_allowed(site: tuple) -> None:
    """HEAD gives headers only; POST to static files is 405."""
    port, _ = site
    response, data = _http(port, "/docs/a.txt", method="HEAD")
    assert (response.status, data, response.getheader("Content-Length")) == (200, b"", "5")
    assert _http(port, "/docs/a.txt", method="POST", body=b"x")[0].status == 405


def test_json_endpoints(site: tuple) -> None:
    """JSON endpoints see the query and body and answer application/json; errors are 400/500."""
    port, _ = site
    response, data = _http(port, "/api/echo?x=1&x=2")
    assert response.getheader("Content-Type") == "application/json"
    assert json.loads(data) == {"method": "GET", "q": {"x": ["1", "2"]}}
    response, data = _http(port, "/api/add", method="POST", body=b"[1, 2, 3]")
    assert json.loads(data) == {"sum": 6}
    assert _http(port, "/api/add", method="POST", body=b"not json")[0].status == 400
    assert _http(port, "/api/broken")[0].status == 500


def test_keep_alive_serves_several_requests_on_one_connection(site: tuple) -> None:
    """HTTP/1.1 keeps the connection open between requests."""
    port, _ = site
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for _ in range(3):
        conn.request("GET", "/docs/a.txt")
        assert conn.getresponse().read() == b"alpha"
    conn.close()


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b"NONSENSE\r\n\r\n", b"400"),
        (b"GET /x HTTP/1.1\r\nbad header line\r\n\r\n", b"400"),
        (b"POST /api/add HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n", b"413"),
        (b"GET / HTTP/1.1\r\nX: " + b"y" * 70000, b"431"),
        (b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", b"400"),
    ],
)
def test_bad_requests_are_answered_and_closed(site: tuple, raw: bytes, status: bytes) -> None:
    """Malformed, oversize or unframeable requests get an error status, then the close."""
    port, _ = site
    with connect(port) as sock:
        sock.sendall(raw)
        reply = recv_until_eof(sock)
    assert reply.startswith(b"HTTP/1.1 " + status)
    assert b"Connection: close" in reply


def test_http10_request_then_half_close(site: tuple) -> None:
    """An HTTP/1.0 client that half-closes after its request gets the whole response."""
    import socket

    port, _ = site
    with connect(port) as sock:
        sock.sendall(b"GET /docs/a.txt HTTP/1.0\r\n\r\n")
        sock.shutdown(socket.SHUT_WR)
        reply = recv_until_eof(sock)
    assert reply.startswith(b"HTTP/1.1 200 OK")
    assert reply.endswith(b"\r\n\r\nalpha")


def test_symlinks_leading_out_of_the_root_are_404(tmp_path: Path) -> None:
    """A symlinked file or index.html that resolves outside the root is not served."""
    root = tmp_path / "site"
    (root / "sub").mkdir(parents=True)
    (root / "inside.txt").write_text("inside")
    (tmp_path / "secret.txt").write_text("do not serve")
    (root / "sub" / "index.html").symlink_to(tmp_path / "secret.txt")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    (root / "alias.txt").symlink_to(root / "inside.txt")
    server = SimpleServer(protocol=lambda: HTTPProtocol({"/": StaticFiles(root)}), port=0)
    system = Running(server)
    try:
        assert _http(server.port, "/sub/")[0].status == 404
        assert _http(server.port, "/sub")[0].status == 404
        assert _http(server.port, "/link.txt")[0].status == 404
        assert _http(server.port, "/alias.txt")[1] == b"inside"
    finally:
        system.close()
