"""Which Ray cluster placed parts run on."""

from __future__ import annotations

from typing import Any

import ray

__all__ = ["connect"]


def connect(address: str | None = None, **init_options: Any) -> None:
    """Start a local Ray instance, or join the cluster at ``address``; once per process.

    With no ``address`` Ray starts on this machine and uses all of its cores
    (``num_cpus=`` says otherwise). ``address="auto"`` or ``"HOST:6379"`` joins
    a cluster started with ``ray start --head``; with no ``address``, Ray's own
    ``RAY_ADDRESS`` environment variable is honoured. Other keywords go to
    ``ray.init`` (the dashboard is off unless ``include_dashboard=True``). Placing a part connects with the defaults if nothing has yet.
    Does nothing when Ray is already initialised in this process.
    """
    if ray.is_initialized():
        return
    init_options.setdefault("include_dashboard", False)
    ray.init(address=address, **init_options)
