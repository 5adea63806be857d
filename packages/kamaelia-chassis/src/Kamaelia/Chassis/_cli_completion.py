"""``kamaelia completion bash``: a bash completion script built from the parser.

Commands and options come from the argument parser when the script is made;
component and example names are looked up (``kamaelia completion --names``)
each time Tab is pressed, so newly installed packages are completed too.
"""

from __future__ import annotations

import argparse

__all__ = ["bash_script", "subcommands"]

# Commands whose first argument is a name from the registry, and which names.
NAME_KINDS = {"show": "components", "demo": "examples"}

_TEMPLATE = """\
# bash completion for the kamaelia command (made by `kamaelia completion bash`)
_kamaelia() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} command="" word words=""
    for word in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
        case $word in -*) ;; *) command=$word; break ;; esac
    done
    case $command in
{cases}
    esac
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
}}
complete -o default -F _kamaelia kamaelia
"""


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [
        s
        for action in parser._actions
        if action.help != argparse.SUPPRESS
        for s in action.option_strings
        if s.startswith("--")
    ]


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The command's subcommands by name."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def bash_script(parser: argparse.ArgumentParser) -> str:
    """The completion script for ``parser`` (the ``kamaelia`` command's)."""
    commands = subcommands(parser)
    cases = [f'        "") words="{" ".join([*commands, *_options(parser)])}" ;;']
    for name, sub in commands.items():
        options = " ".join(_options(sub))
        if name in NAME_KINDS:
            names = f"$(kamaelia completion --names {NAME_KINDS[name]} 2>/dev/null)"
            cases.append(f'        {name}) words="{names} {options}" ;;')
        else:  # a file or a fixed word: options after '-', else bash's own (files)
            choices = " ".join(
                str(c) for a in sub._actions if not a.option_strings for c in a.choices or ()
            )
            cases.append(
                f'        {name}) words="{choices}"; [[ $cur == -* ]] && words="{options}" ;;'
            )
    return _TEMPLATE.format(cases="\n".join(cases))
