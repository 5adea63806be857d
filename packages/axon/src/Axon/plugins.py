"""The plugin contract: how a package offers components and example systems.

A package publishes a module of hook implementations through an entry
point in the group ``kamaelia``::

    # pyproject.toml
    [project.entry-points.kamaelia]
    mypackage = "mypackage._plugin"

    # mypackage/_plugin.py
    from Axon.plugins import ComponentSpec, ExampleSpec, hookimpl

    @hookimpl
    def kamaelia_components():
        return [ComponentSpec.from_class(Doubler)]

Discovery (the ``kamaelia`` command, in kamaelia-chassis) loads these with
pluggy under the project name ``kamaelia``. Only kamaelia-axon is needed to
publish components.

A package may also add to the ``kamaelia`` command: whole commands
(``kamaelia_commands``, e.g. ``kamaelia top``) and options of
``kamaelia run`` that wrap the running system (``kamaelia_run_options``,
e.g. ``--inspect``).
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import pluggy

__all__ = [
    "ENTRY_POINT_GROUP",
    "PROJECT_NAME",
    "CommandSpec",
    "ComponentSpec",
    "ExampleSpec",
    "RunOption",
    "hookimpl",
    "hookspec",
    "hookspecs",
    "make_plugin_manager",
]

PROJECT_NAME = "kamaelia"
ENTRY_POINT_GROUP = "kamaelia"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


def _box_docs(boxes: Mapping[str, str] | Sequence[str]) -> Mapping[str, str]:
    if isinstance(boxes, Mapping):
        return MappingProxyType({str(k): str(v) for k, v in boxes.items()})
    return MappingProxyType({str(name): "" for name in boxes})


@dataclass(frozen=True)
class ComponentSpec:
    """A component a package offers: how to name it, build it and describe it."""

    name: str
    factory: Callable[..., Any]
    summary: str = ""
    inboxes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    outboxes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    module: str = ""
    doc: str = ""

    @classmethod
    def from_class(cls, component_class: type, name: str | None = None) -> ComponentSpec:
        """Describe a component class from its name, docstring and Inboxes/Outboxes."""
        doc = inspect.getdoc(component_class) or ""
        if doc == inspect.getdoc(_first_axon_base(component_class)):
            doc = ""  # inherited from Axon's base class: says nothing about this one
        return cls(
            name=name or component_class.__name__,
            factory=component_class,
            summary=_summary(doc, component_class.__name__),
            inboxes=_box_docs(getattr(component_class, "Inboxes", {})),
            outboxes=_box_docs(getattr(component_class, "Outboxes", {})),
            module=_public_module(component_class),
            doc=doc,
        )


def _summary(doc: str, class_name: str) -> str:
    """One line saying what the component does: the docstring's first paragraph.

    A leading 1.x-style signature (``Name(arg=1,\n  more) -> does this``) is left
    out, so every summary reads the same way and none stops mid-signature.
    """
    paragraph = " ".join(doc.strip().split("\n\n", 1)[0].split())
    signature = re.match(rf"{re.escape(class_name)}\(.*?\)\s*->\s*", paragraph)
    if signature:
        paragraph = paragraph[signature.end() :]
    return paragraph[:1].upper() + paragraph[1:]


def _public_module(component_class: type) -> str:
    """Where users import the class from: its module, or if that is private
    (``pkg._impl``), the nearest public package that exports it (``pkg``)."""
    module = component_class.__module__
    parts = module.split(".")
    if not any(part.startswith("_") for part in parts):
        return module
    for end in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:end])
        if any(part.startswith("_") for part in parts[:end]):
            continue
        exported = getattr(sys.modules.get(candidate), component_class.__name__, None)
        if exported is component_class:
            return candidate
    return module


def _first_axon_base(component_class: type) -> type:
    for base in component_class.__mro__:
        if base.__module__.startswith("Axon."):
            return base
    return object


@dataclass(frozen=True)
class ExampleSpec:
    """A runnable example system: ``run(argv)`` builds it and runs it to the end."""

    name: str
    summary: str
    run: Callable[[list[str]], int | None]


@dataclass(frozen=True)
class CommandSpec:
    """A ``kamaelia NAME`` command: ``add_arguments(parser)`` declares its options,
    ``run(args)`` carries it out and returns the exit status (None means 0)."""

    name: str
    summary: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int | None]


@dataclass(frozen=True)
class RunOption:
    """An option ``--NAME VALUE`` of ``kamaelia run``.

    When given, ``start(value)`` is entered (a context manager) just before
    the system starts on the default scheduler, and left when it has ended.
    A ``ValueError`` from ``start`` is reported to the user as a bad value.
    """

    name: str
    metavar: str
    help: str
    start: Callable[[str], AbstractContextManager[object]]


class hookspecs:
    """The hooks a kamaelia plugin may implement."""

    @hookspec
    def kamaelia_components(self) -> Sequence[ComponentSpec | type]:  # type: ignore[empty-body]
        """Return the components this package offers (specs, or component classes)."""

    @hookspec
    def kamaelia_examples(self) -> Sequence[ExampleSpec]:  # type: ignore[empty-body]
        """Return the example systems this package offers."""

    @hookspec
    def kamaelia_commands(self) -> Sequence[CommandSpec]:  # type: ignore[empty-body]
        """Return the commands this package adds to the ``kamaelia`` CLI."""

    @hookspec
    def kamaelia_run_options(self) -> Sequence[RunOption]:  # type: ignore[empty-body]
        """Return the options this package adds to ``kamaelia run``."""


def make_plugin_manager() -> pluggy.PluginManager:
    """A plugin manager that knows the kamaelia hookspecs (plugins not yet loaded)."""
    manager = pluggy.PluginManager(PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    return manager
