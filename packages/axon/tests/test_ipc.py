"""Axon.Ipc: every message class, its constructor and attributes."""

from __future__ import annotations

import pytest
from Axon import Ipc
from Axon.Ipc import (
    WaitComplete,
    errorInformation,
    ipc,
    newComponent,
    notify,
    producerFinished,
    reactivate,
    shutdown,
    shutdownMicroprocess,
    status,
    wouldblock,
)


def test_every_class_is_an_ipc():
    """Every message class derives from ipc."""
    for name in Ipc.__all__:
        assert issubclass(getattr(Ipc, name), ipc)


def test_producer_finished():
    """producerFinished(caller=None, message=None) keeps caller and message."""
    assert (producerFinished().caller, producerFinished().message) == (None, None)
    pf = producerFinished("me", "done")
    assert (pf.caller, pf.message) == ("me", "done")


def test_shutdown_microprocess():
    """shutdownMicroprocess(*mps) lists them through microprocesses()."""
    assert shutdownMicroprocess().microprocesses() == ()
    assert shutdownMicroprocess("a", "b").microprocesses() == ("a", "b")


def test_shutdown_is_not_a_shutdown_microprocess():
    """shutdown is the legacy message, not a shutdownMicroprocess subclass."""
    assert not isinstance(shutdown(), shutdownMicroprocess)
    assert not isinstance(shutdownMicroprocess(), shutdown)


def test_new_component():
    """newComponent(*components) lists them through components()."""
    assert newComponent(1, 2).components() == (1, 2)


def test_wait_complete():
    """WaitComplete(gen, tag=...) keeps args, argd and the generator."""
    gen = iter(())
    wc = WaitComplete(gen, tag="t")
    assert wc.args == (gen,)
    assert wc.argd == {"tag": "t"}
    assert wc.generator is gen


def test_wait_complete_needs_a_generator():
    """WaitComplete() with nothing to run is a TypeError saying what it needs."""
    with pytest.raises(TypeError, match="WaitComplete needs the generator"):
        WaitComplete()


def test_reactivate():
    """reactivate(original) keeps original."""
    assert reactivate("x").original == "x"


def test_notify():
    """notify(caller, payload) keeps caller and object."""
    n = notify("c", {"k": 1})
    assert (n.caller, n.object) == ("c", {"k": 1})


def test_status():
    """status(s).status() returns s."""
    assert status("ok").status() == "ok"


def test_wouldblock():
    """wouldblock(caller) keeps caller."""
    assert wouldblock("c").caller == "c"


def test_error_information():
    """errorInformation(caller, exception=None, message=None) keeps all three."""
    err = ValueError("v")
    e = errorInformation("c", err, "m")
    assert (e.caller, e.exception, e.message) == ("c", err, "m")
    assert (errorInformation("c").exception, errorInformation("c").message) == (None, None)


def test_messages_do_not_define_equality():
    """Messages compare by identity, as in 1.x (match them with isinstance)."""
    assert producerFinished() != producerFinished()
    pf = producerFinished()
    assert pf == pf
