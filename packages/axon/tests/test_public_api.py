"""The public API: module layout, __all__ and the 1.x names that `import Axon` gives."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys

import Axon
import pytest

PUBLIC_MODULES = sorted(
    name for _, name, _ in pkgutil.iter_modules(Axon.__path__) if not name.startswith("_")
)


def test_expected_public_modules_exist():
    """Every 1.x module (and the new plugins, introspection, testing, aio) is a public module."""
    expected = {
        "AdaptiveCommsComponent",
        "AxonExceptions",
        "Base",
        "Box",
        "Component",
        "CoordinatingAssistantTracker",
        "Handle",
        "Introspector",
        "Ipc",
        "Linkage",
        "Microprocess",
        "Postoffice",
        "STM",
        "Scheduler",
        "ThreadedComponent",
        "background",
        "debug",
        "debugConfigDefaults",
        "debugConfigFile",
        "idGen",
        "util",
        "introspection",
        "plugins",
        "testing",
        "aio",
    }
    assert expected <= set(PUBLIC_MODULES)


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_name_in_all_exists(name):
    """Every name a public module lists in __all__ exists in it."""
    module = importlib.import_module(f"Axon.{name}")
    assert hasattr(module, "__all__"), f"Axon.{name} has no __all__"
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert missing == []


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_public_name_is_in_all(name):
    """Every public name a module defines (or fronts for a private module) is listed in __all__."""
    module = importlib.import_module(f"Axon.{name}")
    unlisted = [
        attr
        for attr, value in vars(module).items()
        if not attr.startswith("_")
        and not inspect.ismodule(value)
        and isinstance(getattr(value, "__module__", None), str)
        and (value.__module__ == module.__name__ or value.__module__.startswith("Axon._"))
        and attr not in module.__all__
    ]
    assert unlisted == []


def test_other_modules_are_private():
    """Modules not part of the public API are _-prefixed (and so not listed above)."""
    for _, name, _ in pkgutil.iter_modules(Axon.__path__):
        module = importlib.import_module(f"Axon.{name}")
        if name.startswith("_"):
            continue
        assert module.__doc__, f"public module Axon.{name} has no docstring"


def test_import_axon_gives_1x_module_attributes():
    """`import Axon` makes the 1.x modules available as attributes, with AxonObject and AxonType."""
    for name in (
        "Base",
        "AxonExceptions",
        "idGen",
        "debug",
        "util",
        "Microprocess",
        "Scheduler",
        "Box",
        "Linkage",
        "Postoffice",
        "Component",
        "AdaptiveCommsComponent",
        "ThreadedComponent",
        "Ipc",
        "CoordinatingAssistantTracker",
        "Introspector",
    ):
        assert hasattr(Axon, name), name
    assert Axon.AxonObject is Axon.Base.AxonObject
    assert Axon.AxonType is Axon.Base.AxonType
    assert Axon.__version__ == "2.0.0a1"


def test_import_axon_sets_up_the_default_scheduler():
    """After `import Axon` there is a default scheduler and microprocesses know the scheduler class."""
    from Axon.Microprocess import microprocess
    from Axon.Scheduler import scheduler

    assert isinstance(scheduler.run, scheduler)
    assert microprocess.schedulerClass is scheduler


@pytest.mark.parametrize(
    ("module", "names"),
    [
        ("Component", ["component"]),
        ("Microprocess", ["microprocess"]),
        ("Scheduler", ["scheduler"]),
        (
            "ThreadedComponent",
            ["threadedcomponent", "threadedadaptivecommscomponent", "UnHandledException"],
        ),
        ("AdaptiveCommsComponent", ["AdaptiveCommsComponent", "_AdaptiveCommsable"]),
        ("Box", ["postbox", "makeInbox", "makeOutbox", "realsink", "nullsink"]),
        ("Linkage", ["linkage"]),
        ("Postoffice", ["postoffice"]),
        ("CoordinatingAssistantTracker", ["coordinatingassistanttracker"]),
        ("Handle", ["Handle"]),
        ("background", ["background"]),
        ("STM", ["Store", "Value", "Collection", "ConcurrentUpdate", "BusyRetry"]),
        ("Introspector", ["Introspector"]),
        ("idGen", ["idGen", "numId", "strId", "tupleId", "newId"]),
        (
            "util",
            [
                "axonRaise",
                "removeAll",
                "listSubset",
                "testInterface",
                "safeList",
                "Finality",
                "production",
            ],
        ),
        ("debug", ["debug"]),
        ("debugConfigDefaults", ["defaultConfig"]),
        ("debugConfigFile", ["readConfig"]),
        (
            "AxonExceptions",
            [
                "AxonException",
                "normalShutdown",
                "invalidComponentInterface",
                "noSpaceInBox",
                "BadParentTracker",
                "ServiceAlreadyExists",
                "BadComponent",
                "BadInbox",
                "MultipleServiceDeletion",
                "NamespaceClash",
                "AccessToUndeclaredTrackedVariable",
                "ArgumentsClash",
                "BoxAlreadyLinkedToDestination",
            ],
        ),
    ],
)
def test_1x_names_exist(module, names):
    """The 1.x public names of each module are there."""
    mod = importlib.import_module(f"Axon.{module}")
    assert [n for n in names if not hasattr(mod, n)] == []


def test_id_generation():
    """ids are unique ints and names are "<module>.<Class>_<id>"."""
    from Axon.Component import component
    from Axon.idGen import numId, strId, tupleId

    a, b = numId(), numId()
    assert b > a
    c = component()
    assert c.name == f"Axon._component.component_{c.id}" or c.name.endswith(f"component_{c.id}")
    n, name = tupleId(c)
    assert name.endswith(f"_{n}")
    assert strId(c).rsplit("_", 1)[0] == name.rsplit("_", 1)[0]


def test_util_helpers():
    """util's helpers behave as in 1.x."""
    from Axon import util
    from Axon.AxonExceptions import invalidComponentInterface
    from Axon.Component import component

    xs = [1, 2, 1, 3]
    util.removeAll(xs, 1)
    assert xs == [2, 3]
    assert util.listSubset([1], [1, 2])
    assert not util.listSubset([4], [1, 2])
    assert util.safeList("ab") == ["a", "b"]
    assert util.safeList(5) == []
    assert util.testInterface(component(), (["inbox"], ["outbox"]))
    with pytest.raises(invalidComponentInterface):
        util.testInterface(component(), (["nope"], []))
    with pytest.raises(ValueError):
        util.axonRaise(ValueError, "x")


def test_test_interface_error_keeps_1x_args_and_names_the_missing_boxes(monkeypatch):
    """testInterface's error has 1.x's args (kind, component, interface) and names what is missing."""
    from Axon import util
    from Axon.AxonExceptions import invalidComponentInterface
    from Axon.Component import component

    c = component()
    for kind, interface, missing in (
        ("inboxes", (["inbox", "fred"], ["nope"]), "fred"),
        ("outboxes", (["inbox"], ["outbox", "jim"]), "jim"),
    ):
        with pytest.raises(invalidComponentInterface) as caught:
            util.testInterface(c, interface)
        assert caught.value.args == (kind, c, interface)
        assert c.name in str(caught.value)
        assert missing in str(caught.value)
    monkeypatch.setattr(util, "production", True)
    assert util.testInterface(c, (["fred"], [])) is False


def test_util_star_import_gives_sys_as_in_1x():
    """1.x's ``from Axon.util import *`` also gave ``sys``; 1.x code relies on it."""
    namespace: dict = {}
    exec("from Axon.util import *", namespace)
    assert namespace["sys"] is sys


def test_microprocess_str():
    """str(microprocess) is "<name> :<id> :<init> :<stopped> :"."""
    from Axon.Microprocess import microprocess

    mp = microprocess()
    assert str(mp) == f"{mp.name} :{mp.id} :1 :0 :"


def test_star_import_of_component_gives_what_1x_gave():
    """`from Axon.Component import *` brings the names 1.x code relied on (postoffice, makeInbox, ...)."""
    names: dict = {}
    exec("from Axon.Component import *", names)
    for name in (
        "component",
        "postoffice",
        "linkage",
        "makeInbox",
        "producerFinished",
        "scheduler",
    ):
        assert name in names, name
