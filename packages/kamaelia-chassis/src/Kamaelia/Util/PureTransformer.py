"""PureTransformer: send ``function(message)`` for every message received.

Results that are ``None`` are not sent, so a transformer can also filter.
Subclasses may override :meth:`PureTransformer.processMessage` instead of
passing a function.

Shutdown: ``producerFinished`` (or the legacy ``Axon.Ipc.shutdown``) ends it
after the messages already received are processed, and it sends its own
``producerFinished`` on ``signal`` (as 1.x; subclasses may set
``passOnProducerFinished`` to pass the received one on).  ``shutdownMicroprocess``
ends it too and is passed on as is (1.x silently ignored it).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["PureTransformer"]


@checked_keywords
class PureTransformer(component):
    """PureTransformer(function=None) -> send function(msg) for each message."""

    Inboxes = {"inbox": "Messages to transform", "control": "Shutdown signalling"}
    Outboxes = {
        "outbox": "Transformed messages (None results are dropped)",
        "signal": "Shutdown signalling",
    }

    def __init__(self, function: Callable[[Any], Any] | None = None) -> None:
        super().__init__()
        if function is not None:
            if not callable(function):
                raise TypeError(f"PureTransformer: function must be callable, got {function!r}")
            self.processMessage = function  # type: ignore[method-assign, assignment]

    #: Pass a received producerFinished on as is (True), or send our own (1.x).
    passOnProducerFinished = False

    def _signalFor(self, msg: Any) -> Any:
        if self.passOnProducerFinished or isinstance(msg, shutdownMicroprocess):
            return msg
        if msg is shutdownMicroprocess:
            return msg
        return producerFinished(self)

    def processMessage(self, msg: Any) -> Any:
        """Return the transformed message, or None to send nothing."""
        return None

    def main(self) -> Generator[int, None, None]:
        """Transform inbox messages until told to stop."""
        while True:
            while self.dataReady("inbox"):
                result = self.processMessage(self.recv("inbox"))
                if result is not None:
                    self.send(result, "outbox")
            while self.dataReady("control"):
                msg = self.recv("control")
                if is_shutdown(msg):
                    self.send(self._signalFor(msg), "signal")
                    return
            self.pause()
            yield 1
