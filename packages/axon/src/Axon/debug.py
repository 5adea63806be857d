"""1.x module ``Axon.debug``, on top of ``logging``.

1.x read ``debug.conf`` from the current directory (and crashed on Python 3
when one existed); Kamaelia 2 reads a configuration file only when
``useConfig(filename)`` names one (see ``Axon.debugConfigFile``), and
messages go to the logger ``Axon.debug.<section>``.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from .debugConfigDefaults import defaultConfig
from .debugConfigFile import readConfig

__all__ = ["debug"]


class debug:
    """Per-section debug levels; every method returns True so it fits in an assert."""

    configs: ClassVar[dict[str, int]] = {}

    def __init__(self, assertion: bool = False) -> None:
        self.assertion = assertion

    def useConfig(self, filename: str | None = None) -> bool:
        """Set up the levels from ``filename``, unless some are set already (1.x).

        A file that cannot be read gives the defaults
        (``Axon.debugConfigDefaults``); with no filename nothing is read.
        """
        if filename is not None and not self.configs:
            try:
                config = readConfig(filename)
            except OSError:
                config = defaultConfig()
            for section, (level, _location) in config.items():
                self.configs[section] = level
        return True

    def addDebugSection(self, section: str, level: int) -> bool:
        self.configs[section] = level
        return True

    def addDebug(self, **debugSections: int) -> bool:
        self.configs.update(debugSections)
        return True

    def increaseDebug(self, section: str) -> bool:
        self.configs[section] = self.configs.get(section, 0) + 5
        return True

    def decreaseDebug(self, section: str) -> bool:
        self.configs[section] = max(0, self.configs.get(section, 0) - 5)
        return True

    def setDebugSections(self, **debugSections: int) -> bool:
        self.configs.clear()
        self.configs.update(debugSections)
        return True

    def areDebugging(self, section: str, level: int) -> bool:
        return self.configs.get(section, 0) >= level

    def debugmessage(self, section: str, *message: Any) -> bool:
        logging.getLogger(f"Axon.debug.{section}").debug(" ".join(str(m) for m in message))
        return True

    def debug(self, section: str, level: int, *message: Any) -> bool:
        if self.areDebugging(section, level):
            self.debugmessage(section, *message)
        return True

    note = debug
