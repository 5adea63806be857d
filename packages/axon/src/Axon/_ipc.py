"""The message classes of Axon (1.x ``Axon.Ipc``).

Components recognise these with ``isinstance``; none defines equality.
``producerFinished`` means "finish your work, then stop";
``shutdownMicroprocess`` means "stop as soon as you can". A component that
stops passes the message it got (or its own ``producerFinished``) on through
its ``signal`` outbox, so shutdown cascades along a chain.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

__all__ = [
    "WaitComplete",
    "errorInformation",
    "ipc",
    "newComponent",
    "notify",
    "producerFinished",
    "reactivate",
    "shutdown",
    "shutdownMicroprocess",
    "status",
    "wouldblock",
]


class ipc:
    """Base class of every Axon message."""


class WaitComplete(ipc):
    """Yield this from ``main()`` to run a generator to its end, then resume after the yield.

    ``WaitComplete(gen, tag="...")``: while ``gen`` runs it acts as the
    component's body (it may pause, send and receive as ``main()`` does).
    """

    def __init__(self, *args: Any, **argd: Any) -> None:
        if not args:
            raise TypeError(
                "WaitComplete needs the generator to run, e.g. WaitComplete(self.step())"
            )
        self.args = args
        self.argd = argd

    @property
    def generator(self) -> Generator[Any, Any, Any]:
        return self.args[0]  # type: ignore[no-any-return]


class reactivate(ipc):
    """Knock-on message: when a microprocess ends, wake ``original``."""

    def __init__(self, original: Any) -> None:
        self.original = original


class newComponent(ipc):
    """Yield this from ``main()`` to activate the given components."""

    def __init__(self, *components: Any) -> None:
        self._components = components

    def components(self) -> tuple[Any, ...]:
        return self._components


class shutdownMicroprocess(ipc):
    """Sent to a ``control`` inbox: stop as soon as possible."""

    def __init__(self, *microprocesses: Any) -> None:
        self._microprocesses = microprocesses

    def microprocesses(self) -> tuple[Any, ...]:
        return self._microprocesses


class shutdown(ipc):
    """The older "stop" message some components still use (not a shutdownMicroprocess)."""


class notify(ipc):
    """A generic event: ``caller`` sent ``object`` (the payload)."""

    def __init__(self, caller: Any, payload: Any) -> None:
        self.caller = caller
        self.object = payload


class status(ipc):
    """A generic status report."""

    def __init__(self, status: Any) -> None:
        self._status = status

    def status(self) -> Any:
        return self._status


class wouldblock(ipc):
    """Says that ``caller`` would block."""

    def __init__(self, caller: Any) -> None:
        self.caller = caller


class producerFinished(ipc):
    """Sent to a ``control`` inbox: no more data is coming; finish, then stop."""

    def __init__(self, caller: Any = None, message: Any = None) -> None:
        self.caller = caller
        self.message = message


class errorInformation(ipc):
    """A non-fatal error report: ``caller`` met ``exception``."""

    def __init__(self, caller: Any, exception: Any = None, message: Any = None) -> None:
        self.caller = caller
        self.exception = exception
        self.message = message
