"""The plugin contract: ComponentSpec, ExampleSpec and the pluggy plugin manager."""

from __future__ import annotations

import sys

from Axon import plugins
from Axon.Component import component
from Axon.plugins import ComponentSpec, ExampleSpec, hookimpl, make_plugin_manager


class Doubler(component):
    """Doubles every number it receives.

    Longer description here.
    """

    Inboxes = {"inbox": "numbers", "control": "shutdown messages"}
    Outboxes = {"outbox": "doubled numbers", "signal": "passes shutdown on"}


class ListBoxes(component):
    Inboxes = ["inbox", "control"]
    Outboxes = ["outbox"]


def test_project_name_and_entry_point_group():
    """The pluggy project and entry point group are both "kamaelia"."""
    assert plugins.PROJECT_NAME == "kamaelia"
    assert plugins.ENTRY_POINT_GROUP == "kamaelia"


def test_component_spec_from_class():
    """from_class takes the name, first docstring line, box docs and module from the class."""
    spec = ComponentSpec.from_class(Doubler)
    assert spec.name == "Doubler"
    assert spec.summary == "Doubles every number it receives."
    assert dict(spec.inboxes) == {"inbox": "numbers", "control": "shutdown messages"}
    assert dict(spec.outboxes) == {"outbox": "doubled numbers", "signal": "passes shutdown on"}
    assert spec.module == __name__
    assert isinstance(spec.factory(), Doubler)


def test_component_spec_from_class_with_name_and_list_boxes():
    """A given name overrides the class name; list boxes get empty descriptions; no docstring, no summary."""
    spec = ComponentSpec.from_class(ListBoxes, name="lister")
    assert spec.name == "lister"
    assert spec.summary == ""
    assert dict(spec.inboxes) == {"inbox": "", "control": ""}
    assert dict(spec.outboxes) == {"outbox": ""}


def test_factory_passes_keyword_arguments():
    """spec.factory(**kwargs) builds a component with those attributes."""
    made = ComponentSpec.from_class(Doubler).factory(factor=3)
    assert made.factor == 3


def test_plugin_manager_calls_registered_hookimpls():
    """A plugin manager from make_plugin_manager() calls a registered @hookimpl."""

    class MyPlugin:
        @hookimpl
        def kamaelia_components(self):
            return [ComponentSpec.from_class(Doubler)]

        @hookimpl
        def kamaelia_examples(self):
            return [ExampleSpec(name="double", summary="Doubles.", run=lambda argv: 0)]

    pm = make_plugin_manager()
    pm.register(MyPlugin())
    [components] = pm.hook.kamaelia_components()
    [examples] = pm.hook.kamaelia_examples()
    assert [c.name for c in components] == ["Doubler"]
    assert examples[0].name == "double"
    assert examples[0].run([]) == 0


def test_plugin_manager_starts_empty():
    """A fresh plugin manager has no plugins, so the hooks return nothing."""
    pm = make_plugin_manager()
    assert pm.hook.kamaelia_components() == []


class Wrapped(component):
    """Wrapped(rate=100000, chunksize=None,
    chunkrate=None) -> send data at a steady rate,
    whatever arrives.

    More detail, not part of the summary.
    """


def test_summary_leaves_out_a_signature_even_when_it_wraps():
    """A 1.x 'Name(args) -> what' first paragraph becomes 'What', never cut mid-signature."""
    spec = ComponentSpec.from_class(Wrapped)
    assert spec.summary == "Send data at a steady rate, whatever arrives."


def test_module_is_the_public_package_that_exports_a_private_class(monkeypatch):
    """A class defined in pkg._impl but exported by pkg is shown as pkg's."""
    import types

    package = types.ModuleType("shown_pkg")
    monkeypatch.setitem(sys.modules, "shown_pkg", package)
    monkeypatch.setitem(sys.modules, "shown_pkg._impl", types.ModuleType("shown_pkg._impl"))
    hidden = type("Hidden", (component,), {"__module__": "shown_pkg._impl"})
    assert ComponentSpec.from_class(hidden).module == "shown_pkg._impl"  # not exported yet
    package.Hidden = hidden
    assert ComponentSpec.from_class(hidden).module == "shown_pkg"


def test_plugins_may_add_commands_and_run_options():
    """kamaelia_commands and kamaelia_run_options return CommandSpec and RunOption."""
    import contextlib

    class CliPlugin:
        @hookimpl
        def kamaelia_commands(self):
            return [
                plugins.CommandSpec(
                    name="hello", summary="Says hello.", add_arguments=lambda p: None, run=print
                )
            ]

        @hookimpl
        def kamaelia_run_options(self):
            return [
                plugins.RunOption(
                    name="watch", metavar="PORT", help="h", start=lambda v: contextlib.nullcontext()
                )
            ]

    pm = make_plugin_manager()
    pm.register(CliPlugin())
    [[command]] = pm.hook.kamaelia_commands()
    [[option]] = pm.hook.kamaelia_run_options()
    assert command.name == "hello"
    assert option.name == "watch"
    with option.start("8080"):
        pass
