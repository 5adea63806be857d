"""The installed package is found through the `kamaelia` entry point."""

from importlib.metadata import entry_points

import pluggy
from Axon import plugins

from kamaelia_plugin_template import Doubler


def _plugin_manager() -> pluggy.PluginManager:
    manager = plugins.make_plugin_manager()
    manager.load_setuptools_entrypoints(plugins.ENTRY_POINT_GROUP)
    return manager


def test_entry_point_names_the_plugin_module() -> None:
    """The distribution declares `plugin-template` in group `kamaelia`."""
    found = {ep.name: ep.value for ep in entry_points(group=plugins.ENTRY_POINT_GROUP)}
    assert found.get("plugin-template") == "kamaelia_plugin_template._plugin"


def test_plugin_manager_finds_the_doubler() -> None:
    """Loading the entry points publishes Doubler with its docs and boxes."""
    specs = [s for group in _plugin_manager().hook.kamaelia_components() for s in group]
    (spec,) = [s for s in specs if s.module.startswith("kamaelia_plugin_template")]
    assert spec.name == "Doubler"
    assert spec.summary == "Doubles every number it receives."
    assert set(spec.inboxes) == {"inbox", "control"}
    assert set(spec.outboxes) == {"outbox", "signal"}
    assert isinstance(spec.factory(), Doubler)


def test_plugin_manager_finds_the_example() -> None:
    """Loading the entry points offers the `double` example system."""
    examples = [e for group in _plugin_manager().hook.kamaelia_examples() for e in group]
    assert "double" in [e.name for e in examples]
