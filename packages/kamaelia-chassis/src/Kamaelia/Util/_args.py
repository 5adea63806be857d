"""Argument checks shared by the ported 1.x components."""

from __future__ import annotations

from numbers import Real
from typing import Any

__all__ = ["positive_number"]


def positive_number(owner: str, label: str, value: Any, unit: str = "a number") -> Any:
    """Return ``value`` if it is a real number > 0 (not a bool), else raise ValueError."""
    if isinstance(value, bool) or not isinstance(value, Real) or not float(value) > 0:
        raise ValueError(f"{owner}: {label} must be {unit} > 0, got {value!r}")
    return value
