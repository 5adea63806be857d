"""The hooks a scheduler calls on its instruments (``scheduler.add_instrument``)."""

from __future__ import annotations

from typing import Any, Protocol

__all__ = ["Instrument"]


class Instrument(Protocol):
    """The hooks a scheduler calls on its instruments.

    The scheduler calls only the hooks an instrument has, so define any
    subset; to be typed as one, subclass ``Instrument`` (the hooks you leave
    out do nothing). Hooks run in the scheduler's thread, between steps.
    """

    def activated(self, mp: Any) -> None:
        """``mp`` was activated: it joins the run queue."""
        return None  # a hook left out does nothing

    def stepped(self, mp: Any, value: Any) -> None:
        """``mp`` ran one step and yielded ``value``."""
        return None

    def paused(self, mp: Any) -> None:
        """``mp`` went to sleep after its step."""
        return None

    def finished(self, mp: Any, error: BaseException | None) -> None:
        """``mp`` finished: its body ended, it was stopped, or it raised ``error``."""
        return None
