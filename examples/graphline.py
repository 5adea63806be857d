"""A Graphline: named components and an explicit map of links, here with a fan-in.

Two sources feed one transformer's inbox (many-to-one is allowed; one-to-many is
not). The Graphline finishes when every child has finished. Needs kamaelia-axon,
kamaelia-chassis and kamaelia-console:

    python examples/graphline.py
"""

from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Util.Console import ConsoleEchoer
from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.PureTransformer import PureTransformer

if __name__ == "__main__":
    Graphline(
        WORDS=DataSource(["apple", "banana"]),
        NUMBERS=DataSource([1, 2]),
        LABEL=PureTransformer(lambda item: f"{type(item).__name__}: {item}\n"),
        OUTPUT=ConsoleEchoer(),
        linkages={
            ("WORDS", "outbox"): ("LABEL", "inbox"),
            ("NUMBERS", "outbox"): ("LABEL", "inbox"),
            ("WORDS", "signal"): ("LABEL", "control"),
            ("LABEL", "outbox"): ("OUTPUT", "inbox"),
            ("LABEL", "signal"): ("OUTPUT", "control"),
        },
    ).run()
