"""kamaelia-inspect's plugin: ``kamaelia top`` and ``kamaelia run --inspect [HOST:]PORT``.

``[project.entry-points.kamaelia] inspect = "Kamaelia.Inspect._plugin"``
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from Axon.plugins import CommandSpec, RunOption, hookimpl

from Kamaelia.Inspect import serve
from Kamaelia.Inspect._top import add_top_arguments, run_top

__all__ = ["kamaelia_commands", "kamaelia_run_options"]


@contextlib.contextmanager
def _inspecting(address: str) -> Iterator[None]:
    try:
        inspector = serve(address)
    except OSError as error:  # the port is taken, the host is not ours, ...
        raise ValueError(f"cannot serve there: {error.strerror or error}") from None
    sys.stderr.write(f"kamaelia: inspector on {inspector.url}\n")
    sys.stderr.flush()
    try:
        yield
    finally:
        inspector.close()


@hookimpl
def kamaelia_commands() -> list[CommandSpec]:
    """``kamaelia top``."""
    return [
        CommandSpec(
            name="top",
            summary="watch a system started with --inspect: components by activity, box depths, "
            "rates (q quits)",
            add_arguments=add_top_arguments,
            run=run_top,
        )
    ]


@hookimpl
def kamaelia_run_options() -> list[RunOption]:
    """``kamaelia run --inspect [HOST:]PORT``."""
    return [
        RunOption(
            name="inspect",
            metavar="[HOST:]PORT",
            help="serve a live web page of the running system on HOST:PORT "
            "(host 127.0.0.1 unless given; port 0 picks a free one)",
            start=_inspecting,
        )
    ]
