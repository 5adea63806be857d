"""What kamaelia-ray offers Kamaelia, found through the `kamaelia` entry point."""

from __future__ import annotations

from Axon.plugins import ComponentSpec, hookimpl

from Kamaelia.Ray._cut import RayPart, RayWorkers


@hookimpl
def kamaelia_components() -> list[ComponentSpec]:
    """The stand-ins that place parts of a system in Ray actors."""
    return [ComponentSpec.from_class(RayPart), ComponentSpec.from_class(RayWorkers)]
