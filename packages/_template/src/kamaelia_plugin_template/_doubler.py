"""The `Doubler` component."""

from __future__ import annotations

from collections.abc import Generator
from decimal import Decimal
from fractions import Fraction

from Axon.Component import component
from Axon.Ipc import producerFinished, shutdownMicroprocess

Number = int | float | complex | Fraction | Decimal


class Doubler(component):
    """Doubles every number it receives.

    Numbers arrive on "inbox" and leave, times two, on "outbox", in order.
    A producerFinished or shutdownMicroprocess on "control" is passed on through
    "signal" after the numbers already received, and the component finishes.
    """

    Inboxes = {
        "inbox": "numbers to double",
        "control": "producerFinished or shutdownMicroprocess: pass it on and finish",
    }
    Outboxes = {
        "outbox": "each number, times two",
        "signal": "the shutdown message received on control",
    }

    def main(self) -> Generator[int, None, None]:
        """Double what arrives until told to stop; sleep while there is nothing to do."""
        while True:
            # Drain the inbox before looking at control, so nothing sent ahead
            # of the shutdown message is lost.
            while self.dataReady("inbox"):
                self.send(self._double(self.recv("inbox")), "outbox")
            while self.dataReady("control"):
                message = self.recv("control")
                if isinstance(message, (producerFinished, shutdownMicroprocess)):
                    self.send(message, "signal")
                    return
            if not self.anyReady():
                # Costs nothing until a message is delivered, which wakes us.
                self.pause()
            yield 1

    def _double(self, value: object) -> Number:
        # bool is an int, but True * 2 == 2 would hide a wiring mistake.
        if isinstance(value, bool) or not isinstance(value, Number):
            raise TypeError(
                f"{self.name}: inbox 'inbox' got {value!r} ({type(value).__name__}); "
                "Doubler doubles numbers: int, float, complex, Fraction, Decimal"
            )
        return value * 2
