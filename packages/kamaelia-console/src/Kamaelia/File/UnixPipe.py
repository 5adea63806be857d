"""Deprecated 1.x module: use Kamaelia.File.UnixProcess.UnixProcess instead."""

import warnings

from Kamaelia.File.UnixProcess import UnixProcess as Pipethrough

__all__ = ["Pipethrough"]

warnings.warn(
    "Kamaelia.File.UnixPipe is deprecated (since Kamaelia 1.x); "
    "use Kamaelia.File.UnixProcess.UnixProcess instead",
    DeprecationWarning,
    stacklevel=2,
)
