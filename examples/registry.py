"""The plugin registry from Python: find installed components by name and build a system.

This is what `kamaelia list`, `kamaelia show` and graph files use. Components
are looked up by the names `kamaelia list` prints; nothing here imports the
packages that provide them. Needs kamaelia-axon, kamaelia-chassis and
kamaelia-console:

    python examples/registry.py
"""

from Kamaelia.Chassis.Registry import UnknownNameError, load_registry

if __name__ == "__main__":
    registry = load_registry()
    names = sorted(plugin.distribution for plugin in registry.plugins)
    print("chassis and console installed:", {"kamaelia-chassis", "kamaelia-console"} <= set(names))

    entry = registry.component("ConsoleEchoer")  # or "kamaelia-console:ConsoleEchoer"
    print(f"{entry.spec.name}: {entry.spec.summary}")
    print("inboxes:", ", ".join(entry.spec.inboxes))

    try:
        registry.component("Pipelin")
    except UnknownNameError as error:
        print("lookup failed:", error)

    make = {name: registry.component(name).spec.factory for name in ("Pipeline", "DataSource")}
    echo = entry.spec.factory(tag="built by name: ")
    make["Pipeline"](make["DataSource"](["it works\n"]), echo).run()
