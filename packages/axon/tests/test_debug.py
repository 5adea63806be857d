"""1.x debugging: Axon.debug levels, configuration files (debugConfigFile) and defaults."""

from __future__ import annotations

import pytest
from Axon.debug import debug
from Axon.debugConfigDefaults import defaultConfig
from Axon.debugConfigFile import readConfig


@pytest.fixture(autouse=True)
def _fresh_levels(monkeypatch):
    monkeypatch.setattr(debug, "configs", {})


def test_read_config_skips_comments_and_blank_lines(tmp_path):
    """readConfig gives section -> (level, location) for each configuration line."""
    path = tmp_path / "debug.conf"
    path.write_text("# sections\n\ncomponent.send    5 default\n  \nscheduler.main 10  default\n")
    assert readConfig(path) == {
        "component.send": (5, "default"),
        "scheduler.main": (10, "default"),
    }


def test_read_config_names_file_and_line_of_a_bad_line(tmp_path):
    """A line that is not 'section level location' is an error naming file, line and the line."""
    path = tmp_path / "debug.conf"
    path.write_text("ok.section 1 default\nbroken.section lots default\n")
    with pytest.raises(ValueError, match=r"debug\.conf, line 2: expected 'section level location'"):
        readConfig(path)


def test_default_config_is_empty():
    """Kamaelia 2's own code has no debug sections: the defaults debug nothing."""
    assert defaultConfig() == {}


def test_use_config_reads_the_named_file_once(tmp_path):
    """useConfig(filename) sets the levels from the file, unless levels are set already (1.x)."""
    path = tmp_path / "debug.conf"
    path.write_text("mine 7 default\n")
    d = debug()
    d.useConfig(str(path))
    assert d.areDebugging("mine", 7)
    assert not d.areDebugging("mine", 8)
    path.write_text("mine 1 default\n")
    debug().useConfig(str(path))
    assert d.areDebugging("mine", 7)


def test_use_config_falls_back_to_defaults_for_a_missing_file(tmp_path):
    """A file that cannot be read gives the defaults; with no filename nothing is read."""
    d = debug()
    assert d.useConfig(str(tmp_path / "missing.conf"))
    assert d.useConfig()
    assert debug.configs == {}
