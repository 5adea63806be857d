"""``kamaelia new plugin NAME``: a new plugin package, made from the plugin template.

The template (packages/_template in the repository) ships inside
kamaelia-chassis; its files are copied with every name changed: the
distribution ``kamaelia-NAME``, the import package ``kamaelia_NAME``, the entry
point ``NAME``, the pyproject header and authors, README and CHANGELOG. Only
the standard library is used, so it works the same on every platform.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from Kamaelia.Chassis._cli_run import UserError

__all__ = ["PluginNames", "new_plugin", "plugin_names"]

TEMPLATE_DIST = "kamaelia-plugin-template"
TEMPLATE_MODULE = "kamaelia_plugin_template"
TEMPLATE_ENTRY_POINT = "plugin-template"
_SKIPPED = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".venv", "dist", "build"}
_NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

_README = """\
# {dist}

Kamaelia 2 components, published as a plugin: installed next to
kamaelia-chassis, `kamaelia list` shows them and graph files can name them.
Made by `kamaelia new plugin {entry}` from the Kamaelia 2 plugin template, it
offers `Doubler` (doubles the numbers on its inbox) and the example system
`double` until you replace them with your own.

| File | What |
|---|---|
| `src/{module}/_doubler.py` | the component: replace it with yours |
| `src/{module}/_plugin.py` | `kamaelia_components()` and `kamaelia_examples()`: what `kamaelia list` shows |
| `src/{module}/_demo.py` | the `double` example (`kamaelia demo double 1 2 3`) |
| `tests/` | pytest tests (`Axon.testing` has `run_component`) |
| `pyproject.toml` | name, version, dependencies and the `{entry}` entry point in group `kamaelia` |

## Develop

```sh
python3 -m venv .venv && . .venv/bin/activate
python -m pip install -e '.[test]' && python -m pytest
python -m pip install kamaelia-chassis && kamaelia list
```

## Publish

Set `version` in `pyproject.toml`, record the release in `CHANGELOG.md`, then
`python -m pip install build twine && python -m build && twine upload dist/*`.
"""


@dataclass(frozen=True)
class PluginNames:
    """The names a plugin package called NAME uses."""

    dist: str  # kamaelia-NAME
    module: str  # kamaelia_NAME
    entry_point: str  # NAME


def plugin_names(name: str) -> PluginNames:
    """``shouty`` (or ``kamaelia-shouty``) -> kamaelia-shouty, kamaelia_shouty, shouty."""
    base = name.lower().removeprefix("kamaelia-")
    if not _NAME.fullmatch(base):
        raise UserError(
            f"plugin name {name!r}: use lower-case letters, digits and single hyphens, "
            "starting with a letter (e.g. 'shouty' or 'my-parts')"
        )
    return PluginNames(f"kamaelia-{base}", f"kamaelia_{base.replace('-', '_')}", base)


def template_dir() -> Path:
    """The plugin template: shipped in the package, or the checkout's (editable installs)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_plugin_template", here.parents[3] / "_template"):
        if (candidate / "pyproject.toml").is_file():
            return candidate
    raise UserError("the plugin template is missing from this kamaelia-chassis installation")


def _toml_author(author: str) -> str:
    """``Jane Doe <jane@example.org>`` -> a TOML inline table with name and email."""
    match = re.fullmatch(r"\s*(.*?)\s*<([^>]+)>\s*", author)
    if match:
        return f"{{ name = {json.dumps(match[1])}, email = {json.dumps(match[2])} }}"
    return f"{{ name = {json.dumps(author.strip())} }}"


def _renamed(text: str, relative: str, names: PluginNames, author: str) -> str:
    if relative == "README.md":
        return _README.format(dist=names.dist, module=names.module, entry=names.entry_point)
    text = (
        text.replace(TEMPLATE_DIST, names.dist)
        .replace(TEMPLATE_MODULE, names.module)
        .replace(TEMPLATE_ENTRY_POINT, names.entry_point)
    )
    if relative == "pyproject.toml":
        body = text[text.index("[build-system]") :]  # the template's own header goes
        body = re.sub(r"(?m)^authors = .*$", f"authors = [{_toml_author(author)}]", body)
        text = (
            f"# {names.dist}: a Kamaelia 2 plugin package (made by `kamaelia new plugin`).\n{body}"
        )
    return text


def new_plugin(name: str, parent: Path, author: str | None = None) -> Path:
    """Write the package for plugin ``name`` into ``parent/kamaelia-NAME``; return that path."""
    names = plugin_names(name)
    target = parent / names.dist
    if target.exists():
        raise UserError(f"{target} already exists; choose another name or --dir")
    source = template_dir()
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or _SKIPPED & set(relative.parts):
            continue
        text = _renamed(
            path.read_text(encoding="utf-8"),
            relative.as_posix(),
            names,
            author or f"The {names.dist} authors",
        )
        dest = target / relative.as_posix().replace(TEMPLATE_MODULE, names.module)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    return target
