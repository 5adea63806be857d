"""The `kamaelia` command's conventions: examples in --help, hints, completion, formats."""

from __future__ import annotations

import json
import subprocess

import pytest
from test_cli import AUTOLOAD_ENV_VAR, GRAPH, fakes, run_cli, write  # noqa: F401  (fixture)

from Kamaelia.Chassis import _cli_commands
from Kamaelia.Chassis._cli import build_parser
from Kamaelia.Chassis._cli_completion import bash_script, subcommands

# The chassis's own commands (a plugin's command brings its own help).
COMMANDS = ["list", "show", "run", "demo", "graph", "new", "completion"]


def test_the_builtin_commands_are_the_ones_tested():
    """Every command listed here exists (a rename would otherwise go untested)."""
    assert set(COMMANDS) <= set(subcommands(build_parser()))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_ends_with_examples(command, capsys):
    """Each `kamaelia COMMAND --help` ends with an examples section of runnable lines."""
    status, out, _ = run_cli(capsys, command, "--help")
    assert status == 0
    examples = out.split("\nexamples:\n", 1)[1].splitlines()
    assert examples
    assert all(line.lstrip().startswith(("kamaelia ", "source ")) for line in examples)


def test_run_usage_shows_args_are_optional(capsys):
    """`kamaelia run` takes FILE and, optionally, ARGS."""
    _, out, _ = run_cli(capsys, "run", "--help")
    usage = out.splitlines()[0]
    assert usage.startswith("usage: kamaelia run [-h] [--check]")
    assert usage.endswith(" FILE [ARGS ...]")


def test_unknown_example_points_at_the_demo_list(fakes, capsys):  # noqa: F811
    """An example name with nothing close says how to list the examples."""
    status, _, err = run_cli(capsys, "demo", "nope")
    assert status == 1
    assert err == (
        "kamaelia demo: error: unknown example 'nope'; run 'kamaelia demo' to list the examples\n"
    )


def test_unknown_component_with_discovery_off_says_so(fakes, monkeypatch, capsys):  # noqa: F811
    """With plugin autoload off, an unknown name says why nothing installed is known."""
    monkeypatch.setenv(AUTOLOAD_ENV_VAR, "1")
    status, _, err = run_cli(capsys, "show", "Echo")
    assert status == 1
    assert "unknown component 'Echo'" in err
    assert f"plugin discovery is off: {AUTOLOAD_ENV_VAR} is set" in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["-o", "x.svg"], "svg"),
        (["-o", "x.PNG"], "png"),
        (["-o", "x.gv"], "dot"),
        (["-f", "png", "-o", "x.svg"], "png"),
        ([], "dot"),
    ],
)
def test_graph_format_follows_the_output_extension(
    fakes,  # noqa: F811
    tmp_path,
    monkeypatch,
    capsys,
    argv,
    expected,
):
    """`-o x.svg` draws SVG without `--format`; an explicit --format wins."""
    asked = []
    monkeypatch.setattr(_cli_commands, "render", lambda dot, fmt: asked.append(fmt) or b"drawn")
    path = write(tmp_path, "system.toml", GRAPH)
    monkeypatch.chdir(tmp_path)
    status, _, err = run_cli(capsys, "graph", str(path), *argv)
    assert (status, err) == (0, "")
    assert asked == [expected]


def test_completion_names_lists_the_installed_components(fakes, capsys):  # noqa: F811
    """What the completion script asks for on Tab after `show`."""
    status, out, _ = run_cli(capsys, "completion", "--names", "components")
    assert status == 0
    assert {"Echo", "Recorder", "Source"} <= set(out.split())


def _complete(line: str) -> list[str]:
    """What bash offers for Tab at the end of `line`, with `kamaelia` stubbed to name Echo/Sink."""
    words = line.split(" ")
    script = f"""
        kamaelia() {{ printf 'Echo\\nSink\\n'; }}
        {bash_script(build_parser())}
        COMP_WORDS=({" ".join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}
        _kamaelia; printf '%s\\n' "${{COMPREPLY[@]}}"
    """
    done = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, timeout=30, check=True
    )
    return done.stdout.split()


def test_bash_completes_commands_names_and_options():
    """Commands, then component names for show, then each command's options."""
    assert _complete("kamaelia s") == ["show"]
    assert _complete("kamaelia --debug gr") == ["graph"]
    assert _complete("kamaelia show E") == ["Echo"]
    assert _complete("kamaelia run --c") == ["--check"]
    assert _complete("kamaelia completion ") == ["bash"]


def test_show_lists_the_arguments_with_types_and_defaults(fakes, capsys):  # noqa: F811
    """`kamaelia show` gives what building the component takes, in text and JSON."""
    status, out, _ = run_cli(capsys, "show", "Echo")
    assert status == 0
    assert "\nArguments:\n  prefix: str = ''\n" in out
    status, out, _ = run_cli(capsys, "show", "--json", "Echo")
    assert json.loads(out)["arguments"] == [
        {"name": "prefix", "type": "str", "required": False, "default": "''"}
    ]
