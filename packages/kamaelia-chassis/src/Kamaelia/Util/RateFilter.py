"""Rate control: limit how fast messages flow, or ask for data at a rate.

- :class:`MessageRateLimit` buffers messages and lets them out at most
  ``messages_per_second``.
- :class:`ByteRate_RequestControl` sends "read n bytes" requests (the number
  n) so that a reader fetches ``rate`` bytes per second in chunks.
- :class:`VariableByteRate_RequestControl` does the same, taking new rates on
  its ``inbox``.
- :class:`OnDemandLimit` releases one buffered message per ``"NEXT"`` on its
  ``slidecontrol`` inbox.

All of them sleep between events; the rate-based ones are woken by the
scheduler's timer service (1.x busy-polled the clock).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Generator, Iterator
from typing import Any

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Util._control import is_shutdown, is_stop_now
from Kamaelia.Util._timer import Timer, now

__all__ = [
    "MessageRateLimit",
    "ByteRate_RequestControl",
    "VariableByteRate_RequestControl",
    "OnDemandLimit",
]


class _Stoppable(component):
    """Reads control: returns a stop-now message, remembers a producerFinished."""

    _finishing: Any = None

    def _stop_now(self) -> Any:
        while self.dataReady("control"):
            msg = self.recv("control")
            if is_stop_now(msg):
                return msg
            if is_shutdown(msg) and self._finishing is None:
                self._finishing = msg
        return None


@checked_keywords
class MessageRateLimit(_Stoppable):
    """MessageRateLimit(messages_per_second, buffer=60) -> paced output.

    Waits until ``buffer`` messages are queued (or the input has finished),
    then sends one message every ``1 / messages_per_second`` seconds.
    ``producerFinished`` lets the queue drain first; ``shutdownMicroprocess``
    stops at once.  Either is passed on out of ``signal``.
    """

    Inboxes = {"inbox": "Messages to pace", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Messages, at most messages_per_second", "signal": "Shutdown signalling"}
    hardlimit: int = 0

    def __init__(self, messages_per_second: float, buffer: int = 60, **argd: Any) -> None:
        super().__init__(**argd)
        if not messages_per_second > 0:
            raise ValueError(
                f"MessageRateLimit: messages_per_second must be > 0, got {messages_per_second!r}"
            )
        self.mps = messages_per_second
        self.interval = 1.0 / messages_per_second
        self.buffer = buffer

    def main(self) -> Generator[int, None, None]:
        """Pre-buffer, then release one message per interval."""
        while self.dataReady("inbox") < self.buffer and self._finishing is None:
            stop = self._stop_now()
            if stop is not None:
                self.send(stop, "signal")
                return
            if self._finishing is None:
                self.pause()
                yield 1
        if self.hardlimit:
            self.setInboxSize("inbox", self.hardlimit)
        timer = Timer(self)
        ready = True
        try:
            while True:
                stop = self._stop_now()
                if stop is not None:
                    self.send(stop, "signal")
                    return
                if timer.fired:
                    ready, timer.fired = True, False
                if ready and self.dataReady("inbox"):
                    self.send(self.recv("inbox"), "outbox")
                    ready = False
                    timer.start(self.interval)
                elif ready and self._finishing is not None:
                    self.send(self._finishing, "signal")
                    return
                self.pause()
                yield 1
        finally:
            timer.cancel()


class _RequestPacer(_Stoppable):
    """Shared timer loop of the two byte-rate request controllers."""

    nextTime: float

    def _pace(self) -> Generator[int, None, None]:
        timer = Timer(self)
        try:
            while True:
                stop = self._stop_now() or self._finishing
                if stop is not None:
                    self.send(stop, "signal")
                    return
                t = now()
                self._take_input(t)
                for chunk in self.getChunksToSend(t):
                    self.send(chunk, "outbox")
                timer.start(self.nextTime - now())
                self.pause()
                yield 1
        finally:
            timer.cancel()

    def _take_input(self, t: float) -> None:
        pass

    def getChunksToSend(self, now: float | None = None) -> Iterator[int]:
        raise NotImplementedError


def _chunking(
    owner: str, rate: float, chunksize: float | None, chunkrate: float | None
) -> tuple[float, float]:
    if chunksize is not None and chunkrate is not None:
        raise ValueError(f"{owner}: give chunksize or chunkrate, not both")
    if chunksize is not None:
        return float(chunksize), float(rate) / float(chunksize)
    if chunkrate is not None:
        return float(rate) / float(chunkrate), float(chunkrate)
    raise ValueError(f"{owner}: give chunksize or chunkrate")


@checked_keywords
class ByteRate_RequestControl(_RequestPacer):
    """ByteRate_RequestControl(rate=100000, chunksize=None, chunkrate=None,
    allowchunkaggregation=False) -> requests for n bytes, at a fixed rate.

    Give ``chunksize`` (bytes per request) or ``chunkrate`` (requests per
    second), not both; with neither, chunks are ``rate / 1000`` bytes.  If
    requests fall behind they catch up, as one large request when
    ``allowchunkaggregation`` is set or as several chunk-sized ones if not.
    """

    Inboxes = {"inbox": "Unused", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Request sizes (int)", "signal": "Shutdown signalling"}

    def __init__(
        self,
        rate: float = 100000,
        chunksize: float | None = None,
        chunkrate: float | None = None,
        allowchunkaggregation: bool = False,
    ) -> None:
        super().__init__()
        if chunksize is None and chunkrate is None:
            chunksize = max(1, rate / 1000)
        self.rate = rate
        self.chunksize, chunkrate = _chunking(type(self).__name__, rate, chunksize, chunkrate)
        if self.chunksize < 1.0:
            raise ValueError(
                f"{type(self).__name__}: chunksize must be at least 1 byte, got {self.chunksize!r}"
            )
        self.timestep = 1.0 / chunkrate
        self.aggregate = allowchunkaggregation

    def main(self) -> Generator[int, None, None]:
        """Send requests at the rate until told to stop."""
        self.resetTiming()
        yield from self._pace()

    def resetTiming(self, now_: float | None = None) -> None:
        """Start timing afresh: the first request is due now."""
        self.nextTime = now() if now_ is None else now_
        self.toSend = 0.0

    def getChunksToSend(self, now_: float | None = None) -> Iterator[int]:
        """Yield the request sizes due by ``now_`` (default: the clock)."""
        t = now() if now_ is None else now_
        while t >= self.nextTime:
            self.toSend += self.chunksize
            self.nextTime += self.timestep
        while self.toSend >= 1:
            chunk = self.toSend if self.aggregate else min(self.toSend, self.chunksize)
            chunk = int(chunk)
            yield chunk
            self.toSend -= chunk


@checked_keywords
class VariableByteRate_RequestControl(_RequestPacer):
    """VariableByteRate_RequestControl(rate=100000, chunksize=None, chunkrate=10,
    allowchunkaggregation=False) -> requests for n bytes; new rates on inbox.

    A new rate takes effect from the moment it arrives, as if the old rate
    held exactly until then.
    """

    Inboxes = {"inbox": "New rates (bytes per second)", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Request sizes (int)", "signal": "Shutdown signalling"}

    def __init__(
        self,
        rate: float = 100000,
        chunksize: float | None = None,
        chunkrate: float | None = 10,
        allowchunkaggregation: bool = False,
    ) -> None:
        super().__init__()
        if chunksize is not None:
            chunkrate = None
        self.rate = rate
        self.chunksize, chunkrate = _chunking(type(self).__name__, rate, chunksize, chunkrate)
        self.timestep = 1.0 / chunkrate
        self.aggregate = allowchunkaggregation

    def main(self) -> Generator[int, None, None]:
        """Send requests at the current rate until told to stop."""
        self.resetTiming(now())
        yield from self._pace()

    def _take_input(self, t: float) -> None:
        while self.dataReady("inbox"):
            self.changeRate(self.recv("inbox"), t)

    def resetTiming(self, now_: float) -> None:
        """Start timing afresh at ``now_``: the first request is due then."""
        self.nextTime = now_
        self.toSend = 0.0
        self.lastTime = self.nextTime - self.timestep

    def getChunksToSend(self, now_: float | None = None) -> Iterator[int]:
        """Yield the request sizes due by ``now_``."""
        t = now() if now_ is None else now_
        if t >= self.nextTime:
            self.toSend += (t - self.lastTime) / self.timestep * self.chunksize
            self.lastTime = t
        while t >= self.nextTime:
            self.nextTime += self.timestep
        while self.toSend >= self.chunksize:
            chunk = self.toSend if self.aggregate else min(self.toSend, self.chunksize)
            chunk = int(chunk)
            yield chunk
            self.toSend -= chunk

    def changeRate(self, newRate: float, now_: float) -> None:
        """Switch to ``newRate`` bytes per second from time ``now_``."""
        if newRate == self.rate:
            return
        if not newRate > 0:
            raise ValueError(f"{type(self).__name__}: rate must be > 0, got {newRate!r}")
        self.toSend += (now_ - self.lastTime) / self.timestep * self.chunksize
        remaining = 1.0 - self.toSend / self.chunksize
        self.lastTime = now_
        self.rate = newRate
        self.timestep = self.chunksize / float(self.rate)
        self.nextTime = now_ + self.timestep * remaining


@checked_keywords
class OnDemandLimit(_Stoppable):
    """OnDemandLimit() -> release one buffered message per "NEXT" on slidecontrol.

    ``producerFinished`` or ``shutdownMicroprocess`` stops it (messages
    still buffered are dropped, as in 1.x) and is passed on.
    """

    Inboxes = {
        "inbox": "Messages to hold",
        "control": "Shutdown signalling",
        "slidecontrol": '"NEXT" releases one message',
    }
    Outboxes = {"outbox": "Released messages", "signal": "Shutdown signalling"}

    def main(self) -> Generator[int, None, None]:
        """Hold messages; release one per request."""
        queued: deque[Any] = deque()
        wanted = 0
        while True:
            while self.dataReady("inbox"):
                queued.append(self.recv("inbox"))
            while self.dataReady("slidecontrol"):
                if self.recv("slidecontrol") == "NEXT":
                    wanted += 1
            while wanted and queued:
                self.send(queued.popleft(), "outbox")
                wanted -= 1
            stop = self._stop_now() or self._finishing
            if stop is not None:
                self.send(stop, "signal")
                return
            self.pause()
            yield 1
