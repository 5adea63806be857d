"""The Kamaelia plugin registry: discover installed component packages.

Example::

    from Kamaelia.Chassis.Registry import load_registry

    registry = load_registry()
    entry = registry.component("DataSource")   # or "kamaelia-chassis:DataSource"
    source = entry.spec.factory(messages=["a", "b"])

See :mod:`Kamaelia.Chassis._registry` for the details; this module is its
public surface.
"""

from Kamaelia.Chassis._registry import (
    AUTOLOAD_ENV_VAR,
    AmbiguousNameError,
    ComponentEntry,
    ExampleEntry,
    PluginInfo,
    PluginProblem,
    Registry,
    RegistryError,
    UnknownNameError,
    autoload_disabled,
    load_registry,
)

__all__ = [
    "AUTOLOAD_ENV_VAR",
    "AmbiguousNameError",
    "ComponentEntry",
    "ExampleEntry",
    "PluginInfo",
    "PluginProblem",
    "Registry",
    "RegistryError",
    "UnknownNameError",
    "autoload_disabled",
    "load_registry",
]
