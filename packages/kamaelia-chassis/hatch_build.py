"""Build hook: ship the plugin template (packages/_template) for `kamaelia new plugin`.

Built from the repository, the template's files are copied into the sdist and
the wheel as Kamaelia/Chassis/_plugin_template/. A wheel built from that sdist
finds them already under src/, where ../_template does not exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SKIPPED = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".venv", "dist", "build"}


class PluginTemplateHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        template = Path(self.root).parent / "_template"
        if not template.is_dir():
            return
        inside = "Kamaelia/Chassis/_plugin_template"
        if self.target_name == "sdist":
            inside = "src/" + inside
        for path in sorted(template.rglob("*")):
            relative = path.relative_to(template)
            if path.is_file() and not SKIPPED & set(relative.parts):
                build_data["force_include"][str(path)] = f"{inside}/{relative.as_posix()}"
