"""What this package offers Kamaelia, found through the `kamaelia` entry point.

pyproject.toml names this module under `[project.entry-points.kamaelia]`; the
plugin manager imports it and calls the `@hookimpl` functions below.
"""

from __future__ import annotations

from Axon.plugins import ComponentSpec, ExampleSpec, hookimpl

from kamaelia_plugin_template._demo import run_demo
from kamaelia_plugin_template._doubler import Doubler


@hookimpl
def kamaelia_components() -> list[ComponentSpec]:
    """The components this package publishes."""
    return [ComponentSpec.from_class(Doubler)]


@hookimpl
def kamaelia_examples() -> list[ExampleSpec]:
    """The example systems this package offers to `kamaelia demo`."""
    return [
        ExampleSpec(
            name="double",
            summary="Doubles the numbers given as arguments (default 1 2 3) and writes them out.",
            run=run_demo,
        )
    ]
