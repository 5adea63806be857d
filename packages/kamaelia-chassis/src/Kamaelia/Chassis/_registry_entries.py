"""The records a registry keeps: plugins, their offers, their problems, lookup errors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "AmbiguousNameError",
    "ComponentEntry",
    "ExampleEntry",
    "PluginInfo",
    "PluginProblem",
    "RegistryError",
    "UnknownNameError",
    "normalize_dist_name",
]


class RegistryError(LookupError):
    """A name could not be resolved to exactly one registered component or example."""


class UnknownNameError(RegistryError):
    """No registered component (or example) has the requested name."""

    def __init__(
        self, kind: str, name: str, close_matches: list[str], discovery_off: str = ""
    ) -> None:
        self.kind = kind
        self.name = name
        self.close_matches = close_matches
        msg = f"unknown {kind} {name!r}"
        if close_matches:
            msg += "; did you mean: " + ", ".join(close_matches) + "?"
        elif kind == "example":
            msg += "; run 'kamaelia demo' to list the examples"
        else:
            msg += f"; run 'kamaelia list' to see the registered {kind}s"
        if discovery_off:  # why the name may be missing: nothing installed was loaded
            msg += f" ({discovery_off})"
        super().__init__(msg)

    def __str__(self) -> str:  # LookupError would show the repr of args
        return str(self.args[0])


class AmbiguousNameError(RegistryError):
    """Several distributions offer the requested short name."""

    def __init__(self, kind: str, name: str, choices: list[str]) -> None:
        self.kind = kind
        self.name = name
        self.choices = choices
        super().__init__(
            f"{kind} name {name!r} is offered by several packages; "
            f"use a qualified name: {', '.join(choices)}"
        )

    def __str__(self) -> str:
        return str(self.args[0])


def normalize_dist_name(name: str) -> str:
    """Return the PEP 503 normalised form of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class PluginProblem:
    """A plugin that could not be (fully) loaded, and why."""

    entry_point: str
    distribution: str | None
    version: str | None
    stage: str  # "load", "register" or the hook name that failed
    error: str

    def describe(self) -> str:
        """One line for humans: who, where and what went wrong."""
        dist = self.distribution or "unknown distribution"
        if self.version:
            dist += f" {self.version}"
        return f"plugin {self.entry_point!r} ({dist}) failed at {self.stage}: {self.error}"


@dataclass(frozen=True)
class _Entry:
    """Something a plugin registered: its spec, plus where it came from."""

    spec: Any  # an Axon.plugins ComponentSpec or ExampleSpec
    distribution: str
    version: str | None
    plugin: str

    @property
    def name(self) -> str:
        return str(self.spec.name)

    @property
    def qualified_name(self) -> str:
        return f"{self.distribution}:{self.name}"

    @property
    def summary(self) -> str:
        return str(getattr(self.spec, "summary", "") or "")


@dataclass(frozen=True)
class ComponentEntry(_Entry):
    """A registered component: the plugin's ``ComponentSpec`` plus where it came from."""


@dataclass(frozen=True)
class ExampleEntry(_Entry):
    """A registered example system: the plugin's ``ExampleSpec`` plus where it came from."""


@dataclass
class PluginInfo:
    """One successfully registered plugin and what it offers."""

    name: str
    distribution: str
    version: str | None
    module: str
    components: list[ComponentEntry] = field(default_factory=list)
    examples: list[ExampleEntry] = field(default_factory=list)
    commands: list[Any] = field(default_factory=list)  # Axon.plugins.CommandSpec
    run_options: list[Any] = field(default_factory=list)  # Axon.plugins.RunOption
