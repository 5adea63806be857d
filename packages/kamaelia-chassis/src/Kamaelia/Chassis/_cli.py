"""The ``kamaelia`` command: list, show, run, demo and graph.

User mistakes (unknown names, bad files, missing Graphviz) end with one
``kamaelia <command>: error: ...`` line on stderr and a non-zero exit, never a
traceback; ``--debug`` adds tracebacks and debug logging.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import logging
import sys
import textwrap
from collections.abc import Sequence
from typing import Any, TypeAlias

from Kamaelia.Chassis import _cli_commands as commands
from Kamaelia.Chassis._cli_completion import NAME_KINDS, bash_script, subcommands
from Kamaelia.Chassis._cli_run import UserError
from Kamaelia.Chassis._registry import Registry, load_registry

__all__ = ["build_parser", "main"]

log = logging.getLogger("Kamaelia.Chassis.cli")

# argparse has no public name for what add_subparsers() returns, and the class
# is not subscriptable at run time: a string alias keeps it for type checkers.
_Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

_DESCRIPTION = """\
Discover, inspect, run and draw Kamaelia systems.

Components come from installed packages that register themselves in the
'kamaelia' entry-point group (set KAMAELIA_DISABLE_PLUGIN_AUTOLOAD=1 to skip
discovery). Run 'kamaelia COMMAND --help' for each command's options.
"""

_EPILOG = """\
examples:
  kamaelia list                      what is installed
  kamaelia show ConsoleEchoer        one component's boxes and documentation
  kamaelia run system.toml           run a graph file (or a Python file)
  kamaelia graph system.toml -o system.svg
  kamaelia demo                      the example systems on offer
  source <(kamaelia completion bash) tab completion in this shell
"""


def _parser(sub: _Subparsers, name: str, examples: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A subcommand whose --help ends with `examples` (one per line: command, what it does)."""
    if "description" in kwargs:  # the raw formatter keeps the examples' columns; wrap the rest
        kwargs["description"] = textwrap.fill(kwargs["description"], 79)
    return sub.add_parser(
        name,
        epilog="examples:\n" + textwrap.indent(textwrap.dedent(examples).strip(), "  "),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **kwargs,
    )


def _version() -> str:
    parts = []
    for dist in ("kamaelia-chassis", "kamaelia-axon"):
        try:
            parts.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{dist} (not installed)")
    return "kamaelia (" + ", ".join(parts) + ")"


def _add_list(sub: _Subparsers) -> None:
    p = _parser(
        sub,
        "list",
        """
        kamaelia list            packages, versions, components and examples
        kamaelia list --json     the same as one JSON document
        """,
        help="installed component packages, their versions and components",
        description="List the installed Kamaelia plugin packages with their versions, "
        "components and examples. Plugins that could not be loaded are reported "
        "under 'problems' (on stderr) and do not stop the listing.",
    )
    p.add_argument("--json", action="store_true", help="print one JSON document instead of text")
    p.set_defaults(handler=commands.cmd_list)


def _add_show(sub: _Subparsers) -> None:
    p = _parser(
        sub,
        "show",
        """
        kamaelia show ConsoleEchoer
        kamaelia show kamaelia-console:ConsoleEchoer   when two packages offer the name
        kamaelia show Pipeline --json
        """,
        help="one component's inboxes, outboxes and documentation",
        description="Show a registered component: its package, module, inboxes and outboxes "
        "with their descriptions, and its documentation.",
    )
    p.add_argument("name", metavar="NAME", help="component name, or DISTRIBUTION:NAME")
    p.add_argument("--json", action="store_true", help="print one JSON document instead of text")
    p.set_defaults(handler=commands.cmd_show)


def _add_run(sub: _Subparsers, registry: Registry) -> None:
    options = registry.run_options()  # added by plugins, e.g. kamaelia-inspect's --inspect
    plugin_usage = "".join(f" [--{o.name} {o.metavar}]" for o in options)
    p = _parser(
        sub,
        "run",
        """
        kamaelia run system.toml           run a graph file until it finishes
        kamaelia run --check system.toml   validate it and build its components only
        kamaelia run script.py a b         run a Python file with sys.argv[1:] = ['a', 'b']
        """,
        usage=f"%(prog)s [-h] [--check]{plugin_usage} FILE [ARGS ...]",
        help="run a system from a TOML graph file or a Python file",
        description="Run a system until it finishes. FILE.toml is a graph file naming "
        "registered components and their links (see the kamaelia-chassis README); "
        "FILE.py is run as __main__ with ARGS as its sys.argv[1:]. Ctrl-C stops "
        "the system (exit status 130).",
    )
    p.add_argument("file", metavar="FILE", help="a .toml graph file or a .py file")
    p.add_argument(
        "args", metavar="ARGS", nargs=argparse.REMAINDER, help="arguments for a Python file"
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="validate the graph file and build its components, but do not run",
    )
    for option in options:
        p.add_argument(
            f"--{option.name}", metavar=option.metavar, help=option.help, dest=f"_{option.name}"
        )
    p.set_defaults(handler=commands.cmd_run, run_options=options)


def _add_demo(sub: _Subparsers) -> None:
    p = _parser(
        sub,
        "demo",
        """
        kamaelia demo                the examples installed packages offer
        kamaelia demo pipeline a b   run one, with arguments
        """,
        usage="%(prog)s [-h] [NAME [ARGS ...]]",
        help="list or run the example systems installed packages offer",
        description="Without NAME, list the example systems offered by installed packages. "
        "With NAME (or DISTRIBUTION:NAME), run that example, passing ARGS to it. "
        "Ctrl-C stops it (exit status 130).",
    )
    p.add_argument("name", metavar="NAME", nargs="?", help="example to run")
    p.add_argument(
        "args", metavar="ARGS", nargs=argparse.REMAINDER, help="arguments for the example"
    )
    p.set_defaults(handler=commands.cmd_demo)


def _add_graph(sub: _Subparsers) -> None:
    p = _parser(
        sub,
        "graph",
        """
        kamaelia graph system.toml                 DOT text on standard output
        kamaelia graph system.toml -o system.svg   SVG (the format follows OUT's extension)
        kamaelia graph system.toml -f png -o out   PNG, named explicitly
        """,
        help="draw a graph file's system (DOT, or SVG/PNG with Graphviz)",
        description="Draw the components and links of a TOML graph file. DOT text needs "
        "nothing else; svg and png run Graphviz's 'dot' program.",
    )
    p.add_argument("file", metavar="FILE", help="a .toml graph file")
    p.add_argument(
        "--format",
        "-f",
        choices=commands.GRAPH_FORMATS,
        help="output format (default: OUT's extension if it is one of these, else dot)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    p.set_defaults(handler=commands.cmd_graph)


def _add_completion(sub: _Subparsers) -> None:
    p = _parser(
        sub,
        "completion",
        """
        source <(kamaelia completion bash)             this shell only
        kamaelia completion bash >> ~/.bashrc          every new bash
        """,
        help="print a bash script that completes kamaelia commands, names and options",
        description="Print a bash completion script for the kamaelia command: "
        "commands, their options, component names for 'show' and example names for "
        "'demo' (looked up when you press Tab, so newly installed packages show up).",
    )
    p.add_argument("shell", metavar="SHELL", nargs="?", choices=("bash",), help="bash")
    # What the script runs on Tab: the installed component or example names.
    p.add_argument("--names", choices=tuple(NAME_KINDS.values()), help=argparse.SUPPRESS)
    p.set_defaults(handler=_cmd_completion)


def _cmd_completion(args: argparse.Namespace) -> int:
    if args.names:
        return commands.print_names(args.names)
    if args.shell is None:
        raise UserError("name the shell: kamaelia completion bash")
    sys.stdout.write(bash_script(build_parser()))
    return 0


def _add_new(sub: _Subparsers) -> None:
    p = _parser(
        sub,
        "new",
        """
        kamaelia new plugin shouty                  ./kamaelia-shouty, importing as kamaelia_shouty
        kamaelia new plugin my-parts --dir ~/src --author "Jane Doe <jane@example.org>"
        """,
        help="start a new plugin package from the template",
        description="Write a new plugin package, kamaelia-NAME, made from the plugin "
        "template: an installable package offering one component and one example, with "
        "tests, README and CHANGELOG, renamed throughout (import package kamaelia_NAME, "
        "entry point NAME in group 'kamaelia').",
    )
    p.add_argument("kind", metavar="KIND", choices=("plugin",), help="what to make: plugin")
    p.add_argument("name", metavar="NAME", help="the plugin's name, e.g. shouty")
    p.add_argument("--dir", default=".", help="where to write kamaelia-NAME (default: here)")
    p.add_argument("--author", help='"Name <email>" for pyproject.toml')
    p.set_defaults(handler=commands.cmd_new)


def _add_plugin_commands(sub: _Subparsers, registry: Registry) -> None:
    for command in registry.commands():
        if command.name in sub.choices:
            log.warning("a plugin's command %r clashes with another; ignored", command.name)
            continue
        p = sub.add_parser(command.name, help=command.summary, description=command.summary)
        command.add_arguments(p)
        p.set_defaults(handler=command.run)


def build_parser(registry: Registry | None = None) -> argparse.ArgumentParser:
    """The argument parser of the ``kamaelia`` command, with the commands plugins add."""
    registry = registry if registry is not None else load_registry()
    parser = argparse.ArgumentParser(
        prog="kamaelia",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("--debug", action="store_true", help="show debug logging and tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_list(sub)
    _add_show(sub)
    _add_run(sub, registry)
    for add in (_add_demo, _add_graph, _add_new, _add_completion):
        add(sub)
    _add_plugin_commands(sub, registry)
    return parser


def _setup_logging(debug: bool) -> tuple[logging.Handler, int]:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("kamaelia: %(levelname)s: %(name)s: %(message)s"))
    # Without --debug, plugin problems are shown by the commands themselves.
    handler.setLevel(logging.DEBUG if debug else logging.ERROR)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    if debug:
        root.setLevel(logging.DEBUG)
    return handler, old_level


def _unknown_command(parser: argparse.ArgumentParser, argv: list[str]) -> str:
    """What is wrong with the command word of `argv` ("" if it is a known command or absent)."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    known = list(subcommands(parser))
    if word is None or word in known:
        return ""
    close = difflib.get_close_matches(word, known, n=3, cutoff=0.5)
    hint = f"did you mean: {', '.join(close)}?" if close else f"commands are: {', '.join(known)}"
    return f"unknown command {word!r}; {hint}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kamaelia`` command with *argv* (default ``sys.argv[1:]``); return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    # Logging is set up first: loading the plugins (for their commands) may report problems.
    handler, old_level = _setup_logging("--debug" in argv)
    try:
        parser = build_parser()
        mistyped = _unknown_command(parser, argv)
        if mistyped:
            parser.print_usage(sys.stderr)
            sys.stderr.write(f"kamaelia: error: {mistyped}\n")
            return 2
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version and usage errors
            return exc.code if isinstance(exc.code, int) else 2
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        return int(args.handler(args) or 0)
    except UserError as exc:
        if args.debug:
            log.debug("user error", exc_info=True)
        sys.stderr.write(f"kamaelia {args.command}: error: {exc}\n")
        return exc.exit_status
    except BrokenPipeError:  # e.g. `kamaelia list | head`: not an error
        return 0
    except KeyboardInterrupt:  # Ctrl-C outside a running system (e.g. while loading)
        sys.stderr.write("kamaelia: interrupted (Ctrl-C)\n")
        return 130
    finally:
        # main() may be called more than once in a process (tests, embedding).
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(old_level)


if __name__ == "__main__":  # pragma: no cover - `python -m Kamaelia.Chassis._cli`
    sys.exit(main())
