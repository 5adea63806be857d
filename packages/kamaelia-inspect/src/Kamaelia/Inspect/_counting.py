"""Counting the messages each component sends, only while someone is watching.

Nothing is changed in a system nobody inspects, so counting costs nothing
then. While an inspector is attached, each component's ``send`` is wrapped
(on the instance, the way 1.x's ``TraceAllSends`` worked) to count messages
per outbox; detaching puts the original back.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

__all__ = ["SendCounter"]


class SendCounter:
    """Counts, per component id and outbox name, the messages sent while attached."""

    def __init__(self) -> None:
        # id -> (component, counts, our wrapper, the instance's own send or None)
        self._counters: dict[int, tuple[Any, Counter[str], Any, Any]] = {}

    def watch(self, comp: Any) -> None:
        """Start counting what ``comp`` sends (once; non-components are ignored)."""
        if comp.id in self._counters or not hasattr(comp, "outboxes"):
            return
        counts: Counter[str] = Counter()
        own = comp.__dict__.get("send")  # e.g. 1.x tracing already wrapped it
        plain = comp.send

        def send(message: Any, boxname: str = "outbox") -> None:
            plain(message, boxname)
            counts[boxname] += 1  # after: a refused send (full box) is not counted

        comp.send = send
        self._counters[comp.id] = (comp, counts, send, own)

    def forget(self, comp: Any) -> None:
        """Stop counting ``comp`` and give it back its own ``send``."""
        entry = self._counters.pop(comp.id, None)
        if entry is None:
            return
        _, _, wrapper, own = entry
        if comp.__dict__.get("send") is wrapper:
            if own is None:
                del comp.send
            else:
                comp.send = own

    def forget_all(self) -> None:
        for comp, *_ in list(self._counters.values()):
            self.forget(comp)

    def totals(self) -> dict[tuple[int, str], int]:
        """Messages sent so far: (component id, outbox) -> count."""
        return {
            (cid, box): n
            for cid, (_, counts, *_) in list(self._counters.items())
            for box, n in list(counts.items())
        }

    def components(self) -> dict[int, Any]:
        """The components being counted, by id."""
        return {cid: entry[0] for cid, entry in list(self._counters.items())}
