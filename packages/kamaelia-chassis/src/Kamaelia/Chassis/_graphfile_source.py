"""Map TOML tables and keys back to the line they were written on.

``tomllib`` gives positions only for syntax errors, so after a successful parse
this module scans the text once and remembers where each table header and key
starts. Lookups are best effort: an exotic layout yields the nearest enclosing
table's line, or None.
"""

from __future__ import annotations

import re

__all__ = ["SourceMap", "syntax_error_position"]

# One dotted-key part: bare, "basic" or 'literal'.
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED_KEY = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_ARRAY_HEADER = re.compile(rf"^\s*\[\[\s*({_DOTTED_KEY})\s*\]\]")
_TABLE_HEADER = re.compile(rf"^\s*\[\s*({_DOTTED_KEY})\s*\]")
_KEY_LINE = re.compile(rf"^\s*({_DOTTED_KEY})\s*=")
_PART = re.compile(_KEY_PART)
_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")

Path = tuple[object, ...]


def _split_key(dotted: str) -> tuple[str, ...]:
    parts = []
    for match in _PART.finditer(dotted):
        text = match.group(0)
        if text[:1] in "\"'":
            text = text[1:-1]
        parts.append(text)
    return tuple(parts)


class SourceMap:
    """Line numbers (1-based) of the tables and keys of one TOML document."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        self._scan(text)

    def _scan(self, text: str) -> None:
        current: Path = ()
        array_counts: dict[tuple[str, ...], int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if match := _ARRAY_HEADER.match(line):
                key = _split_key(match.group(1))
                index = array_counts.get(key, 0)
                array_counts[key] = index + 1
                current = (*key, index)
                self._lines.setdefault(current, number)
            elif match := _TABLE_HEADER.match(line):
                current = _split_key(match.group(1))
                self._lines.setdefault(current, number)
            elif match := _KEY_LINE.match(line):
                path = current + _split_key(match.group(1))
                # Every prefix of a dotted key (a.b.c = 1) is defined here too.
                for end in range(len(current) + 1, len(path) + 1):
                    self._lines.setdefault(path[:end], number)

    def line(self, *path: object) -> int | None:
        """The line of *path*, else of its nearest recorded ancestor, else None."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


def syntax_error_position(message: str, text: str) -> tuple[str, int | None, int | None]:
    """Split a tomllib/tomli error message into (what, line, column).

    "(at end of document)" becomes the position just after the last character.
    """
    match = _POSITION.search(message)
    if match is not None:
        return message[: match.start()].strip(), int(match.group(1)), int(match.group(2))
    if "(at end of document)" in message:
        lines = text.splitlines() or [""]
        what = message.replace("(at end of document)", "").strip()
        return f"{what} at end of file", len(lines), len(lines[-1]) + 1
    return message.strip(), None, None
