"""Watch a running Kamaelia system in the browser or the terminal.

One line switches it on for the system that runs on the default scheduler::

    import Kamaelia.Inspect; Kamaelia.Inspect.serve("127.0.0.1:8050")
    Pipeline(Producer(), Consumer()).run()          # open http://127.0.0.1:8050/

or, without changing the program: ``kamaelia run --inspect 8050 system.py``.
The page shows every component (Pipelines and Graphlines as groups around
their parts), the links with messages per second, each inbox's depth and
capacity, each component's state (running, paused, blocked, finished,
crashed with its error) and a Supervisor's restarts, pushed live.
``kamaelia top 8050`` shows the same in the terminal.

Counting messages costs nothing unless an inspector is attached: only then
is each component's ``send`` wrapped to count.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from Axon.Scheduler import scheduler

from Kamaelia.Inspect._model import Sampler
from Kamaelia.Inspect._server import InspectorServer, parse_address

__all__ = ["Inspector", "parse_address", "serve"]


class Inspector:
    """An inspector attached to a scheduler and serving its page; ``close()`` ends both.

    Use ``serve()`` to make one. ``url`` is where the page is.
    """

    def __init__(self, sched: Any, host: str, port: int, interval: float) -> None:
        self.server = InspectorServer(host, port)
        self.sampler = Sampler(sched, self.server.publish, interval)
        # The sampler reads the system from inside the scheduler's thread (at its
        # next cycle, or as soon as it starts running).
        sched.call_soon_threadsafe(self.sampler.attach)

    @property
    def url(self) -> str:
        return self.server.url

    def close(self) -> None:
        """Detach from the system (every component gets its own ``send`` back) and stop serving."""
        self.sampler.detach()
        self.server.close()

    def __enter__(self) -> Inspector:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def serve(
    address: str | int = "127.0.0.1:8050", sched: Any = None, interval: float = 0.5
) -> Inspector:
    """Serve the inspector page for ``sched`` (default: ``scheduler.run``) on ``[HOST:]PORT``.

    The host defaults to 127.0.0.1; port 0 picks a free one (see ``.url``).
    Pictures are taken every ``interval`` seconds while the scheduler runs.
    """
    host, port = parse_address(str(address))
    return Inspector(sched if sched is not None else scheduler.run, host, port, interval)
