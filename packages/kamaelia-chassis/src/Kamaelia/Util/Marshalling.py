"""Marshaller and DeMarshaller: encode / decode each message with a codec.

A codec is any object (usually a class with static methods) offering
``marshall(obj)`` and ``demarshall(data)``.  Safe codecs are provided:
:class:`JSONMarshalling` (objects <-> JSON text), :class:`UTF8Marshalling`
(str <-> bytes) and :class:`StrMarshalling` (``str()`` one way, text back
unchanged).  No codec here uses pickle or eval: data from outside can never
run code.
"""

from __future__ import annotations

import json
from typing import Any

from Axon.options import checked_keywords

from Kamaelia.Util.PureTransformer import PureTransformer

__all__ = [
    "Marshaller",
    "DeMarshaller",
    "JSONMarshalling",
    "UTF8Marshalling",
    "StrMarshalling",
]


class JSONMarshalling:
    """JSON text codec for lists, dicts, strings, numbers, booleans and None."""

    @staticmethod
    def marshall(obj: Any) -> str:
        """Encode as compact JSON text."""
        return json.dumps(obj, separators=(",", ":"))

    @staticmethod
    def demarshall(data: str | bytes) -> Any:
        """Decode JSON text (str or UTF-8 bytes); ValueError on malformed input."""
        return json.loads(data)


class UTF8Marshalling:
    """str <-> UTF-8 bytes codec."""

    @staticmethod
    def marshall(text: str) -> bytes:
        """Encode text as UTF-8."""
        return text.encode("utf-8")

    @staticmethod
    def demarshall(data: bytes) -> str:
        """Decode UTF-8 bytes (UnicodeDecodeError on invalid input)."""
        return bytes(data).decode("utf-8")


class StrMarshalling:
    """``str()`` on the way out; text passes back unchanged."""

    @staticmethod
    def marshall(obj: Any) -> str:
        """Convert with str()."""
        return str(obj)

    @staticmethod
    def demarshall(data: str) -> str:
        """Return the text unchanged."""
        return data


def _check_codec(owner: str, klass: Any, method: str) -> None:
    if not callable(getattr(klass, method, None)):
        raise TypeError(f"{owner}: codec {klass!r} has no callable {method}() method")


@checked_keywords
class Marshaller(PureTransformer):
    """Marshaller(klass) -> send klass.marshall(msg) for each message.

    Shutdown messages are passed on out of ``signal``.
    """

    Inboxes = {"inbox": "Data to marshall", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Marshalled data", "signal": "Shutdown signalling"}
    passOnProducerFinished = True

    def __init__(self, klass: Any) -> None:
        super().__init__()
        _check_codec("Marshaller", klass, "marshall")
        self.klass = klass

    def processMessage(self, msg: Any) -> Any:
        """Marshall one message (a None result is sent too)."""
        self.send(self.klass.marshall(msg), "outbox")


@checked_keywords
class DeMarshaller(PureTransformer):
    """DeMarshaller(klass) -> send klass.demarshall(msg) for each message.

    Shutdown messages are passed on out of ``signal``.
    """

    Inboxes = {"inbox": "Data to demarshall", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Demarshalled data", "signal": "Shutdown signalling"}
    passOnProducerFinished = True

    def __init__(self, klass: Any) -> None:
        super().__init__()
        _check_codec("DeMarshaller", klass, "demarshall")
        self.klass = klass

    def processMessage(self, msg: Any) -> Any:
        """Demarshall one message (a None result is sent too)."""
        self.send(self.klass.demarshall(msg), "outbox")
