"""kamaelia-ray is found through the `kamaelia` entry point and listed by `kamaelia list`."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
from Axon import plugins

from Kamaelia.Chassis._cli import main


def test_entry_point_names_the_plugin_module() -> None:
    """The distribution declares `ray` in group `kamaelia`."""
    found = {ep.name: ep.value for ep in entry_points(group=plugins.ENTRY_POINT_GROUP)}
    assert found.get("ray") == "Kamaelia.Ray._plugin"


def test_kamaelia_list_shows_the_stand_ins(capsys: pytest.CaptureFixture[str]) -> None:
    """`kamaelia list` names the distribution and both stand-ins."""
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "kamaelia-ray 2.0.0a1" in out
    assert "RayPart" in out
    assert "RayWorkers" in out
