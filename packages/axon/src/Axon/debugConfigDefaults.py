"""1.x module ``Axon.debugConfigDefaults``: the configuration used when no file is read.

1.x listed its own internal sections here, each at level 0. Kamaelia 2's
own code logs through ``logging`` and has no debug sections, so the default
configuration is empty: nothing is debugged until a program asks for it.
"""

from __future__ import annotations

__all__ = ["defaultConfig"]


def defaultConfig() -> dict[str, tuple[int, str]]:
    """The default configuration: a dict of section -> (level, location) (empty)."""
    return {}
