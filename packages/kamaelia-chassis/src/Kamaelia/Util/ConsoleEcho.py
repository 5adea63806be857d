"""Deprecated 1.x module: use Kamaelia.Util.Console.ConsoleEchoer instead.

The console components live in the kamaelia-console distribution, which
kamaelia-chassis does not depend on: this alias imports them only when it is
itself imported, and says which distribution to install if they are missing.
"""

from Kamaelia.Util._deprecated import warn_moved

__all__ = ["consoleEchoer"]

try:
    from Kamaelia.Util.Console import ConsoleEchoer as consoleEchoer
except ModuleNotFoundError as error:
    if error.name != "Kamaelia.Util.Console":
        raise
    raise ImportError(
        "Kamaelia.Util.ConsoleEcho re-exports Kamaelia.Util.Console.ConsoleEchoer, "
        "which is in the kamaelia-console distribution: pip install kamaelia-console",
        name=__name__,
    ) from error

warn_moved("Kamaelia.Util.ConsoleEcho", "Kamaelia.Util.Console.ConsoleEchoer")
