"""Plugins add commands to `kamaelia` and options to `kamaelia run` (Axon.plugins hooks)."""

import contextlib

from Axon.plugins import CommandSpec, RunOption, hookimpl

from Kamaelia.Chassis import _cli
from Kamaelia.Chassis._registry import Registry

EVENTS = []


@contextlib.contextmanager
def _watching(value):
    if value == "bad":
        raise ValueError("not a port")
    EVENTS.append(f"start {value}")
    yield
    EVENTS.append("stop")


def _add_arguments(parser):
    parser.add_argument("--loud", action="store_true")


def _hello(args):
    EVENTS.append(f"hello loud={args.loud}")
    return 3


class Plugin:
    @hookimpl
    def kamaelia_commands(self):
        return [CommandSpec("hello", "Say hello.", _add_arguments, _hello)]

    @hookimpl
    def kamaelia_run_options(self):
        return [RunOption("watch", "PORT", "watch the system", _watching)]


def _main(monkeypatch, argv):
    registry = Registry()
    registry.register(Plugin(), name="cliplugin", distribution="cliplugin")
    monkeypatch.setattr(_cli, "load_registry", lambda: registry)
    EVENTS.clear()
    return _cli.main(argv)


def test_a_plugin_command_runs_with_its_own_arguments(monkeypatch):
    """`kamaelia hello --loud` calls the plugin's run(args); its return is the exit status."""
    assert _main(monkeypatch, ["hello", "--loud"]) == 3
    assert EVENTS == ["hello loud=True"]


def test_a_run_option_wraps_the_running_system(monkeypatch, tmp_path):
    """`kamaelia run --watch V FILE` enters start(V) before the system runs and leaves after."""
    script = tmp_path / "system.py"
    script.write_text(f"import {__name__} as test\ntest.EVENTS.append('running')\n")
    assert _main(monkeypatch, ["run", "--watch", "8080", str(script)]) == 0
    assert EVENTS == ["start 8080", "running", "stop"]


def test_a_bad_run_option_value_is_a_user_error(monkeypatch, tmp_path, capsys):
    """A ValueError from start() is one error line naming the option and the value."""
    script = tmp_path / "system.py"
    script.write_text("")
    assert _main(monkeypatch, ["run", "--watch", "bad", str(script)]) == 1
    assert capsys.readouterr().err == "kamaelia run: error: --watch bad: not a port\n"


def test_plugin_commands_are_listed_in_help(monkeypatch, capsys):
    """The plugin's command appears in `kamaelia --help` with its summary."""
    assert _main(monkeypatch, ["--help"]) == 0
    assert "Say hello." in capsys.readouterr().out
