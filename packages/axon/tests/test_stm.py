"""Software transactional memory: versioned values, stale commits, all-or-nothing collections."""

from __future__ import annotations

import pytest
from Axon.STM import BusyRetry, ConcurrentUpdate, Store


def test_commit_then_read_back():
    """A committed value is seen by later readers, with a newer version."""
    store = Store()
    v = store.usevar("x")
    assert v.value is None
    v.set(5)
    v.commit()
    again = store.usevar("x")
    assert again.value == 5
    assert again.version == v.version == 1


def test_value_can_be_committed_again():
    """After a commit the same Value can be changed and committed again."""
    store = Store()
    v = store.usevar("x")
    v.set(1)
    v.commit()
    v.set(2)
    v.commit()
    assert store.usevar("x").value == 2


def test_stale_commit_raises_concurrent_update():
    """Committing a copy older than the store's raises ConcurrentUpdate and leaves the store alone."""
    store = Store()
    first, second = store.usevar("x"), store.usevar("x")
    first.set("first")
    first.commit()
    second.set("second")
    with pytest.raises(ConcurrentUpdate):
        second.commit()
    assert store.usevar("x").value == "first"


def test_collection_commits_all_or_nothing():
    """A Collection whose one value is stale commits none of its values."""
    store = Store()
    both = store.using("a", "b")
    stale_b = store.usevar("b")
    newer_b = store.usevar("b")
    newer_b.set("newer")
    newer_b.commit()
    both["a"].set("A")
    both["b"].set("B")
    with pytest.raises(ConcurrentUpdate):
        both.commit()
    assert store.dump() == {"a": None, "b": "newer"}
    fresh = store.using("a", "b")
    fresh["a"].set("A")
    fresh["b"].set("B")
    fresh.commit()
    assert store.dump() == {"a": "A", "b": "B"}
    assert stale_b.version == 0


def test_usevar_gives_deep_copies():
    """Changing a value's private copy in place does not change the store until commit."""
    store = Store()
    v = store.usevar("d")
    v.set({"items": [1]})
    v.commit()
    copy = store.usevar("d")
    copy.value["items"].append(2)
    assert store.usevar("d").value == {"items": [1]}
    v.value["items"].append(99)  # the committed Value is not shared with the store either
    assert store.usevar("d").value == {"items": [1]}


def test_busy_store_raises_busy_retry():
    """While another thread holds the store's lock, usevar raises BusyRetry instead of blocking."""
    store = Store()
    store.lock.acquire()
    try:
        with pytest.raises(BusyRetry):
            store.usevar("x")
    finally:
        store.lock.release()
    assert store.usevar("x").value is None
