"""Process-wide id numbers, shared by every microprocess (1.x idGen)."""

from __future__ import annotations

import itertools

__all__ = ["idGen", "newId", "numId", "strId", "tupleId"]

# itertools.count's __next__ is atomic under the GIL, so ids are unique across threads.
_counter = itertools.count(1)


def numId() -> int:
    """Return the next id number."""
    return next(_counter)


def _class_path(thing: object) -> str:
    cls = type(thing)
    return f"{cls.__module__}.{cls.__qualname__}"


def strId(thing: object) -> str:
    """Return a fresh name ``"<module>.<Class>_<n>"`` for ``thing``."""
    return f"{_class_path(thing)}_{numId()}"


def tupleId(thing: object) -> tuple[int, str]:
    """Return ``(n, "<module>.<Class>_<n>")`` from one new id."""
    n = numId()
    return n, f"{_class_path(thing)}_{n}"


newId = strId


class idGen:
    """The 1.x id generator object; its methods use the shared counter."""

    def nextId(self) -> int:
        return numId()

    def idToString(self, thing: object, numId: int) -> str:
        return f"{_class_path(thing)}_{numId}"

    numId = staticmethod(numId)
    strId = staticmethod(strId)
    tupleId = staticmethod(tupleId)

    def next(self) -> int:
        return numId()

    __next__ = next
