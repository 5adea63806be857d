"""What each ``kamaelia`` subcommand does; the parser lives in ``_cli``."""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from Axon.options import REQUIRED, options

from Kamaelia.Chassis import _cli_run
from Kamaelia.Chassis._cli_run import UserError
from Kamaelia.Chassis._draw import DrawError, render, to_dot
from Kamaelia.Chassis._graphfile import (
    GraphFileError,
    build_components,
    build_system,
    load_graph_file,
)
from Kamaelia.Chassis._registry import (
    AUTOLOAD_ENV_VAR,
    ComponentEntry,
    Registry,
    RegistryError,
    autoload_disabled,
    load_registry,
)
from Kamaelia.Chassis._scaffold import new_plugin

__all__ = [
    "GRAPH_FORMATS",
    "UserError",
    "cmd_demo",
    "cmd_graph",
    "cmd_list",
    "cmd_new",
    "cmd_run",
    "cmd_show",
    "print_names",
]

GRAPH_FORMATS = ("dot", "svg", "png")


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _registry() -> Registry:
    """The registry, with a one-line warning if some plugins had problems."""
    registry = load_registry()
    if registry.problems:
        count = len(registry.problems)
        sys.stderr.write(
            f"kamaelia: warning: {count} plugin problem{'s' if count > 1 else ''}; "
            "see 'kamaelia list'\n"
        )
    return registry


# -- list -------------------------------------------------------------------


def print_names(kind: str) -> int:
    """One installed component (``kind="components"``) or example name a line."""
    registry = load_registry()
    entries = registry.components() if kind == "components" else registry.examples()
    for name in sorted({e.name for e in entries}):
        _out(name)
    return 0


def _list_json(registry: Registry) -> dict[str, Any]:
    return {
        "autoload": not autoload_disabled(),
        "packages": [
            {
                "distribution": p.distribution,
                "version": p.version,
                "entry_point": p.name,
                "module": p.module,
                "components": [_component_json(c, brief=True) for c in p.components],
                "examples": [
                    {"name": e.name, "qualified_name": e.qualified_name, "summary": e.summary}
                    for e in p.examples
                ],
            }
            for p in registry.plugins
        ],
        "conflicts": registry.conflicts(),
        "problems": [
            {
                "entry_point": q.entry_point,
                "distribution": q.distribution,
                "version": q.version,
                "stage": q.stage,
                "error": q.error,
            }
            for q in registry.problems
        ],
    }


def cmd_list(args: argparse.Namespace) -> int:
    """``kamaelia list``: packages, versions, components, examples and problems."""
    registry = load_registry()
    if args.json:
        _out(json.dumps(_list_json(registry), indent=2))
    else:
        _print_list(registry)
    if registry.problems and not args.json:
        sys.stderr.write("problems (these plugins were skipped or are incomplete):\n")
        for problem in registry.problems:
            sys.stderr.write(f"  {problem.describe()}\n")
    return 0


def _print_list(registry: Registry) -> None:
    if autoload_disabled():
        _out(f"plugin discovery is off ({AUTOLOAD_ENV_VAR} is set)")
    if not registry.plugins:
        _out("no component packages found")
    for plugin in registry.plugins:
        _out(
            f"{plugin.distribution} {plugin.version or '(version unknown)'}"
            f"  [entry point {plugin.name!r}: {plugin.module}]"
        )
        width = max((len(c.name) for c in plugin.components + plugin.examples), default=0)
        for comp in sorted(plugin.components, key=lambda c: c.name):
            _out(f"  {comp.name:<{width}}  {comp.summary}".rstrip())
        if plugin.examples:
            _out("  examples (kamaelia demo NAME):")
            for ex in sorted(plugin.examples, key=lambda e: e.name):
                _out(f"    {ex.name:<{width}}  {ex.summary}".rstrip())
    conflicts = registry.conflicts()
    if conflicts:
        _out()
        _out("conflicts (several packages offer these names; use a qualified name):")
        for name, choices in conflicts.items():
            _out(f"  {name}: {', '.join(choices)}")


# -- show -------------------------------------------------------------------


def _component_json(entry: ComponentEntry, brief: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": entry.name,
        "qualified_name": entry.qualified_name,
        "summary": entry.summary,
        "module": getattr(entry.spec, "module", None),
    }
    if not brief:
        data.update(
            distribution=entry.distribution,
            version=entry.version,
            inboxes=dict(entry.spec.inboxes or {}),
            outboxes=dict(entry.spec.outboxes or {}),
            doc=getattr(entry.spec, "doc", "") or inspect.getdoc(entry.spec.factory) or "",
            arguments=[
                {
                    "name": option.name,
                    "type": option.annotation,
                    "required": option.default is REQUIRED,
                    "default": None if option.default is REQUIRED else repr(option.default),
                }
                for option in options(entry.spec.factory)
            ],
        )
    return data


def cmd_show(args: argparse.Namespace) -> int:
    """``kamaelia show NAME``: one component's boxes and documentation."""
    registry = _registry()
    try:
        entry = registry.component(args.name)
    except RegistryError as exc:
        raise UserError(str(exc)) from None
    data = _component_json(entry)
    if args.json:
        _out(json.dumps(data, indent=2))
        return 0
    _out(f"{data['name']}  ({data['qualified_name']})")
    _out(f"  package: {entry.distribution} {entry.version or '(version unknown)'}")
    _out(f"  module:  {data['module']}")
    if data["summary"] and not data["doc"]:
        _out(f"  {data['summary']}")
    for title in ("inboxes", "outboxes"):
        boxes: dict[str, str] = data[title]
        _out()
        _out(f"{title.capitalize()}:")
        width = max((len(b) for b in boxes), default=0)
        for box, description in boxes.items():
            _out(f"  {box:<{width}}  {description or ''}".rstrip())
        if not boxes:
            _out("  (none)")
    _out()
    _out("Arguments:")
    for option in options(entry.spec.factory):
        _out(f"  {option.describe()}")
    if not data["arguments"]:
        _out("  (none)")
    if data["doc"]:
        _out()
        _out(data["doc"])
    return 0


# -- run --------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    """``kamaelia run FILE``: run a graph file or a Python file."""
    path = Path(args.file)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".py"):
        raise UserError(f"{args.file}: expected a .toml graph file or a .py file")
    if not path.is_file():
        raise UserError(f"{args.file}: no such file")
    if suffix == ".py":
        if args.check:
            raise UserError("--check works on .toml graph files only")
        with _run_options(args):
            return _cli_run.run_python_file(str(path), list(args.args))
    if args.args:
        raise UserError(
            f"a graph file takes no extra arguments (got: {' '.join(args.args)}); "
            "options such as --check go before FILE"
        )
    registry = _registry()
    try:
        graph = load_graph_file(path, registry)
        components = build_components(graph)
        if args.check:
            _out(f"{args.file}: OK ({len(graph.components)} components, {len(graph.links)} links)")
            return 0
        system = build_system(graph, components)
    except GraphFileError as exc:
        raise UserError(str(exc)) from None
    # A crash is reported with the name the graph file gave the component.
    labels = {comp: f"component {name!r} of {args.file}" for name, comp in components.items()}
    with _run_options(args):
        return _cli_run.run_system(system, labels)


@contextlib.contextmanager
def _run_options(args: argparse.Namespace) -> Iterator[None]:
    """Enter what the plugins' ``kamaelia run`` options given on the command line start."""
    with contextlib.ExitStack() as stack:
        for option in getattr(args, "run_options", ()):
            value = getattr(args, f"_{option.name}", None)
            if value is None:
                continue
            try:
                stack.enter_context(option.start(value))
            except ValueError as exc:
                raise UserError(f"--{option.name} {value}: {exc}") from None
        yield


# -- demo -------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    """``kamaelia demo [NAME [ARGS...]]``: list or run the installed examples."""
    registry = _registry()
    if args.name is None:
        examples = sorted(registry.examples(), key=lambda e: (e.name, e.distribution))
        if not examples:
            _out("no examples installed (packages offer them through kamaelia_examples())")
            return 0
        clashing = registry.example_conflicts()
        # The short name is what users type; qualify it only where it clashes.
        names = [e.qualified_name if e.name in clashing else e.name for e in examples]
        width = max(len(n) for n in names)
        for name, ex in zip(names, examples, strict=True):
            _out(f"{name:<{width}}  {ex.summary}  ({ex.distribution})")
        return 0
    try:
        example = registry.example(args.name)
    except RegistryError as exc:
        raise UserError(str(exc)) from None
    return _cli_run.run_example(example.spec.run, list(args.args))


# -- new --------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    """``kamaelia new plugin NAME``: a new plugin package from the template."""
    target = new_plugin(args.name, Path(args.dir), args.author)
    _out(f"wrote {target}/ - next:")
    _out(f"  cd {target} && python -m pip install -e '.[test]' && python -m pytest")
    _out("  kamaelia list      # shows its components once installed")
    return 0


# -- graph ------------------------------------------------------------------


def _format_of(output: str | None) -> str:
    """The format OUT's extension names (``x.svg``: svg), else dot."""
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in GRAPH_FORMATS else "dot"


def cmd_graph(args: argparse.Namespace) -> int:
    """``kamaelia graph FILE``: draw a graph file as DOT, SVG or PNG."""
    if Path(args.file).suffix.lower() != ".toml":
        raise UserError(f"{args.file}: 'kamaelia graph' draws .toml graph files")
    output_format = args.format or _format_of(args.output)
    registry = _registry()
    try:
        graph = load_graph_file(args.file, registry)
        data = render(to_dot(graph), output_format)
    except (GraphFileError, DrawError) as exc:
        raise UserError(str(exc)) from None
    if args.output:
        try:
            Path(args.output).write_bytes(data)
        except OSError as exc:
            raise UserError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        return 0
    if output_format == "png" and sys.stdout.isatty():
        raise UserError("refusing to write PNG to a terminal; use -o FILE")
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream (e.g. a test's StringIO)
        sys.stdout.write(data.decode("utf-8", "replace"))
    else:
        out.write(data)
        out.flush()
    return 0
