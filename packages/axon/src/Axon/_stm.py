"""Software transactional memory (1.x ``Axon.STM``).

A ``Store`` holds versioned values. ``usevar``/``using`` hand out private
copies; ``commit`` writes them back only if nobody committed a newer
version meanwhile (else ``ConcurrentUpdate``: read again and retry). A
``Collection`` commits several values all or nothing. ``BusyRetry`` means
another thread was committing at that instant: simply retry.
"""

from __future__ import annotations

import copy
import threading
from typing import Any

__all__ = ["BusyRetry", "Collection", "ConcurrentUpdate", "Store", "Value"]


class ConcurrentUpdate(Exception):
    """Someone committed a newer version of the value first."""


class BusyRetry(Exception):
    """The store was busy committing for someone else; try again."""


class Value:
    """A private, versioned copy of one value in a store."""

    def __init__(self, version: int, value: Any, store: Store | None, key: Any) -> None:
        self.version = version
        self.value = value
        self.store = store
        self.key = key

    def __repr__(self) -> str:
        return f"Value({self.value!r}, version={self.version})"

    def set(self, value: Any) -> None:
        """Change the private copy (nothing is shared until ``commit``)."""
        self.value = value

    def commit(self) -> None:
        """Write the copy back to the store (ConcurrentUpdate if it is stale)."""
        assert self.store is not None
        self.store.set(self.key, self)

    def clone(self) -> Value:
        return Value(self.version, copy.deepcopy(self.value), self.store, self.key)


class Collection(dict[Any, Value]):
    """Several values from one store, committed together."""

    store: Store | None = None

    def set_store(self, store: Store) -> None:
        self.store = store

    def commit(self) -> None:
        assert self.store is not None
        self.store.set_values(self)


class Store:
    """A set of versioned values shared between threads or components."""

    def __init__(self) -> None:
        self.store: dict[Any, Value] = {}
        self.lock = threading.Lock()

    def _acquire(self) -> None:
        # Never block: a busy store answers BusyRetry, so callers cannot deadlock.
        if not self.lock.acquire(False):
            raise BusyRetry()

    def _stored(self, key: Any) -> Value:
        if key not in self.store:
            self.store[key] = Value(0, None, self, key)
        return self.store[key]

    def usevar(self, key: Any, islocked: bool = False) -> Value:
        """A private copy of the value under ``key`` (made, as None, if missing)."""
        if islocked:
            return self._stored(key).clone()
        self._acquire()
        try:
            return self._stored(key).clone()
        finally:
            self.lock.release()

    def _check(self, key: Any, value: Value) -> None:
        if key in self.store and self.store[key].version > value.version:
            raise ConcurrentUpdate(key)

    def _write(self, key: Any, value: Value) -> None:
        self.store[key] = Value(value.version + 1, copy.deepcopy(value.value), self, key)
        value.version += 1

    def set(self, key: Any, value: Value) -> None:
        """Commit ``value`` under ``key``; ConcurrentUpdate if the store has a newer version."""
        self._acquire()
        try:
            self._check(key, value)
            self._write(key, value)
        finally:
            self.lock.release()

    def using(self, *keys: Any) -> Collection:
        """Private copies of several values, taken at one instant."""
        self._acquire()
        try:
            collection = Collection((key, self.usevar(key, islocked=True)) for key in keys)
        finally:
            self.lock.release()
        collection.set_store(self)
        return collection

    def set_values(self, values: dict[Any, Value]) -> None:
        """Commit several values: all, or none (ConcurrentUpdate)."""
        self._acquire()
        try:
            for key, value in values.items():
                self._check(key, value)
            for key, value in values.items():
                self._write(key, value)
        finally:
            self.lock.release()

    def dump(self) -> dict[Any, Any]:
        """The current values, by key (1.x printed them; this returns them)."""
        return {key: value.value for key, value in self.store.items()}
