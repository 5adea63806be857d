"""kamaelia-net registers its components and examples through the `kamaelia` entry point."""

from __future__ import annotations

from importlib.metadata import entry_points

import pluggy
from Axon import plugins


def _manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(plugins.PROJECT_NAME)
    manager.add_hookspecs(plugins.hookspecs)
    manager.load_setuptools_entrypoints(plugins.ENTRY_POINT_GROUP)
    return manager


def test_entry_point_names_the_plugin_module() -> None:
    """The distribution declares `net` in group `kamaelia`."""
    found = {ep.name: ep.value for ep in entry_points(group=plugins.ENTRY_POINT_GROUP)}
    assert found.get("net") == "Kamaelia.Internet._net_plugin"


def test_components_are_published_with_their_boxes() -> None:
    """ServerCore, TCPClient and the framing components are listed with docs and boxes."""
    specs = {
        s.name: s
        for group in _manager().hook.kamaelia_components()
        for s in group
        if s.module.startswith("Kamaelia.")
    }
    for name in ("ServerCore", "SimpleServer", "TCPClient", "TCPServer", "SimplePeer"):
        assert name in specs
    assert "_socketactivity" in specs["ServerCore"].inboxes
    assert specs["TCPClient"].summary.startswith("A TCP (or TLS) connection")
    assert "LengthPrefixDeFramer" in specs


def test_examples_are_offered() -> None:
    """The echo and chat example systems are offered to `kamaelia demo`."""
    names = {e.name for group in _manager().hook.kamaelia_examples() for e in group}
    assert {"echo-server", "chat"} <= names
