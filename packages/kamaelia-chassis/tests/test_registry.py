"""Plugin discovery and name resolution (Kamaelia.Chassis.Registry)."""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from Axon.plugins import ComponentSpec, hookimpl

from Kamaelia.Chassis.Registry import (
    AUTOLOAD_ENV_VAR,
    AmbiguousNameError,
    Registry,
    UnknownNameError,
    autoload_disabled,
    load_registry,
)

FAKE_PLUGINS = Path(__file__).parent / "fixtures" / "fake_plugins"


@pytest.fixture
def fakes(monkeypatch):
    """The fake plugin modules importable, autoload on, and the entry-point helpers."""
    monkeypatch.syspath_prepend(str(FAKE_PLUGINS))
    monkeypatch.delenv(AUTOLOAD_ENV_VAR, raising=False)
    import fake_entry_points

    return fake_entry_points


def test_entry_points_are_discovered_with_distribution_and_version(fakes, monkeypatch):
    """Each entry point's components are registered under its distribution and version."""
    fakes.install(monkeypatch, fakes.GOOD)
    registry = load_registry()
    assert [(p.name, p.distribution, p.version) for p in registry.plugins] == [
        ("fake", "kamaelia-fake-good", "1.2.3")
    ]
    entry = registry.component("Echo")
    assert entry.qualified_name == "kamaelia-fake-good:Echo"
    assert entry.version == "1.2.3"
    assert entry.summary == "Sends on whatever arrives, with an optional prefix."
    assert registry.problems == []


def test_a_plugin_that_fails_to_import_is_a_problem_and_the_rest_load(fakes, monkeypatch):
    """An ImportError in one plugin is recorded with its entry point and distribution."""
    fakes.install(monkeypatch, fakes.BROKEN_IMPORT, fakes.GOOD)
    registry = load_registry()
    assert [p.name for p in registry.plugins] == ["fake"]
    (problem,) = registry.problems
    assert (problem.entry_point, problem.distribution, problem.version, problem.stage) == (
        "broken",
        "kamaelia-fake-broken",
        "0.1",
        "load",
    )
    assert "kamaelia_dependency_that_is_not_installed" in problem.error
    assert problem.describe().startswith("plugin 'broken' (kamaelia-fake-broken 0.1) failed")


def test_a_hook_that_raises_is_a_problem_named_after_the_hook(fakes, monkeypatch):
    """An exception inside kamaelia_components() is recorded, not raised."""
    fakes.install(monkeypatch, fakes.HOOK_RAISES, fakes.GOOD)
    registry = load_registry()
    (problem,) = registry.problems
    assert problem.stage == "kamaelia_components"
    assert problem.error == "RuntimeError: database of components is on fire"
    assert registry.component("Echo").distribution == "kamaelia-fake-good"


def test_a_hook_returning_non_specs_is_a_problem(fakes, monkeypatch):
    """Items that are not ComponentSpec instances are skipped and reported."""
    fakes.install(monkeypatch, fakes.BAD_RETURN)
    registry = load_registry()
    assert registry.components() == []
    (problem,) = registry.problems
    assert "'NotASpec'" in problem.error
    assert "ComponentSpec" in problem.error


def test_a_misspelt_hook_is_a_problem(fakes, monkeypatch):
    """A kamaelia_* hookimpl with no matching hookspec is reported by name."""
    fakes.install(monkeypatch, fakes.TYPO_HOOK)
    registry = load_registry()
    assert registry.plugins == []
    (problem,) = registry.problems
    assert problem.stage == "register"
    assert "kamaelia_component" in problem.error


def test_a_hook_with_a_wrong_signature_is_a_problem(fakes, monkeypatch):
    """pluggy's validation error at registration is recorded with the entry point."""
    fakes.install(monkeypatch, fakes.BAD_SIGNATURE, fakes.GOOD)
    registry = load_registry()
    (problem,) = registry.problems
    assert problem.entry_point == "badsig"
    assert problem.stage == "register"
    assert "registry" in problem.error
    assert [p.name for p in registry.plugins] == ["fake"]


def test_a_short_name_offered_twice_is_ambiguous_and_lists_choices(fakes, monkeypatch):
    """Two distributions offering Echo make 'Echo' an error naming both qualified names."""
    fakes.install(monkeypatch, fakes.GOOD, fakes.OTHER)
    registry = load_registry()
    assert registry.conflicts() == {"Echo": ["kamaelia-fake-good:Echo", "kamaelia-fake-other:Echo"]}
    with pytest.raises(
        AmbiguousNameError, match="kamaelia-fake-good:Echo, kamaelia-fake-other:Echo"
    ):
        registry.component("Echo")
    assert registry.component("kamaelia-fake-other:Echo").spec.factory.__name__ == "OtherEcho"
    assert registry.component("kamaelia_fake_good:Echo").spec.factory.__name__ == "Echo"


def test_the_entry_point_name_also_qualifies(fakes, monkeypatch):
    """'other:Echo' (entry point name) resolves like 'kamaelia-fake-other:Echo'."""
    fakes.install(monkeypatch, fakes.GOOD, fakes.OTHER)
    assert load_registry().component("other:Echo").distribution == "kamaelia-fake-other"


def test_an_unknown_name_suggests_close_matches(fakes, monkeypatch):
    """A typo gets 'did you mean' with the nearest registered names."""
    fakes.install(monkeypatch, fakes.GOOD)
    registry = load_registry()
    with pytest.raises(
        UnknownNameError, match=r"unknown component 'Recoder'; did you mean: Recorder"
    ):
        registry.component("Recoder")
    with pytest.raises(UnknownNameError, match="did you mean: Echo"):
        registry.component("echo")
    with pytest.raises(UnknownNameError, match="run 'kamaelia list'"):
        registry.component("Zzzzzzzz")


def test_disable_autoload_leaves_the_registry_empty(fakes, monkeypatch):
    """KAMAELIA_DISABLE_PLUGIN_AUTOLOAD=1 stops entry-point loading."""
    fakes.install(monkeypatch, fakes.GOOD)
    monkeypatch.setenv(AUTOLOAD_ENV_VAR, "1")
    registry = load_registry()
    assert registry.plugins == []
    assert registry.components() == []


@pytest.mark.parametrize(
    ("value", "disabled"),
    [("1", True), ("yes", True), ("true", True), ("0", False), ("", False), ("false", False)],
)
def test_autoload_switch_values(value, disabled):
    """Empty, 0, false, no and off leave discovery on; anything else turns it off."""
    assert autoload_disabled({AUTOLOAD_ENV_VAR: value}) is disabled


def test_programmatic_registration_works_with_autoload_disabled(fakes, monkeypatch):
    """With discovery off, Registry.register still adds a plugin module."""
    monkeypatch.setenv(AUTOLOAD_ENV_VAR, "1")
    import kamaelia_fake_good

    registry = load_registry()
    info = registry.register(kamaelia_fake_good, name="mine", distribution="my-dist", version="3")
    assert info is not None
    assert registry.component("my-dist:Source").version == "3"
    assert [e.name for e in registry.examples()] == ["hello"]


def test_registering_a_plain_object_plugin():
    """Any object with hookimpl methods is a plugin; without a distribution its name stands in."""

    class Plugin:
        @hookimpl
        def kamaelia_components(self):
            return [ComponentSpec.from_class(types.SimpleNamespace, name="Thing")]

    registry = Registry()
    registry.register(Plugin(), name="inline")
    assert registry.component("Thing").qualified_name == "inline:Thing"


def test_the_same_plugin_registered_twice_is_a_problem(fakes):
    """Registering one module twice records a problem instead of raising."""
    import kamaelia_fake_good

    registry = Registry()
    registry.register(kamaelia_fake_good, name="a", distribution="d")
    assert registry.register(kamaelia_fake_good, name="b", distribution="d") is None
    (problem,) = registry.problems
    assert problem.entry_point == "b"
    assert problem.stage == "register"


def test_a_duplicate_name_within_one_distribution_keeps_the_first(fakes):
    """One distribution offering 'Echo' twice keeps the first and reports the second."""

    class Twice:
        @hookimpl
        def kamaelia_components(self):
            from kamaelia_fake_components import Echo, OtherEcho

            return [
                ComponentSpec.from_class(Echo),
                ComponentSpec.from_class(OtherEcho, name="Echo"),
            ]

    registry = Registry()
    registry.register(Twice(), name="twice", distribution="dup")
    assert registry.component("Echo").spec.factory.__name__ == "Echo"
    (problem,) = registry.problems
    assert "offers 'Echo' twice" in problem.error


def test_examples_resolve_by_name(fakes, monkeypatch):
    """Examples are found by short or qualified name; unknown ones suggest matches."""
    fakes.install(monkeypatch, fakes.GOOD)
    registry = load_registry()
    assert registry.example("hello").summary == "Say hello."
    assert registry.example("kamaelia-fake-good:hello").name == "hello"
    with pytest.raises(UnknownNameError, match="unknown example 'helo'; did you mean: hello"):
        registry.example("helo")


def test_the_chassis_registers_itself_through_its_entry_point():
    """The installed kamaelia-chassis distribution offers Pipeline and Graphline via 'chassis'."""
    registry = load_registry(autoload=True)
    pipeline = registry.component("kamaelia-chassis:Pipeline")
    assert pipeline.plugin == "chassis"
    assert registry.component("kamaelia-chassis:Graphline").spec.module == (
        "Kamaelia.Chassis.Graphline"
    )
    assert pipeline.version is not None


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("Chargen", "Kamaelia.Util.Chargen"),
        ("ChunkNamer", "Kamaelia.Util.ChunkNamer"),
        ("RateChunker", "Kamaelia.Util.RateChunker"),
        ("BasicMarshallComponent", "Kamaelia.Util.MarshallComponent"),
        ("SingleTick", "Kamaelia.Apps.SA.Time"),
        ("PeriodicTick", "Kamaelia.Apps.SA.Time"),
        ("DataSink", "Kamaelia.Apps.SA.DSL"),
        ("TTL", "Kamaelia.Apps.SA.Chassis"),
        ("loopingCounter", "Kamaelia.Automata.Behaviours"),
    ],
)
def test_the_1x_ports_are_registered_under_their_1x_modules(name, module):
    """The ported 1.x components are offered by the chassis plugin, each at its 1.x module path."""
    registry = load_registry(autoload=True)
    assert registry.component(f"kamaelia-chassis:{name}").spec.module == module


def test_a_hook_may_return_component_classes(fakes):
    """A bare component class in kamaelia_components() is described with from_class()."""
    from kamaelia_fake_components import Echo

    class Plugin:
        @hookimpl
        def kamaelia_components(self):
            return [Echo]

    registry = Registry()
    registry.register(Plugin(), name="bare", distribution="bare-dist")
    assert registry.component("Echo").spec.inboxes["inbox"] == "messages"


def test_a_name_with_a_colon_is_rejected():
    """A component name containing ':' would break qualified names, so it is a problem."""

    class Plugin:
        @hookimpl
        def kamaelia_components(self):
            return [ComponentSpec.from_class(types.SimpleNamespace, name="a:b")]

    registry = Registry()
    registry.register(Plugin(), name="colon")
    assert registry.components() == []
    (problem,) = registry.problems
    assert "names are non-empty and contain no ':'" in problem.error


def test_a_plugin_without_hookimpls_is_a_problem():
    """A module whose functions lack @hookimpl is reported, not silently empty."""

    def kamaelia_components():
        return []

    module = types.ModuleType("undecorated")
    module.kamaelia_components = kamaelia_components
    registry = Registry()
    assert registry.register(module, name="undecorated", distribution="plain") is None
    (problem,) = registry.problems
    assert problem.error == (
        "no kamaelia_* hook implementations (are they decorated with @hookimpl?)"
    )


def test_public_surface_matches_all():
    """Kamaelia.Chassis.Registry exports exactly the names in its __all__."""
    import Kamaelia.Chassis.Registry as public

    exported = {n for n in dir(public) if not n.startswith("_")}
    assert exported == set(public.__all__)


def test_plugins_load_in_distribution_order(fakes, monkeypatch):
    """Entry points are loaded sorted by distribution name, whatever order metadata gives."""
    fakes.install(monkeypatch, fakes.OTHER, fakes.GOOD)
    assert [p.distribution for p in load_registry().plugins] == [
        "kamaelia-fake-good",
        "kamaelia-fake-other",
    ]


def test_a_distribution_seen_twice_on_the_path_loads_once(fakes, monkeypatch):
    """The same (distribution, entry point) found twice is loaded once, without a problem."""
    fakes.install(monkeypatch, fakes.GOOD, fakes.GOOD)
    registry = load_registry()
    assert len(registry.plugins) == 1
    assert registry.problems == []
