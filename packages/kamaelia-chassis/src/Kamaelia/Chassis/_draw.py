"""Draw a graph file's system: Graphviz DOT text, and SVG/PNG through ``dot``."""

from __future__ import annotations

import shutil
import subprocess

from Kamaelia.Chassis._graphfile import GraphFile, declared_boxes

__all__ = ["FORMATS", "DrawError", "render", "to_dot"]

#: Output formats of ``kamaelia graph``; all but "dot" need Graphviz.
FORMATS = ("dot", "svg", "png")

_RENDER_TIMEOUT = 60.0


class DrawError(RuntimeError):
    """A drawing could not be produced (Graphviz missing or failing)."""


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _record_field(text: str) -> str:
    # Characters with a meaning inside a record label must be escaped.
    return "".join("\\" + ch if ch in '{}|<>" ' else ch for ch in text)


def _boxes_used(graph: GraphFile, name: str, side: int) -> list[str]:
    return [
        link.source[1] if side == 0 else link.sink[1]
        for link in graph.links
        if (link.source if side == 0 else link.sink)[0] == name
    ]


def _ports(graph: GraphFile, name: str, kind: str) -> list[str]:
    """Declared boxes plus any linked box, in declaration order."""
    boxes = declared_boxes(graph.components[name].entry, kind)
    for box in _boxes_used(graph, name, 0 if kind == "outbox" else 1):
        if box not in boxes:
            boxes.append(box)
    return boxes


def to_dot(graph: GraphFile) -> str:
    """The system as a DOT digraph: one record node per component, box to box edges."""
    title = graph.name or graph.path
    lines = [
        f"digraph {_quote(title)} {{",
        "  rankdir=LR;",
        '  node [shape=record, fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
        f"  label={_quote(title)};",
    ]
    for name, decl in graph.components.items():
        inboxes = "|".join(f"<i_{b}> {_record_field(b)}" for b in _ports(graph, name, "inbox"))
        outboxes = "|".join(f"<o_{b}> {_record_field(b)}" for b in _ports(graph, name, "outbox"))
        middle = f"{_record_field(name)}\\n{_record_field(decl.entry.qualified_name)}"
        # The record fields are escaped already, so quote without re-escaping.
        label = f'"{{{inboxes}}}|{middle}|{{{outboxes}}}"'
        lines.append(f"  {_quote(name)} [label={label}];")
    for link in graph.links:
        (src, out), (dst, inn) = link.source, link.sink
        style = ", style=dashed" if (out, inn) == ("signal", "control") else ""
        lines.append(
            f"  {_quote(src)}:{_quote('o_' + out)} -> {_quote(dst)}:{_quote('i_' + inn)}"
            f" [tooltip={_quote(f'{src}.{out} -> {dst}.{inn}')}{style}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(dot_text: str, fmt: str) -> bytes:
    """Render *dot_text* as *fmt* ("dot", "svg" or "png").

    Raises :class:`DrawError` when Graphviz's ``dot`` is not on PATH or fails.
    """
    if fmt not in FORMATS:
        raise DrawError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "dot":
        return dot_text.encode("utf-8")
    dot = shutil.which("dot")
    if dot is None:
        raise DrawError(
            f"--format {fmt} needs Graphviz's 'dot' program, which is not on PATH; "
            "install Graphviz (e.g. 'apt-get install graphviz') or use --format dot"
        )
    try:
        done = subprocess.run(
            [dot, f"-T{fmt}"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=_RENDER_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DrawError(f"running {dot} failed: {exc}") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()
        raise DrawError(f"{dot} -T{fmt} exited with {done.returncode}: {detail}")
    return done.stdout
