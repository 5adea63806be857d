"""TOML graph files: a system described as named components and links.

::

    [system]                      # optional
    name = "hello"
    description = "Print two lines."

    [components.source]
    type = "DataSource"           # registered name, or "distribution:Name"
    args = { messages = ["a", "b"] }

    [components.echo]
    type = "ConsoleEchoer"

    [[links]]
    from = "source.outbox"
    to = "echo.inbox"

A top-level ``pipeline = ["source", "echo"]`` (written before the first table)
links each component's outbox to the next one's inbox and signal to control.
Every mistake raises :class:`GraphFileError` naming the file and, where it can
be found, the line.
"""

from __future__ import annotations

import inspect
import itertools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from Axon.options import options

from Kamaelia.Chassis._graphfile_source import SourceMap, syntax_error_position
from Kamaelia.Chassis._registry import ComponentEntry, Registry, RegistryError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["ComponentDecl", "GraphFile", "GraphFileError", "LinkDecl", "load_graph_file"]

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# "self" means the Graphline's own boundary; "linkages" is Graphline's keyword.
_RESERVED = frozenset({"self", "linkages"})
_TOP_KEYS = ("system", "components", "links", "pipeline")
_SYSTEM_KEYS = ("name", "description")
_COMPONENT_KEYS = ("type", "args")
_LINK_KEYS = ("from", "to")


class GraphFileError(ValueError):
    """A graph file is malformed; the message starts with ``file:line:``."""

    def __init__(self, path: str, line: int | None, message: str, column: int | None = None):
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


@dataclass
class ComponentDecl:
    """One ``[components.NAME]`` table, with its type resolved in the registry."""

    name: str
    type: str
    entry: ComponentEntry
    args: dict[str, Any] | list[Any]
    line: int | None
    args_line: int | None = None


@dataclass
class LinkDecl:
    """One link from ``(component, outbox)`` to ``(component, inbox)``."""

    source: tuple[str, str]
    sink: tuple[str, str]
    line: int | None


@dataclass
class GraphFile:
    """A validated graph file: components (in file order) and links."""

    path: str
    name: str
    description: str
    components: dict[str, ComponentDecl] = field(default_factory=dict)
    links: list[LinkDecl] = field(default_factory=list)


def load_graph_file(path: str | Path, registry: Registry) -> GraphFile:
    """Read, parse and validate the graph file at *path*.

    Component types are resolved in *registry* and every link's boxes are
    checked against the boxes the component declares.
    """
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise GraphFileError(
            shown, None, f"cannot read graph file: {exc.strerror or exc}"
        ) from None
    except UnicodeDecodeError as exc:
        raise GraphFileError(shown, None, f"not UTF-8 text: {exc}") from None
    return parse_graph_text(text, shown, registry)


def parse_graph_text(text: str, path: str, registry: Registry) -> GraphFile:
    """Like :func:`load_graph_file`, for text already read from *path*."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        what, line, column = syntax_error_position(str(exc), text)
        raise GraphFileError(path, line, f"TOML syntax error: {what}", column) from None
    except RecursionError:
        # tomllib parses nested arrays and tables recursively.
        raise GraphFileError(
            path, None, "arrays or tables nested too deeply to read (a hostile file?)"
        ) from None
    return _Validator(path, SourceMap(text), registry).graph(data)


class _Validator:
    """Turns parsed TOML into a :class:`GraphFile`, raising at the first mistake."""

    def __init__(self, path: str, source: SourceMap, registry: Registry) -> None:
        self.path = path
        self.source = source
        self.registry = registry

    def error(self, message: str, *where: object) -> GraphFileError:
        return GraphFileError(self.path, self.source.line(*where) if where else None, message)

    def check_keys(
        self, table: dict[str, Any], allowed: tuple[str, ...], what: str, *where: object
    ) -> None:
        for key in table:
            if key not in allowed:
                raise self.error(
                    f"unknown key {key!r} in {what}; expected one of: {', '.join(allowed)}",
                    *where,
                    key,
                )

    def graph(self, data: dict[str, Any]) -> GraphFile:
        self.check_keys(data, _TOP_KEYS, "the top level")
        system = data.get("system", {})
        if not isinstance(system, dict):
            raise self.error("'system' must be a table ([system])", "system")
        self.check_keys(system, _SYSTEM_KEYS, "[system]", "system")
        for key in _SYSTEM_KEYS:
            if not isinstance(system.get(key, ""), str):
                raise self.error(f"[system] {key} must be a string", "system", key)
        graph = GraphFile(self.path, system.get("name", ""), system.get("description", ""))
        components = data.get("components")
        if not isinstance(components, dict) or not components:
            raise self.error(
                "a graph file needs at least one component, e.g. "
                '[components.echo] with type = "ConsoleEchoer"',
                "components",
            )
        for name, table in components.items():
            graph.components[name] = self.component(name, table)
        graph.links.extend(self.pipeline(data.get("pipeline"), graph))
        graph.links.extend(self.links(data.get("links", []), graph))
        self.check_single_use(graph.links)
        return graph

    def component(self, name: str, table: Any) -> ComponentDecl:
        where = ("components", name)
        if not _NAME.match(name) or name in _RESERVED:
            raise self.error(
                f"bad component name {name!r}: use letters, digits and _ "
                f"(not starting with a digit), and not {' or '.join(sorted(_RESERVED))}",
                *where,
            )
        if not isinstance(table, dict):
            raise self.error(f"component {name!r} must be a table ([components.{name}])", *where)
        self.check_keys(table, _COMPONENT_KEYS, f"[components.{name}]", *where)
        type_name = table.get("type")
        if not isinstance(type_name, str) or not type_name:
            raise self.error(
                f'component {name!r} needs type = "<registered component name>"', *where, "type"
            )
        args = table.get("args", {})
        if not isinstance(args, (dict, list)):
            raise self.error(
                f"component {name!r}: args must be a table of keyword arguments "
                f"or an array of positional arguments, not {type(args).__name__}",
                *where,
                "args",
            )
        try:
            entry = self.registry.component(type_name)
        except RegistryError as exc:
            raise self.error(f"component {name!r}: {exc}", *where, "type") from None
        return ComponentDecl(
            name, type_name, entry, args, self.source.line(*where), self.source.line(*where, "args")
        )

    def endpoint(self, text: Any, kind: str, graph: GraphFile, *where: object) -> tuple[str, str]:
        if not isinstance(text, str) or text.count(".") != 1:
            raise self.error(f"{kind} must be a string 'component.{kind}', got {text!r}", *where)
        name, box = text.split(".")
        decl = graph.components.get(name)
        if decl is None:
            raise self.error(
                f"link names unknown component {name!r}; components are: "
                f"{', '.join(graph.components)}",
                *where,
            )
        declared = declared_boxes(decl.entry, kind)
        if box not in declared:
            raise self.error(
                f"component {name!r} ({decl.type}) has no {kind} {box!r}; "
                f"its {kind}es are: {', '.join(declared) or '(none)'}",
                *where,
            )
        return name, box

    def links(self, links: Any, graph: GraphFile) -> list[LinkDecl]:
        if not isinstance(links, list):
            raise self.error("'links' must be an array of tables ([[links]])", "links")
        result = []
        for index, link in enumerate(links):
            where = ("links", index)
            if not isinstance(link, dict):
                raise self.error(f"link #{index + 1} must be a table with 'from' and 'to'", "links")
            self.check_keys(link, _LINK_KEYS, f"link #{index + 1}", *where)
            for key in _LINK_KEYS:
                if key not in link:
                    raise self.error(f"link #{index + 1} has no {key!r} key", *where)
            source = self.endpoint(link["from"], "outbox", graph, *where, "from")
            sink = self.endpoint(link["to"], "inbox", graph, *where, "to")
            result.append(LinkDecl(source, sink, self.source.line(*where)))
        return result

    def pipeline(self, names: Any, graph: GraphFile) -> list[LinkDecl]:
        if names is None:
            return []
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise self.error("'pipeline' must be an array of component names", "pipeline")
        line = self.source.line("pipeline")
        result = []
        for first, second in itertools.pairwise(names):
            for out, inn in (("outbox", "inbox"), ("signal", "control")):
                source = self.endpoint(f"{first}.{out}", "outbox", graph, "pipeline")
                sink = self.endpoint(f"{second}.{inn}", "inbox", graph, "pipeline")
                result.append(LinkDecl(source, sink, line))
        return result

    def check_single_use(self, links: list[LinkDecl]) -> None:
        # An outbox feeds exactly one destination (as Graphline's linkages
        # dict and Axon's linkage rules require); say which lines clash.
        seen: dict[tuple[str, str], LinkDecl] = {}
        for link in links:
            earlier = seen.setdefault(link.source, link)
            if earlier is not link:
                name, box = link.source
                raise GraphFileError(
                    self.path,
                    link.line,
                    f"outbox {name}.{box} is linked twice (also on line {earlier.line}); "
                    "an outbox has one destination — use a Fanout or Splitter to copy messages",
                )


def declared_boxes(entry: ComponentEntry, kind: str) -> list[str]:
    """The inbox or outbox names a registered component declares."""
    boxes = entry.spec.inboxes if kind == "inbox" else entry.spec.outboxes
    return list(boxes or {})


def build_components(graph: GraphFile) -> dict[str, Any]:
    """Instantiate every component of *graph*; a bad argument is a GraphFileError."""
    built = {}
    for name, decl in graph.components.items():
        factory = decl.entry.spec.factory
        try:
            if isinstance(decl.args, dict):
                built[name] = factory(**decl.args)
            else:
                built[name] = factory(*decl.args)
        except TypeError as exc:
            raise GraphFileError(
                graph.path,
                decl.args_line or decl.line,
                f"component {name!r} ({decl.type}): bad args: {exc}"
                # A checked component's error already names what it takes.
                + ("" if "it takes:" in str(exc) else f"; it accepts {_signature(factory)}"),
            ) from None
        except Exception as exc:  # a constructor rejecting a value is a file mistake too
            raise GraphFileError(
                graph.path,
                decl.args_line or decl.line,
                f"component {name!r} ({decl.type}) could not be built: {type(exc).__name__}: {exc}",
            ) from None
    return built


def _signature(factory: Any) -> str:
    if isinstance(factory, type):  # a component class: its parameters and class-attribute options
        return "(" + ", ".join(option.describe() for option in options(factory)) + ")"
    try:
        signature = inspect.signature(factory)
    except (TypeError, ValueError):  # builtins and some C types have none
        return "(signature unknown)"
    # "-> None" from __init__ says nothing to someone writing a graph file.
    return str(signature.replace(return_annotation=inspect.Signature.empty))


def build_system(graph: GraphFile, components: dict[str, Any] | None = None) -> Any:
    """Build the system described by *graph* as a Graphline (not yet activated).

    *components* are the instances from :func:`build_components` if already built.
    """
    from Kamaelia.Chassis.Graphline import Graphline

    if components is None:
        components = build_components(graph)
    linkages = {link.source: link.sink for link in graph.links}
    return Graphline(linkages=linkages, **components)
