"""A Pipeline: each component's outbox feeds the next one's inbox, signal feeds control.

Needs kamaelia-axon, kamaelia-chassis and kamaelia-console:

    python examples/pipeline.py
"""

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.Console import ConsoleEchoer
from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.PureTransformer import PureTransformer

if __name__ == "__main__":
    Pipeline(
        DataSource(["one", "two", "three"]),
        PureTransformer(lambda word: f"{word.upper()} has {len(word)} letters\n"),
        ConsoleEchoer(),
    ).run()
