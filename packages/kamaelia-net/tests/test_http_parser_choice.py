"""The servers' default parser: httptools when installed (kamaelia-net[fast]), else h11."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from Kamaelia.Protocol.HTTP import _core
from Kamaelia.Protocol.HTTP.HTTPServer import HTTPServer
from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol


@pytest.fixture
def fresh_choice() -> Iterator[None]:
    _core._autoParser.cache_clear()
    yield
    _core._autoParser.cache_clear()


def test_default_is_httptools_when_installed(fresh_choice: None) -> None:
    pytest.importorskip("httptools")
    assert type(HTTPProtocol({}).http).__name__ == "FastServerConnection"
    assert type(HTTPServer(lambda request: None).http).__name__ == "FastServerConnection"


def test_default_falls_back_to_h11(fresh_choice: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httptools", None)  # import httptools now fails
    assert type(HTTPProtocol({}).http) is _core.ServerConnection
    assert type(HTTPServer(lambda request: None).http) is _core.ServerConnection


def test_an_unknown_parser_names_the_choices() -> None:
    with pytest.raises(ValueError, match=r"auto, h11, httptools, not 'llhttp'"):
        HTTPProtocol({}, parser="llhttp")
