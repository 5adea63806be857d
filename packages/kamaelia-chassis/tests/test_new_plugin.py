"""`kamaelia new plugin NAME`: the plugin template, renamed throughout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_cli import run_cli

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in root.rglob("*")
        if p.is_file()
    }


def test_new_plugin_renames_everything(tmp_path, capsys):
    """Distribution, import package, entry point, header, authors, README and CHANGELOG."""
    status, out, err = run_cli(
        capsys, "new", "plugin", "my-parts", "--dir", str(tmp_path), "--author", "Jane <j@x.org>"
    )
    assert (status, err) == (0, "")
    root = tmp_path / "kamaelia-my-parts"
    assert f"wrote {root}/" in out
    files = _files(root)
    assert "src/kamaelia_my_parts/_plugin.py" in files
    leftovers = [
        name
        for name, text in files.items()
        if "plugin-template" in text or "plugin_template" in text or "contributors" in text
    ]
    assert leftovers == []
    project = tomllib.loads(files["pyproject.toml"])["project"]
    assert project["name"] == "kamaelia-my-parts"
    assert project["authors"] == [{"name": "Jane", "email": "j@x.org"}]
    assert project["entry-points"]["kamaelia"] == {"my-parts": "kamaelia_my_parts._plugin"}
    assert files["pyproject.toml"].startswith("# kamaelia-my-parts: a Kamaelia 2 plugin package")
    assert files["README.md"].startswith("# kamaelia-my-parts\n")
    assert "All notable changes to kamaelia-my-parts." in files["CHANGELOG.md"]


def test_new_plugin_without_an_author_names_the_package_authors(tmp_path, capsys):
    """No --author: a neutral placeholder naming the package, not the template's authors."""
    assert run_cli(capsys, "new", "plugin", "kamaelia-shouty", "--dir", str(tmp_path))[0] == 0
    text = (tmp_path / "kamaelia-shouty" / "pyproject.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text)["project"]["authors"] == [{"name": "The kamaelia-shouty authors"}]


@pytest.mark.parametrize("name", ["Shouty Thing", "9lives", "a--b", "x_y"])
def test_a_bad_name_is_refused_with_the_rule(tmp_path, capsys, name):
    """Names become distribution and import names: letters, digits, single hyphens."""
    status, _, err = run_cli(capsys, "new", "plugin", name, "--dir", str(tmp_path))
    assert status == 1
    assert "use lower-case letters, digits and single hyphens" in err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_never_overwritten(tmp_path, capsys):
    """A second `new plugin` with the same name fails and leaves the first alone."""
    run_cli(capsys, "new", "plugin", "shouty", "--dir", str(tmp_path))
    marker = tmp_path / "kamaelia-shouty" / "README.md"
    marker.write_text("mine", encoding="utf-8")
    status, _, err = run_cli(capsys, "new", "plugin", "shouty", "--dir", str(tmp_path))
    assert status == 1
    assert "already exists" in err
    assert marker.read_text(encoding="utf-8") == "mine"
