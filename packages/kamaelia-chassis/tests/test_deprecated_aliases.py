"""The deprecated 1.x Kamaelia.Util alias modules: same objects, and a warning naming the new path."""

import importlib
import subprocess
import sys
import types

import pytest

from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Chassis.Pipeline import Pipeline, pipeline
from Kamaelia.Util.Filter import Filter
from Kamaelia.Util.NullSink import nullSinkComponent
from Kamaelia.Util.Stringify import Stringify
from Kamaelia.Util.TestResult import TestResult

ALIASES = {
    "Kamaelia.Util.Graphline": ({"Graphline": Graphline}, "Kamaelia.Chassis.Graphline.Graphline"),
    "Kamaelia.Util.Pipeline": (
        {"Pipeline": Pipeline, "pipeline": pipeline},
        "Kamaelia.Chassis.Pipeline.Pipeline",
    ),
    "Kamaelia.Util.PipelineComponent": (
        {"pipeline": pipeline},
        "Kamaelia.Chassis.Pipeline.Pipeline",
    ),
    "Kamaelia.Util.FilterComponent": ({"FilterComponent": Filter}, "Kamaelia.Util.Filter.Filter"),
    "Kamaelia.Util.NullSinkComponent": (
        {"nullSinkComponent": nullSinkComponent},
        "Kamaelia.Util.NullSink.nullSinkComponent",
    ),
    "Kamaelia.Util.TestResultComponent": (
        {"testResultComponent": TestResult},
        "Kamaelia.Util.TestResult.TestResult",
    ),
    "Kamaelia.Util.ToStringComponent": (
        {"ToStringComponent": Stringify},
        "Kamaelia.Util.Stringify.Stringify",
    ),
}


def fresh_import(name):
    sys.modules.pop(name, None)
    return importlib.import_module(name)


@pytest.mark.parametrize("name", sorted(ALIASES))
def test_alias_re_exports_the_1x_names_and_warns(name, monkeypatch):
    """Importing the alias warns with DeprecationWarning naming the new path; its names are the new objects."""
    monkeypatch.delitem(sys.modules, name, raising=False)
    names, new_path = ALIASES[name]
    with pytest.warns(DeprecationWarning, match=rf"{name} is deprecated .* use {new_path}"):
        module = fresh_import(name)
    for attr, obj in names.items():
        assert getattr(module, attr) is obj
    assert sorted(module.__all__) == sorted(names)


def test_the_warning_points_at_the_importing_code(monkeypatch):
    """The warning is reported against the line that imported the alias, not the alias itself."""
    monkeypatch.delitem(sys.modules, "Kamaelia.Util.Graphline", raising=False)
    with pytest.warns(DeprecationWarning, match="Kamaelia.Util.Graphline") as record:
        import Kamaelia.Util.Graphline  # noqa: F401
    assert record[0].filename == __file__


def test_console_echo_re_exports_the_console_echoer(monkeypatch):
    """Kamaelia.Util.ConsoleEcho.consoleEchoer is kamaelia-console's ConsoleEchoer."""
    fake = types.ModuleType("Kamaelia.Util.Console")
    fake.ConsoleEchoer = type("ConsoleEchoer", (), {})
    monkeypatch.setitem(sys.modules, "Kamaelia.Util.Console", fake)
    monkeypatch.delitem(sys.modules, "Kamaelia.Util.ConsoleEcho", raising=False)
    with pytest.warns(DeprecationWarning, match="use Kamaelia.Util.Console.ConsoleEchoer"):
        module = fresh_import("Kamaelia.Util.ConsoleEcho")
    assert module.consoleEchoer is fake.ConsoleEchoer


def test_console_echo_without_kamaelia_console_says_what_to_install(monkeypatch):
    """Without kamaelia-console the alias fails with an ImportError naming the distribution."""
    monkeypatch.setitem(sys.modules, "Kamaelia.Util.Console", None)
    monkeypatch.delitem(sys.modules, "Kamaelia.Util.ConsoleEcho", raising=False)
    with pytest.raises(ImportError, match="pip install kamaelia-console"):
        fresh_import("Kamaelia.Util.ConsoleEcho")


def test_chassis_itself_never_imports_the_console():
    """Importing kamaelia-chassis's plugin (all its components) does not load kamaelia-console."""
    code = (
        "import sys, Kamaelia.Util._chassis_plugin; "
        "assert 'Kamaelia.Util.Console' not in sys.modules, 'console imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30)
