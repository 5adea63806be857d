"""The HTTP core parses each request head once, however its body trickles in."""

from __future__ import annotations

import pytest

from Kamaelia.Protocol.HTTP import _core
from Kamaelia.Protocol.HTTP._core import makeServerConnection


def test_a_trickled_body_does_not_reparse_the_head(
    parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """54 KB of headers, then a body one byte per segment: the head is checked once."""
    calls: list[int] = []
    real = _core.checkedHead

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(_core, "checkedHead", counting)
    if parser == "httptools":
        from Kamaelia.Protocol.HTTP import _fastcore

        monkeypatch.setattr(_fastcore, "checkedHead", counting)
    http = makeServerConnection(parser, 65536, 1 << 20)
    filler = "".join(f"X-Filler-{n}: {'y' * 50}\r\n" for n in range(800)).encode()
    http.feed(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2000\r\n" + filler + b"\r\n")
    assert http.nextRequest() is None
    for _ in range(2000):
        http.feed(b"z")
        request = http.nextRequest()
    assert request is not None
    assert request.body == b"z" * 2000
    assert len(calls) == 1


def test_unknown_parser_is_refused() -> None:
    """A parser name that does not exist is a clear error."""
    with pytest.raises(ValueError, match="h11, httptools"):
        makeServerConnection("picohttp", 1, 1)
