"""1.x module ``Axon.debugConfigFile``: read a debugging configuration file.

A configuration file is plain text: ``#`` starts a comment line, blank lines
are allowed, and every other line is *section*, *level* and *location*
separated by spaces, e.g. ``component.send 5 default``. ``Axon.debug``
reads one only when ``debug().useConfig(filename)`` names it (Kamaelia 2
never reads ``./debug.conf`` on its own).
"""

from __future__ import annotations

import os

__all__ = ["readConfig"]


def readConfig(filename: str | os.PathLike[str]) -> dict[str, tuple[int, str]]:
    """Read ``filename``: a dict of section -> (maximum level, location).

    Raises OSError if the file cannot be read, and ValueError naming the file,
    the line and what was expected for a line that is not a configuration line.
    """
    config: dict[str, tuple[int, str]] = {}
    with open(filename, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            fields = text.split()
            if len(fields) != 3 or not fields[1].lstrip("-").isdigit():
                raise ValueError(
                    f"{os.fspath(filename)}, line {number}: expected 'section level location' "
                    f"(e.g. 'component.send 5 default'), got {text!r}"
                )
            section, level, location = fields
            config[section] = (int(level), location)
    return config
