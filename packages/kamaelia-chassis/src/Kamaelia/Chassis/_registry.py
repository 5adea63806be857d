"""Runtime discovery of Kamaelia plugins and name resolution of their components.

A plugin is any module with ``@hookimpl`` functions for the hookspecs in
:mod:`Axon.plugins`, published through the ``kamaelia`` entry-point group.
:func:`load_registry` finds them one entry point at a time: a plugin that fails
to import, register or answer its hooks is recorded as a :class:`PluginProblem`
(entry point, distribution, error) and the others still load.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import logging
import os
from collections.abc import Iterable
from typing import Any, TypeVar

import pluggy
from Axon import plugins as axon_plugins

from Kamaelia.Chassis._registry_entries import (
    AmbiguousNameError,
    ComponentEntry,
    ExampleEntry,
    PluginInfo,
    PluginProblem,
    RegistryError,
    UnknownNameError,
    normalize_dist_name,
)

__all__ = [
    "AUTOLOAD_ENV_VAR",
    "AmbiguousNameError",
    "ComponentEntry",
    "ExampleEntry",
    "PluginInfo",
    "PluginProblem",
    "Registry",
    "RegistryError",
    "UnknownNameError",
    "autoload_disabled",
    "load_registry",
]

log = logging.getLogger(__name__)

#: Set this environment variable (to anything but "", "0", "false", "no", "off")
#: to stop :func:`load_registry` from loading entry-point plugins.
AUTOLOAD_ENV_VAR = "KAMAELIA_DISABLE_PLUGIN_AUTOLOAD"

_FALSE_WORDS = frozenset({"", "0", "false", "no", "off"})


def autoload_disabled(environ: dict[str, str] | None = None) -> bool:
    """True when ``KAMAELIA_DISABLE_PLUGIN_AUTOLOAD`` switches discovery off."""
    value = (os.environ if environ is None else environ).get(AUTOLOAD_ENV_VAR, "")
    return value.strip().lower() not in _FALSE_WORDS


def iter_entry_points(group: str = axon_plugins.ENTRY_POINT_GROUP) -> list[Any]:
    """The installed entry points in *group*, one per (distribution, name)."""
    found = importlib.metadata.entry_points(group=group)
    seen: set[tuple[str, str]] = set()
    unique = []
    for ep in found:
        # The same distribution can sit on sys.path twice (e.g. an editable
        # install next to a regular one); the first one wins, as for imports.
        key = (_dist_name(ep) or "", ep.name)
        if key not in seen:
            seen.add(key)
            unique.append(ep)
    # A stable order (by distribution, then name) makes listings reproducible.
    return sorted(unique, key=lambda ep: ((_dist_name(ep) or "").lower(), ep.name))


def _dist_name(ep: Any) -> str | None:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return None
    try:
        return str(dist.metadata["Name"])
    except (KeyError, TypeError):  # damaged metadata: name unknown
        return None


def _dist_version(ep: Any) -> str | None:
    dist = getattr(ep, "dist", None)
    return None if dist is None else getattr(dist, "version", None)


class Registry:
    """The set of registered plugins, their components and examples.

    Plugins are added with :meth:`load_entry_points` (what :func:`load_registry`
    does) or programmatically with :meth:`register`.
    """

    def __init__(self) -> None:
        self.plugin_manager: pluggy.PluginManager = axon_plugins.make_plugin_manager()
        self.plugins: list[PluginInfo] = []
        self.problems: list[PluginProblem] = []
        #: Why installed plugins were not loaded ("" when they were, or may be).
        self.discovery_off = ""

    # -- adding plugins -----------------------------------------------------

    def load_entry_points(self, group: str = axon_plugins.ENTRY_POINT_GROUP) -> None:
        """Load every plugin published in *group*, recording failures as problems."""
        for ep in iter_entry_points(group):
            dist, version = _dist_name(ep), _dist_version(ep)
            try:
                plugin = ep.load()
            except Exception as exc:  # any import-time failure is the plugin's, not ours
                self._problem(ep.name, dist, version, "load", exc)
                continue
            self.register(plugin, name=ep.name, distribution=dist, version=version)

    def register(
        self,
        plugin: object,
        *,
        name: str | None = None,
        distribution: str | None = None,
        version: str | None = None,
    ) -> PluginInfo | None:
        """Register *plugin* (a module or object with hookimpls) and collect its offers.

        Returns the new :class:`PluginInfo`, or None when the plugin was
        recorded in :attr:`problems` instead.
        """
        ep_name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        dist = distribution or ep_name
        pm_name = f"{dist}:{ep_name}"
        try:
            self.plugin_manager.register(plugin, name=pm_name)
        except Exception as exc:  # pluggy validation errors, duplicate registration
            self._problem(ep_name, distribution, version, "register", exc)
            return None
        mistake = self._hook_mistake(plugin)
        if mistake:
            self.plugin_manager.unregister(plugin)
            self._problem(ep_name, distribution, version, "register", mistake)
            return None
        info = PluginInfo(ep_name, dist, version, getattr(plugin, "__name__", repr(plugin)))
        info.components = [
            ComponentEntry(spec, dist, version, ep_name)
            for spec in self._call(plugin, info, "kamaelia_components", "ComponentSpec")
        ]
        info.examples = [
            ExampleEntry(spec, dist, version, ep_name)
            for spec in self._call(plugin, info, "kamaelia_examples", "ExampleSpec")
        ]
        info.commands = self._call(plugin, info, "kamaelia_commands", "CommandSpec")
        info.run_options = self._call(plugin, info, "kamaelia_run_options", "RunOption")
        self.plugins.append(info)
        return info

    def _hook_mistake(self, plugin: object) -> str | None:
        """Why *plugin*'s hooks cannot be right, or None."""
        callers = self.plugin_manager.get_hookcallers(plugin) or []
        if not callers:
            # Usually a forgotten @hookimpl, or an entry point naming the wrong module.
            return "no kamaelia_* hook implementations (are they decorated with @hookimpl?)"
        # pluggy accepts hookimpls with no matching spec (they become
        # "pending"); for us a misspelt kamaelia_* hook is a plugin bug.
        unknown = sorted(hc.name for hc in callers if hc.spec is None)
        if unknown:
            return f"unknown hook(s) {', '.join(unknown)}; see Axon.plugins for the hookspecs"
        return None

    def _call(self, plugin: object, info: PluginInfo, hook: str, spec_type: str) -> list[Any]:
        """Call one plugin's implementation of *hook*; a failure becomes a problem."""
        results: list[Any] = []
        for impl in getattr(self.plugin_manager.hook, hook).get_hookimpls():
            if impl.plugin is not plugin:
                continue
            try:
                offered = impl.function()
                items = [] if offered is None else list(offered)
            except Exception as exc:  # the hook is third-party code
                self._problem(info.name, info.distribution, info.version, hook, exc)
                continue
            for item in items:
                spec = self._checked(item, info, hook, spec_type, results)
                if spec is not None:
                    results.append(spec)
        return results

    def _checked(
        self, item: Any, info: PluginInfo, hook: str, spec_type: str, so_far: list[Any]
    ) -> Any:
        """*item* as a spec of *spec_type*, or None (and a problem) if it is unusable."""
        wanted = getattr(axon_plugins, spec_type)
        if wanted is axon_plugins.ComponentSpec and isinstance(item, type):
            # The hookspec allows a bare component class, described by from_class().
            item = axon_plugins.ComponentSpec.from_class(item)
        error = None
        if not isinstance(item, wanted):
            extra = " or component classes" if spec_type == "ComponentSpec" else ""
            error = f"returned {item!r}, expected {spec_type} instances{extra}"
        elif not isinstance(item.name, str) or not item.name or ":" in item.name:
            error = f"offers the name {item.name!r}; names are non-empty and contain no ':'"
        elif any(s.name == item.name for s in so_far + self._offered(info, hook)):
            error = f"offers {item.name!r} twice; the first one is kept"
        if error is not None:
            self._problem(info.name, info.distribution, info.version, hook, error)
            return None
        return item

    def _offered(self, info: PluginInfo, hook: str) -> list[Any]:
        # Specs the same distribution already offers through another entry point.
        same = [p for p in self.plugins if p.distribution == info.distribution]
        offers = [getattr(p, hook.removeprefix("kamaelia_")) for p in same]
        return [getattr(entry, "spec", entry) for offer in offers for entry in offer]

    def _problem(
        self, ep: str, dist: str | None, version: str | None, stage: str, error: object
    ) -> None:
        if isinstance(error, BaseException):
            text = f"{type(error).__name__}: {error}"
        else:
            text = str(error)
        problem = PluginProblem(ep, dist, version, stage, text)
        # The traceback goes to the log (visible with --debug), not to users.
        exc_info = error if isinstance(error, BaseException) else None
        log.warning("%s", problem.describe(), exc_info=exc_info)
        self.problems.append(problem)

    # -- queries ------------------------------------------------------------

    def components(self) -> list[ComponentEntry]:
        """Every registered component, in registration order."""
        return [c for p in self.plugins for c in p.components]

    def examples(self) -> list[ExampleEntry]:
        """Every registered example, in registration order."""
        return [e for p in self.plugins for e in p.examples]

    def commands(self) -> list[Any]:
        """Every ``kamaelia`` command plugins add (``Axon.plugins.CommandSpec``)."""
        return [c for p in self.plugins for c in p.commands]

    def run_options(self) -> list[Any]:
        """Every ``kamaelia run`` option plugins add (``Axon.plugins.RunOption``)."""
        return [o for p in self.plugins for o in p.run_options]

    def conflicts(self) -> dict[str, list[str]]:
        """Short component names offered by several distributions -> qualified names."""
        return _conflicts(self.components())

    def example_conflicts(self) -> dict[str, list[str]]:
        """Short example names offered by several distributions -> qualified names."""
        return _conflicts(self.examples())

    def component(self, name: str) -> ComponentEntry:
        """Resolve ``Name`` or ``distribution:Name`` to exactly one component.

        Raises :class:`UnknownNameError` (with close matches) or
        :class:`AmbiguousNameError` (with the qualified choices).
        """
        return _resolve("component", name, self.components(), self.discovery_off)

    def example(self, name: str) -> ExampleEntry:
        """Resolve ``name`` or ``distribution:name`` to exactly one example."""
        return _resolve("example", name, self.examples(), self.discovery_off)


def _conflicts(entries: Iterable[Any]) -> dict[str, list[str]]:
    by_name: dict[str, list[str]] = {}
    for entry in entries:
        by_name.setdefault(entry.name, []).append(entry.qualified_name)
    return {name: q for name, q in sorted(by_name.items()) if len(q) > 1}


_Entry = TypeVar("_Entry", ComponentEntry, ExampleEntry)


def _resolve(kind: str, name: str, entries: list[_Entry], discovery_off: str) -> _Entry:
    qualifier, sep, short = name.rpartition(":")
    if sep:
        wanted = normalize_dist_name(qualifier)
        matches = [
            e
            for e in entries
            if e.name == short
            and wanted in (normalize_dist_name(e.distribution), normalize_dist_name(e.plugin))
        ]
    else:
        matches = [e for e in entries if e.name == name]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousNameError(kind, name, sorted({m.qualified_name for m in matches}))
    known = sorted({e.name for e in entries} | {e.qualified_name for e in entries})
    close = difflib.get_close_matches(name, known, n=5, cutoff=0.6)
    if not close:  # a case slip ("consoleechoer") is the commonest typo
        close = [k for k in known if k.lower() == name.lower()]
    raise UnknownNameError(kind, name, close, discovery_off)


def load_registry(autoload: bool | None = None) -> Registry:
    """Build a :class:`Registry` from the installed ``kamaelia`` entry points.

    With *autoload* None (the default) discovery follows the environment:
    ``KAMAELIA_DISABLE_PLUGIN_AUTOLOAD`` set means an empty registry, to which
    plugins can still be added with :meth:`Registry.register`.
    """
    registry = Registry()
    if autoload is None:
        autoload = not autoload_disabled()
    if autoload:
        registry.load_entry_points()
    elif autoload_disabled():
        registry.discovery_off = (
            f"plugin discovery is off: {AUTOLOAD_ENV_VAR} is set, so installed packages "
            "were not loaded"
        )
    return registry
