"""RateChunker: re-cut a stream into chunks that match a chunk rate.

::

    bps = 2 * 2  # 16-bit stereo: 4 bytes per sample
    Pipeline(AudioSource(), RateChunker(datarate=48000 * bps, quantasize=bps, chunkrate=25), ...)

Given the rate of the incoming data (``datarate``, e.g. bytes per second),
the rate of chunks wanted (``chunkrate``, chunks per second) and the unit
that must never be split (``quantasize``), RateChunker joins the sliceable
messages (``bytes`` or ``str``) arriving on ``inbox`` and sends chunks of a
whole number of quanta out of ``outbox``.  Chunk sizes vary by a quantum
where needed so that, over time, exactly ``chunkrate`` chunks leave per
``datarate`` worth of data: the rounding is carried over exactly (with
fractions), so there is no drift.

This is about cutting data known to have (or to be consumed at) a rate, not
about timing: chunks are sent as soon as there is enough data.  When
``outbox`` feeds a size-limited inbox, RateChunker waits for room.

Shutdown: ``producerFinished`` cuts the data already received, sends what
is left over (less than a chunk) as a last, short chunk, then stops (1.x
dropped that rest); ``shutdownMicroprocess`` stops at once.  Either is
passed on out of ``signal``.
"""

from __future__ import annotations

from collections.abc import Generator
from fractions import Fraction
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._args import positive_number
from Kamaelia.Util._control import is_stop_now, latch_shutdown
from Kamaelia.Util._waitsend import wait_send

__all__ = ["RateChunker"]


@checked_keywords
class RateChunker(component):
    """RateChunker(datarate, quantasize, chunkrate) -> re-cut data to a chunk rate.

    Keyword arguments:

    - datarate   -- rate of the incoming data (units per second, > 0)
    - quantasize -- the smallest unit a chunk may be cut at (a whole number > 0)
    - chunkrate  -- chunks wanted per second (> 0, at most datarate / quantasize)
    """

    Inboxes = {"inbox": "Data (bytes or str)", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Re-cut chunks of data", "signal": "Shutdown signalling"}

    def __init__(self, datarate: float, quantasize: int, chunkrate: float) -> None:
        positive_number("RateChunker", "datarate", datarate)
        positive_number("RateChunker", "chunkrate", chunkrate)
        if isinstance(quantasize, bool) or not isinstance(quantasize, int) or quantasize < 1:
            raise ValueError(
                f"RateChunker: quantasize must be a whole number > 0, got {quantasize!r}"
            )
        if Fraction(datarate) / Fraction(chunkrate) < quantasize:
            raise ValueError(
                f"RateChunker: a chunk ({datarate!r} / {chunkrate!r}) must hold at least one "
                f"quantum ({quantasize!r})"
            )
        super().__init__()
        self.datarate = datarate
        self.quanta = quantasize
        self.chunkrate = chunkrate
        self._stop: Any = None
        self._buffer: Any = None

    def _told_to_stop(self) -> bool:
        """True once a stop-now message came (producerFinished only ends the input)."""
        self._stop = latch_shutdown(self, self._stop)
        return is_stop_now(self._stop)

    def _take(self, data: Any) -> None:
        if not isinstance(data, (bytes, bytearray, str)):
            raise TypeError(f"RateChunker {self.name}: inbox takes bytes or str, got {data!r}")
        if self._buffer is None:
            self._buffer = data[:0]
        elif isinstance(data, str) != isinstance(self._buffer, str):
            raise TypeError(
                f"RateChunker {self.name}: inbox got {type(data).__name__} after "
                f"{type(self._buffer).__name__}; send one kind of data"
            )
        self._buffer += data

    def main(self) -> Generator[int, None, None]:
        """Cut and send chunks until told to stop."""
        per_chunk = Fraction(self.datarate) / Fraction(self.chunkrate) / self.quanta
        owed = per_chunk  # quanta owed to the next chunk, fraction carried over
        while True:
            while self.dataReady("inbox") and not self._told_to_stop():
                self._take(self.recv("inbox"))
                while len(self._buffer) >= int(owed) * self.quanta:
                    size = int(owed) * self.quanta
                    chunk, self._buffer = self._buffer[:size], self._buffer[size:]
                    owed = owed - int(owed) + per_chunk
                    if not (yield from wait_send(self, chunk, "outbox", self._told_to_stop)):
                        break
            if self._told_to_stop() or (self._stop is not None and not self.dataReady("inbox")):
                break
            self.pause()
            yield 1
        if not is_stop_now(self._stop) and self._buffer:
            yield from wait_send(self, self._buffer, "outbox", self._told_to_stop)
        self.send(self._stop, "signal")
