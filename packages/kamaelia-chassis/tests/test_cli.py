"""The `kamaelia` command, called in-process through main(argv)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import textwrap
from pathlib import Path

import pytest

from Kamaelia.Chassis import _cli_run
from Kamaelia.Chassis._cli import main
from Kamaelia.Chassis.Registry import AUTOLOAD_ENV_VAR

FAKE_PLUGINS = Path(__file__).parent / "fixtures" / "fake_plugins"
SUBCOMMANDS = ("list", "show", "run", "demo", "graph")


@pytest.fixture
def fakes(monkeypatch):
    """Only the fake plugins are installed: a good one, unless a test installs others."""
    monkeypatch.syspath_prepend(str(FAKE_PLUGINS))
    monkeypatch.delenv(AUTOLOAD_ENV_VAR, raising=False)
    import fake_entry_points
    import kamaelia_fake_components
    import kamaelia_fake_good

    kamaelia_fake_components.RECORDED.clear()
    kamaelia_fake_good.EXAMPLE_RUNS.clear()
    fake_entry_points.install(monkeypatch, fake_entry_points.GOOD)
    return fake_entry_points


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


GRAPH = """
    pipeline = ["source", "echo", "sink"]

    [components.source]
    type = "Source"
    args = { items = ["x", "y"] }

    [components.echo]
    type = "Echo"
    args = { prefix = "got " }

    [components.sink]
    type = "Recorder"
    args = { name = "cli" }
"""


# -- help and version ---------------------------------------------------------


def test_help_lists_every_subcommand(capsys):
    """`kamaelia --help` exits 0 and names each subcommand."""
    status, out, _ = run_cli(capsys, "--help")
    assert status == 0
    for name in SUBCOMMANDS:
        assert f"    {name} " in out


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(capsys, command):
    """`kamaelia COMMAND --help` exits 0 with that command's usage."""
    status, out, _ = run_cli(capsys, command, "--help")
    assert status == 0
    assert out.startswith(f"usage: kamaelia {command}")


def test_version_names_chassis_and_axon(capsys):
    """--version prints the chassis and axon versions."""
    status, out, _ = run_cli(capsys, "--version")
    assert status == 0
    assert "kamaelia-chassis 2.0.0a1" in out
    assert "kamaelia-axon" in out


def test_no_command_prints_usage_and_fails(capsys):
    """Without a subcommand the usage goes to stderr with status 2."""
    status, out, err = run_cli(capsys)
    assert (status, out) == (2, "")
    assert err.startswith("usage: kamaelia")


def test_unknown_subcommand_is_a_usage_error(capsys):
    """A mistyped subcommand is a usage error (status 2) suggesting the close one."""
    status, _, err = run_cli(capsys, "lsit")
    assert status == 2
    assert err.endswith("kamaelia: error: unknown command 'lsit'; did you mean: list?\n")


def test_unlike_subcommand_lists_the_commands(capsys):
    """With nothing close, the error lists every command."""
    status, _, err = run_cli(capsys, "--debug", "xyzzy")
    assert status == 2
    assert "unknown command 'xyzzy'; commands are: list, show, run, demo, graph" in err


# -- list -----------------------------------------------------------------------


def test_list_shows_packages_versions_components_and_examples(fakes, capsys):
    """Text output has one heading per package and a line per component and example."""
    status, out, err = run_cli(capsys, "list")
    assert (status, err) == (0, "")
    assert "kamaelia-fake-good 1.2.3  [entry point 'fake': kamaelia_fake_good]" in out
    assert "  Echo      Sends on whatever arrives, with an optional prefix." in out
    assert "examples (kamaelia demo NAME):" in out
    assert "hello     Say hello." in out


def test_list_reports_broken_plugins_on_stderr_and_still_succeeds(fakes, monkeypatch, capsys):
    """A broken plugin appears under 'problems' on stderr; the good one is listed; exit 0."""
    fakes.install(monkeypatch, fakes.BROKEN_IMPORT, fakes.GOOD)
    status, out, err = run_cli(capsys, "list")
    assert status == 0
    assert "kamaelia-fake-good 1.2.3" in out
    assert err.startswith("problems (these plugins were skipped or are incomplete):\n")
    assert "plugin 'broken' (kamaelia-fake-broken 0.1) failed at load: ModuleNotFoundError" in err
    assert "Traceback" not in err


def test_list_json_has_packages_conflicts_and_problems(fakes, monkeypatch, capsys):
    """--json prints one document with packages, conflicts and problems."""
    fakes.install(monkeypatch, fakes.GOOD, fakes.OTHER, fakes.HOOK_RAISES)
    status, out, err = run_cli(capsys, "list", "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["autoload"] is True
    by_dist = {p["distribution"]: p for p in data["packages"]}
    assert by_dist["kamaelia-fake-good"]["version"] == "1.2.3"
    names = [c["qualified_name"] for c in by_dist["kamaelia-fake-good"]["components"]]
    assert "kamaelia-fake-good:Recorder" in names
    assert data["conflicts"] == {"Echo": ["kamaelia-fake-good:Echo", "kamaelia-fake-other:Echo"]}
    assert [(p["entry_point"], p["stage"]) for p in data["problems"]] == [
        ("fiery", "kamaelia_components")
    ]


def test_list_text_shows_conflicts(fakes, monkeypatch, capsys):
    """Names offered twice are listed with their qualified choices."""
    fakes.install(monkeypatch, fakes.GOOD, fakes.OTHER)
    _, out, _ = run_cli(capsys, "list")
    assert "  Echo: kamaelia-fake-good:Echo, kamaelia-fake-other:Echo" in out


def test_list_with_autoload_disabled_says_so(fakes, monkeypatch, capsys):
    """With KAMAELIA_DISABLE_PLUGIN_AUTOLOAD set, list says discovery is off."""
    monkeypatch.setenv(AUTOLOAD_ENV_VAR, "1")
    status, out, _ = run_cli(capsys, "list")
    assert status == 0
    assert "plugin discovery is off (KAMAELIA_DISABLE_PLUGIN_AUTOLOAD is set)" in out
    assert "no component packages found" in out


# -- show -------------------------------------------------------------------------


def test_show_prints_boxes_docs_module_and_package(fakes, capsys):
    """show NAME lists inboxes and outboxes with descriptions, the module and the package."""
    status, out, _ = run_cli(capsys, "show", "Recorder")
    assert status == 0
    assert out.startswith("Recorder  (kamaelia-fake-good:Recorder)\n")
    assert "  package: kamaelia-fake-good 1.2.3" in out
    assert "  module:  kamaelia_fake_components" in out
    assert "Inboxes:\n  inbox    messages to record\n  control  shutdown messages\n" in out
    assert "Outboxes:\n  outbox  unused\n" in out
    assert "Stops on producerFinished or shutdownMicroprocess" in out


def test_show_json(fakes, capsys):
    """show --json gives the same facts as a document."""
    status, out, _ = run_cli(capsys, "show", "--json", "kamaelia-fake-good:Echo")
    assert status == 0
    data = json.loads(out)
    assert data["distribution"] == "kamaelia-fake-good"
    assert data["inboxes"] == {"inbox": "messages", "control": "shutdown messages"}


def test_show_unknown_name_is_one_line_error(fakes, capsys):
    """A typo exits 1 with one stderr line suggesting the right name, no traceback."""
    status, out, err = run_cli(capsys, "show", "Ech")
    assert (status, out) == (1, "")
    assert err == "kamaelia show: error: unknown component 'Ech'; did you mean: Echo?\n"


def test_show_ambiguous_name_lists_choices(fakes, monkeypatch, capsys):
    """An ambiguous name exits 1 naming the qualified choices."""
    fakes.install(monkeypatch, fakes.GOOD, fakes.OTHER)
    status, _, err = run_cli(capsys, "show", "Echo")
    assert status == 1
    assert "use a qualified name: kamaelia-fake-good:Echo, kamaelia-fake-other:Echo" in err


def test_other_commands_warn_about_plugin_problems(fakes, monkeypatch, capsys):
    """Commands other than list mention plugin problems in one stderr line."""
    fakes.install(monkeypatch, fakes.BROKEN_IMPORT, fakes.GOOD)
    status, _, err = run_cli(capsys, "show", "Echo")
    assert status == 0
    assert err == "kamaelia: warning: 1 plugin problem; see 'kamaelia list'\n"


# -- run ---------------------------------------------------------------------------


def test_run_graph_file_runs_the_system(fakes, tmp_path, capsys, axon_scheduler):
    """run FILE.toml builds and runs the system until it finishes."""
    import kamaelia_fake_components

    status, _, err = run_cli(capsys, "run", str(write(tmp_path, "g.toml", GRAPH)))
    assert (status, err) == (0, "")
    assert kamaelia_fake_components.RECORDED["cli"] == ["got x", "got y"]


def test_run_check_validates_without_running(fakes, tmp_path, capsys):
    """run --check builds the components and reports OK without running them."""
    import kamaelia_fake_components

    path = write(tmp_path, "g.toml", GRAPH)
    status, out, _ = run_cli(capsys, "run", "--check", str(path))
    assert status == 0
    assert out == f"{path}: OK (3 components, 4 links)\n"
    assert kamaelia_fake_components.RECORDED["cli"] == []


def test_run_malformed_graph_is_one_line_with_file_and_line(fakes, tmp_path, capsys):
    """A bad graph file exits 1 with file:line in one line, no traceback."""
    path = write(tmp_path, "g.toml", '[components.a]\ntype = "Ecco"\n')
    status, _, err = run_cli(capsys, "run", str(path))
    assert status == 1
    assert err == (
        f"kamaelia run: error: {path}:2: component 'a': unknown component 'Ecco'; "
        "did you mean: Echo?\n"
    )


def test_run_bad_args_is_a_user_error(fakes, tmp_path, capsys):
    """Bad constructor arguments are reported with the component and TypeError."""
    path = write(tmp_path, "g.toml", '[components.a]\ntype = "Echo"\nargs = { nope = 1 }\n')
    status, _, err = run_cli(capsys, "run", str(path))
    assert status == 1
    assert f"{path}:3: component 'a' (Echo): bad args:" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("system.yaml", "expected a .toml graph file or a .py file"),
        ("missing.toml", "no such file"),
    ],
)
def test_run_rejects_wrong_or_missing_files(tmp_path, capsys, name, message):
    """Unsupported extensions and missing files are one-line errors."""
    status, _, err = run_cli(capsys, "run", str(tmp_path / name))
    assert status == 1
    assert message in err


def test_run_a_crashing_component_names_it_without_traceback(
    fakes, tmp_path, capsys, axon_scheduler
):
    """A component crash ends the run with status 1 and its error, without a traceback."""
    path = write(tmp_path, "g.toml", '[components.boom]\ntype = "Crasher"\n')
    status, _, err = run_cli(capsys, "run", str(path))
    assert status == 1
    # On Python 3.10 Axon's log line naming the crashed component comes first.
    assert err.splitlines()[-1] == (
        f"kamaelia run: error: the system failed: component 'boom' of {path} (Crasher) "
        "failed: RuntimeError: crashed on purpose"
    )
    assert "Traceback" not in err


def test_run_python_file_as_main_with_arguments(tmp_path, capsys):
    """run FILE.py executes it as __main__ with sys.argv set, returning its exit code."""
    script = write(
        tmp_path,
        "prog.py",
        """
        import sys
        if __name__ == "__main__":
            print("args", sys.argv[1:])
            sys.exit(4)
        """,
    )
    status, out, _ = run_cli(capsys, "run", str(script), "a", "--b")
    assert status == 4
    assert out == "args ['a', '--b']\n"


def test_run_python_file_that_raises_shows_its_traceback(tmp_path, capsys):
    """A crashing Python program gets its own traceback (not the CLI's) and status 1."""
    script = write(tmp_path, "bad.py", "def f():\n    raise ValueError('oops')\nf()\n")
    status, _, err = run_cli(capsys, "run", str(script))
    assert status == 1
    assert err.startswith("Traceback (most recent call last):\n")
    assert "bad.py" in err
    assert "ValueError: oops" in err
    assert "runpy" not in err
    assert "_cli_run" not in err


def test_ctrl_c_in_a_python_file_exits_130(tmp_path, capsys):
    """KeyboardInterrupt while running stops the scheduler and exits 130 with one line."""
    script = write(tmp_path, "ki.py", "raise KeyboardInterrupt\n")
    status, _, err = run_cli(capsys, "run", str(script))
    assert status == _cli_run.INTERRUPTED_STATUS == 130
    assert err == "kamaelia: interrupted (Ctrl-C); the system was shut down\n"


# -- demo ---------------------------------------------------------------------------


def test_demo_without_name_lists_examples(fakes, capsys):
    """demo alone lists each example with its qualified name and summary."""
    status, out, _ = run_cli(capsys, "demo")
    assert status == 0
    assert out == "hello  Say hello.  (kamaelia-fake-good)\n"


def test_demo_runs_an_example_with_its_arguments(fakes, capsys):
    """demo NAME ARGS... calls the example's run(argv) and returns its status."""
    import kamaelia_fake_good

    assert run_cli(capsys, "demo", "hello", "one", "--two")[0] == 0
    assert run_cli(capsys, "demo", "hello", "--fail")[0] == 3
    assert kamaelia_fake_good.EXAMPLE_RUNS == [["one", "--two"], ["--fail"]]


def test_demo_unknown_example(fakes, capsys):
    """An unknown example name exits 1 with a suggestion."""
    status, _, err = run_cli(capsys, "demo", "helo")
    assert status == 1
    assert "unknown example 'helo'; did you mean: hello?" in err


def test_demo_with_no_examples_installed(fakes, monkeypatch, capsys):
    """With no examples offered, demo says so and succeeds."""
    monkeypatch.setenv(AUTOLOAD_ENV_VAR, "1")
    status, out, _ = run_cli(capsys, "demo")
    assert status == 0
    assert out.startswith("no examples installed")


def test_demo_interrupted_exits_130(fakes, monkeypatch, capsys):
    """Ctrl-C during an example exits 130 with one line and no traceback."""
    import kamaelia_fake_good

    def interrupted(argv):
        raise KeyboardInterrupt

    monkeypatch.setattr(kamaelia_fake_good, "run_hello", interrupted)
    monkeypatch.setattr(kamaelia_fake_good, "kamaelia_examples", _examples_hook(interrupted))
    status, _, err = run_cli(capsys, "demo", "hello")
    assert status == 130
    assert err == "kamaelia: interrupted (Ctrl-C); the system was shut down\n"


def _examples_hook(run):
    from Axon.plugins import ExampleSpec, hookimpl

    @hookimpl
    def kamaelia_examples():
        return [ExampleSpec(name="hello", summary="Say hello.", run=run)]

    return kamaelia_examples


# -- graph ---------------------------------------------------------------------------


def test_graph_prints_dot(fakes, tmp_path, capsys):
    """graph FILE prints a DOT digraph with a record per component and port-to-port edges."""
    status, out, _ = run_cli(capsys, "graph", str(write(tmp_path, "g.toml", GRAPH)))
    assert status == 0
    assert out.startswith('digraph "')
    assert '"source" [label="{<i_inbox> inbox|<i_control> control}|source\\n' in out
    assert '"source":"o_outbox" -> "echo":"i_inbox"' in out
    assert '"echo":"o_signal" -> "sink":"i_control"' in out
    assert out.rstrip().endswith("}")


def test_graph_writes_to_output_file(fakes, tmp_path, capsys):
    """-o OUT writes the drawing to OUT and nothing to stdout."""
    target = tmp_path / "out.dot"
    status, out, _ = run_cli(
        capsys, "graph", str(write(tmp_path, "g.toml", GRAPH)), "-o", str(target)
    )
    assert (status, out) == (0, "")
    assert target.read_text().startswith("digraph")


def test_graph_svg_without_graphviz_is_a_clear_error(fakes, tmp_path, monkeypatch, capsys):
    """--format svg with no 'dot' on PATH says to install Graphviz or use --format dot."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    status, _, err = run_cli(
        capsys, "graph", str(write(tmp_path, "g.toml", GRAPH)), "--format", "svg"
    )
    assert status == 1
    assert "needs Graphviz's 'dot' program, which is not on PATH" in err
    assert "--format dot" in err


@pytest.mark.skipif(os.name == "nt", reason="the fake 'dot' is a POSIX shell script")
def test_graph_svg_runs_dot_with_the_dot_text(fakes, tmp_path, monkeypatch, capsys):
    """--format svg pipes the DOT text through `dot -Tsvg` and writes its output."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    fake_dot = bindir / "dot"
    fake_dot.write_text('#!/bin/sh\necho "<svg format=$1>"\ncat\n')
    fake_dot.chmod(fake_dot.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    target = tmp_path / "out.svg"
    status, _, err = run_cli(
        capsys, "graph", str(write(tmp_path, "g.toml", GRAPH)), "-f", "svg", "-o", str(target)
    )
    assert (status, err) == (0, "")
    text = target.read_text()
    assert text.startswith("<svg format=-Tsvg>\ndigraph")


@pytest.mark.skipif(os.name == "nt", reason="the fake 'dot' is a POSIX shell script")
def test_graph_reports_a_failing_dot(fakes, tmp_path, monkeypatch, capsys):
    """A non-zero exit from dot is reported with its stderr."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    fake_dot = bindir / "dot"
    fake_dot.write_text('#!/bin/sh\necho "syntax error in line 1" >&2\nexit 1\n')
    fake_dot.chmod(fake_dot.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    status, _, err = run_cli(capsys, "graph", str(write(tmp_path, "g.toml", GRAPH)), "-f", "png")
    assert status == 1
    assert "-Tpng exited with 1: syntax error in line 1" in err


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_graph_svg_with_real_graphviz(fakes, tmp_path, capsys):
    """With Graphviz installed, --format svg gives an SVG drawing naming the components."""
    target = tmp_path / "out.svg"
    path = write(tmp_path, "g.toml", GRAPH)
    status, _, err = run_cli(capsys, "graph", str(path), "--format", "svg", "-o", str(target))
    assert (status, err) == (0, "")
    svg = target.read_text()
    assert "<svg" in svg
    assert "kamaelia&#45;fake&#45;good:Recorder" in svg  # Graphviz escapes "-"


def test_graph_rejects_python_files(tmp_path, capsys):
    """graph draws graph files only."""
    status, _, err = run_cli(capsys, "graph", str(tmp_path / "x.py"))
    assert status == 1
    assert "'kamaelia graph' draws .toml graph files" in err


def test_debug_flag_keeps_one_line_errors_and_adds_the_traceback(fakes, capsys):
    """--debug logs the traceback of a user error as well as the one-line message."""
    status, _, err = run_cli(capsys, "--debug", "show", "Nope")
    assert status == 1
    assert "kamaelia show: error: unknown component 'Nope'" in err
    assert "Traceback" in err


def test_main_is_reentrant_and_leaves_logging_as_it_found_it(fakes, capsys):
    """Calling main twice adds no lasting logging handlers."""
    import logging

    before = list(logging.getLogger().handlers)
    run_cli(capsys, "list")
    run_cli(capsys, "--debug", "list")
    assert logging.getLogger().handlers == before
