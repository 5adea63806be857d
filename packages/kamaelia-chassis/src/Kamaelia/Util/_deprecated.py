"""The warning the deprecated 1.x alias modules give when imported."""

from __future__ import annotations

import warnings

__all__ = ["warn_moved"]


def warn_moved(old_module: str, new_names: str) -> None:
    """Warn that ``old_module`` is deprecated, naming where its names live now.

    Called from the alias module's body: ``stacklevel=3`` points the warning
    past this helper and the alias module at the import that loaded it.
    """
    warnings.warn(
        f"{old_module} is deprecated (since Kamaelia 1.x); use {new_names} instead",
        DeprecationWarning,
        stacklevel=3,
    )
