"""The inspector's web server: its routes, headers, push stream and address parsing."""

import http.client
import json

import pytest

from Kamaelia.Inspect import parse_address, serve
from Kamaelia.Inspect._server import InspectorServer


@pytest.fixture
def server():
    srv = InspectorServer("127.0.0.1", 0)
    yield srv
    srv.close()


def _get(srv, path, method="GET"):
    conn = http.client.HTTPConnection(srv.host, srv.port, timeout=5)
    conn.request(method, path)
    reply = conn.getresponse()
    return reply, reply.read(), conn


def test_page_and_assets_are_served_from_the_package(server):
    """/ is the page; its script and style come from the package, with a strict CSP."""
    reply, body, _ = _get(server, "/")
    assert reply.status == 200
    assert b'<script src="app.js"></script>' in body
    assert "default-src 'self'" in reply.getheader("Content-Security-Policy")
    for path, kind in (("/app.js", "text/javascript"), ("/style.css", "text/css")):
        reply, body, _ = _get(server, path)
        assert reply.status == 200
        assert reply.getheader("Content-Type").startswith(kind)
        assert body
    # Nothing on the page comes from anywhere else: it works offline.
    page = _get(server, "/")[1] + _get(server, "/app.js")[1] + _get(server, "/style.css")[1]
    assert b"http://" not in page.replace(b"http://www.w3.org/2000/svg", b"")
    assert b"https://" not in page


def test_snapshot_is_the_latest_published_picture(server):
    """/snapshot.json answers the last picture published."""
    assert json.loads(_get(server, "/snapshot.json")[1])["components"] == []
    server.publish({"components": [{"id": 7}], "links": [], "ended": []})
    assert json.loads(_get(server, "/snapshot.json")[1])["components"] == [{"id": 7}]


def test_events_push_each_new_picture(server):
    """/events sends the current picture at once, then every newer one."""
    server.publish({"n": 1})
    reply, _, conn = None, None, http.client.HTTPConnection(server.host, server.port, timeout=5)
    conn.request("GET", "/events")
    reply = conn.getresponse()
    assert reply.getheader("Content-Type") == "text/event-stream"
    assert reply.fp.readline() == b'data: {"n":1}\n'
    assert reply.fp.readline() == b"\n"
    server.publish({"n": 2})
    assert reply.fp.readline() == b'data: {"n":2}\n'
    conn.close()


def test_it_only_reads(server):
    """Anything but GET is refused; unknown paths are 404."""
    assert _get(server, "/", "POST")[0].status == 501
    assert _get(server, "/../../etc/passwd")[0].status == 404


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8050", ("127.0.0.1", 8050)),
        (":8050", ("127.0.0.1", 8050)),
        ("0.0.0.0:0", ("0.0.0.0", 0)),
        ("[::1]:9", ("::1", 9)),
    ],
)
def test_addresses(text, expected):
    """[HOST:]PORT, host 127.0.0.1 unless given."""
    assert parse_address(text) == expected


@pytest.mark.parametrize("text", ["", "web", "host:", "1:99999", "-1"])
def test_bad_addresses_are_refused(text):
    with pytest.raises(ValueError, match=r"expected \[HOST:\]PORT"):
        parse_address(text)


def test_serve_binds_loopback_by_default_and_closes():
    """serve() listens on 127.0.0.1 and close() stops it."""
    inspector = serve(0)
    try:
        assert inspector.url.startswith("http://127.0.0.1:")
        assert _get(inspector.server, "/")[0].status == 200
    finally:
        inspector.close()
    with pytest.raises(OSError):
        _get(inspector.server, "/")
