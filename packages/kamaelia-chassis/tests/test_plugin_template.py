"""The third-party plugin template, installed into a fresh virtualenv, is found by `kamaelia`.

One clean venv per test session (module-scoped fixture), made with uv when it
is installed (else venv + pip): it installs packages/axon,
packages/kamaelia-chassis and packages/_template from the repository checkout
(the build backend and pluggy come from PyPI), then the venv's own `kamaelia`
command must find the template's component.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PACKAGES = Path(__file__).resolve().parents[2]  # tests -> kamaelia-chassis -> packages
NEEDED = ("axon", "kamaelia-chassis", "_template")
TEMPLATE_DIST = "kamaelia-plugin-template"
SLOW = pytest.mark.timeout(600)


def _bin(venv: Path, name: str) -> Path:
    return (
        venv
        / ("Scripts" if os.name == "nt" else "bin")
        / (name + (".exe" if os.name == "nt" else ""))
    )


def _run(*cmd: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    # The child must see only its own venv: no inherited PYTHONPATH or active venv.
    hidden = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if k not in hidden and not k.startswith("KAMAELIA_")}
    return subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=timeout, env=env
    )


def _uv() -> str | None:
    """uv, if installed and working: it makes the venv in seconds instead of ~40 s with pip."""
    uv = shutil.which("uv")
    if uv is None or _run(uv, "--version", timeout=30).returncode != 0:
        return None
    return uv


def _make_venv(root: Path, sources: list[object] | None = None) -> None:
    """A clean venv at *root* holding `sources` (default: axon, chassis and the template)."""
    sources = sources or [PACKAGES / n for n in NEEDED]
    uv = _uv()
    if uv is not None:
        steps = [
            (uv, "venv", "--quiet", "--python", sys.executable, root),
            # --no-cache: a cached build of a local folder could be stale.
            (
                uv,
                "pip",
                "install",
                "--quiet",
                "--no-cache",
                "--python",
                _bin(root, "python"),
                *sources,
            ),
        ]
    else:
        steps = [
            (sys.executable, "-m", "venv", root),
            (
                _bin(root, "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                *sources,
            ),
        ]
    for step in steps:
        done = _run(*step, timeout=480)
        assert done.returncode == 0, f"{step[:3]} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A clean virtualenv with axon, chassis and the plugin template installed (not editable)."""
    missing = [n for n in NEEDED if not (PACKAGES / n / "pyproject.toml").is_file()]
    if missing:
        pytest.skip(
            f"needs the repository checkout (no {', '.join(missing)} under {PACKAGES}); "
            "the tests are running from an installed copy without the source tree"
        )
    root = tmp_path_factory.mktemp("template-venv")
    _make_venv(root)
    return root


@SLOW
def test_kamaelia_list_finds_the_template_component(venv):
    """`kamaelia list --json` in the fresh venv shows the template's Doubler and its distribution."""
    done = _run(_bin(venv, "kamaelia"), "list", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["problems"] == []
    packages = {p["distribution"]: p for p in data["packages"]}
    assert set(packages) == {"kamaelia-chassis", TEMPLATE_DIST}
    template = packages[TEMPLATE_DIST]
    assert template["version"] == "0.1.0"
    assert [c["qualified_name"] for c in template["components"]] == [f"{TEMPLATE_DIST}:Doubler"]


@SLOW
def test_kamaelia_show_describes_the_template_component(venv):
    """`kamaelia show Doubler` gives its boxes and module from the installed wheel."""
    done = _run(_bin(venv, "kamaelia"), "show", "--json", "Doubler")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["distribution"] == TEMPLATE_DIST
    assert set(data["inboxes"]) == {"inbox", "control"}
    assert data["module"].startswith("kamaelia_plugin_template")


def _graph(tmp_path: Path, messages: str) -> Path:
    path = tmp_path / "doubling.toml"
    path.write_text(
        textwrap.dedent(
            f"""
            pipeline = ["numbers", "double", "sink"]

            [components.numbers]
            type = "DataSource"
            args = {{ messages = {messages} }}

            [components.double]
            type = "{TEMPLATE_DIST}:Doubler"

            [components.sink]
            type = "nullSinkComponent"
            """
        )
    )
    return path


@SLOW
def test_a_graph_file_runs_the_template_component(venv, tmp_path):
    """A graph file naming the template's Doubler validates, draws and runs to completion."""
    kamaelia = _bin(venv, "kamaelia")
    graph = _graph(tmp_path, "[1, 2, 3]")
    check = _run(kamaelia, "run", "--check", graph)
    assert (check.returncode, check.stdout) == (0, f"{graph}: OK (3 components, 4 links)\n"), (
        check.stderr
    )
    drawn = _run(kamaelia, "graph", graph)
    assert drawn.returncode == 0, drawn.stderr
    assert '"double":"o_outbox" -> "sink":"i_inbox"' in drawn.stdout
    ran = _run(kamaelia, "run", graph, timeout=60)
    assert (ran.returncode, ran.stderr) == (0, "")


@SLOW
def test_the_template_component_really_runs_inside_the_graph(venv, tmp_path):
    """Feeding Doubler a string makes the run fail naming Doubler: the plugin's code ran."""
    ran = _run(_bin(venv, "kamaelia"), "run", _graph(tmp_path, '["not a number"]'), timeout=60)
    assert ran.returncode == 1
    assert "Doubler doubles numbers" in ran.stderr
    assert "Traceback" not in ran.stderr


@SLOW
def test_kamaelia_demo_offers_and_runs_the_template_example(venv):
    """`kamaelia demo` lists the template's example and `kamaelia demo double 4 5` runs it."""
    kamaelia = _bin(venv, "kamaelia")
    listed = _run(kamaelia, "demo")
    assert listed.returncode == 0, listed.stderr
    assert "double " in listed.stdout
    assert f"({TEMPLATE_DIST})" in listed.stdout
    ran = _run(kamaelia, "demo", "double", "4", "5", timeout=60)
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "8\n10\n", "")


@SLOW
def test_a_new_plugin_is_renamed_builds_installs_and_is_discovered(venv, tmp_path):
    """`kamaelia new plugin shouty` from the installed chassis (its shipped template) makes a
    package that installs in a fresh venv, passes its own tests and is listed by kamaelia."""
    made = _run(_bin(venv, "kamaelia"), "new", "plugin", "shouty", "--dir", tmp_path)
    assert made.returncode == 0, made.stderr
    plugin = tmp_path / "kamaelia-shouty"
    texts = [p.read_text(encoding="utf-8") for p in plugin.rglob("*") if p.is_file()]
    assert not [t for t in texts if "plugin-template" in t or "plugin_template" in t]
    fresh = tmp_path / "fresh-venv"
    _make_venv(fresh, [PACKAGES / "axon", PACKAGES / "kamaelia-chassis", f"{plugin}[test]"])
    tested = _run(_bin(fresh, "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", plugin)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    listed = _run(_bin(fresh, "kamaelia"), "list", "--json")
    packages = {p["distribution"]: p for p in json.loads(listed.stdout)["packages"]}
    assert packages["kamaelia-shouty"]["entry_point"] == "shouty"
    assert [c["module"] for c in packages["kamaelia-shouty"]["components"]] == ["kamaelia_shouty"]
