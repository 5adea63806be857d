"""TestResult: fail loudly on a false message (for system tests)."""

from __future__ import annotations

from collections.abc import Generator

from Axon.AxonExceptions import AxonException
from Axon.Component import component
from Axon.Ipc import ipc
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown

__all__ = ["TestResult", "StopSystem", "StopSystemException"]


class StopSystem(ipc):
    """Sent to a TestResult's control: raise StopSystemException to end the run."""


class StopSystemException(AxonException):
    """Raised by TestResult on a StopSystem message, ending the whole run."""


@checked_keywords
class TestResult(component):
    """TestResult() -> raise AssertionError if a false message arrives.

    ``StopSystem`` on ``control`` raises :class:`StopSystemException` (which
    ends the scheduler's run); ``producerFinished`` or ``shutdownMicroprocess``
    end it normally and are passed on.
    """

    __test__ = False  # not a pytest test class, despite the name

    Inboxes = {"inbox": "Values that must be true", "control": "StopSystem, or shutdown"}
    Outboxes = {"outbox": "Unused", "signal": "Shutdown signalling"}

    def main(self) -> Generator[int, None, None]:
        """Check messages until told to stop."""
        while True:
            while self.dataReady("inbox"):
                value = self.recv("inbox")
                if not value:
                    raise AssertionError(f"false value {value!r} received by {self.name}")
            while self.dataReady("control"):
                msg = self.recv("control")
                if isinstance(msg, StopSystem):
                    raise StopSystemException(f"StopSystem request received by {self.name}")
                if is_shutdown(msg):
                    self.send(msg, "signal")
                    return
            self.pause()
            yield 1
