"""Errors raised or signalled by the networking components.

Both are ``OSError`` subclasses that keep the original ``errno`` and name the
component and the address, so ``except OSError`` still catches them.
"""

from __future__ import annotations

__all__ = ["BindError", "ConnectError"]


class BindError(OSError):
    """A server could not listen on ``host:port`` (port in use, no permission, bad host)."""

    def __init__(self, who: str, host: str, port: int, cause: OSError) -> None:
        reason = cause.strerror or str(cause)
        super().__init__(cause.errno, f"{who} could not listen on {host}:{port}: {reason}")
        self.host, self.port = host, port


class ConnectError(OSError):
    """A client could not connect to ``host:port`` (refused, unreachable, unknown host, timeout)."""

    def __init__(self, who: str, host: str, port: int, cause: BaseException) -> None:
        reason = getattr(cause, "strerror", None) or str(cause) or type(cause).__name__
        errno_ = getattr(cause, "errno", None)
        super().__init__(errno_, f"{who} could not connect to {host}:{port}: {reason}")
        self.host, self.port = host, port
