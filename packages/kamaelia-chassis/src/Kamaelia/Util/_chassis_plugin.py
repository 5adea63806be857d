"""kamaelia-chassis's own plugin: its components and examples, offered through
the ``kamaelia`` entry point exactly as a third-party package would.

``[project.entry-points.kamaelia] chassis = "Kamaelia.Util._chassis_plugin"``
"""

from __future__ import annotations

import sys
from collections.abc import Generator

from Axon.Component import component
from Axon.plugins import ComponentSpec, ExampleSpec, hookimpl

from Kamaelia.Apps.SA.Chassis import TTL
from Kamaelia.Apps.SA.DSL import DataSink
from Kamaelia.Apps.SA.Time import PeriodicTick, SingleTick
from Kamaelia.Automata.Behaviours import (
    bouncingFloat,
    cartesianPingPong,
    continuousIdentity,
    continuousOne,
    continuousZero,
    loopingCounter,
)
from Kamaelia.Chassis.Carousel import Carousel
from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Chassis.PAR import PAR
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Chassis.Seq import Seq
from Kamaelia.Chassis.Supervisor import Supervisor
from Kamaelia.Util.Backplane import Backplane, PublishTo, SubscribeTo
from Kamaelia.Util.Chargen import Chargen
from Kamaelia.Util.Chooser import Chooser, ForwardIteratingChooser
from Kamaelia.Util.Chunkifier import Chunkifier
from Kamaelia.Util.ChunkNamer import ChunkNamer
from Kamaelia.Util.Clock import CheapAndCheerfulClock
from Kamaelia.Util.Collate import Collate
from Kamaelia.Util.Comparator import Comparator
from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.Detuple import SimpleDetupler
from Kamaelia.Util.Fanout import Fanout
from Kamaelia.Util.Filter import Filter
from Kamaelia.Util.Introspector import Introspector
from Kamaelia.Util.LineSplit import LineSplit
from Kamaelia.Util.MarshallComponent import BasicMarshallComponent
from Kamaelia.Util.Marshalling import DeMarshaller, Marshaller
from Kamaelia.Util.NullSink import nullSinkComponent
from Kamaelia.Util.OneShot import OneShot, TriggeredOneShot
from Kamaelia.Util.PassThrough import PassThrough
from Kamaelia.Util.PureTransformer import PureTransformer
from Kamaelia.Util.RateChunker import RateChunker
from Kamaelia.Util.RateFilter import (
    ByteRate_RequestControl,
    MessageRateLimit,
    OnDemandLimit,
    VariableByteRate_RequestControl,
)
from Kamaelia.Util.Splitter import Plug, PlugSplitter, Splitter
from Kamaelia.Util.Stringify import Stringify
from Kamaelia.Util.Sync import Sync
from Kamaelia.Util.TwoWaySplitter import TwoWaySplitter
from Kamaelia.Util.UnseenOnly import UnseenOnly

__all__ = ["COMPONENTS", "kamaelia_components", "kamaelia_examples"]

#: Every component class kamaelia-chassis offers, by module.
COMPONENTS: tuple[type, ...] = (
    # Kamaelia.Chassis
    Carousel,
    Graphline,
    PAR,
    Pipeline,
    Seq,
    Supervisor,
    # Kamaelia.Util
    Backplane,
    BasicMarshallComponent,
    ByteRate_RequestControl,
    Chargen,
    CheapAndCheerfulClock,
    Chooser,
    ChunkNamer,
    Chunkifier,
    Collate,
    Comparator,
    DataSource,
    DeMarshaller,
    Fanout,
    Filter,
    ForwardIteratingChooser,
    Introspector,
    LineSplit,
    Marshaller,
    MessageRateLimit,
    OnDemandLimit,
    OneShot,
    PassThrough,
    Plug,
    PlugSplitter,
    PublishTo,
    PureTransformer,
    RateChunker,
    SimpleDetupler,
    Splitter,
    Stringify,
    SubscribeTo,
    Sync,
    TriggeredOneShot,
    TwoWaySplitter,
    UnseenOnly,
    VariableByteRate_RequestControl,
    nullSinkComponent,
    # Kamaelia.Automata.Behaviours
    bouncingFloat,
    cartesianPingPong,
    continuousIdentity,
    continuousOne,
    continuousZero,
    loopingCounter,
    # Kamaelia.Apps.SA (contributed to 1.x)
    DataSink,
    PeriodicTick,
    SingleTick,
    TTL,
)


@hookimpl
def kamaelia_components() -> list[ComponentSpec]:
    """The chassis and generic utility components of kamaelia-chassis."""
    return [ComponentSpec.from_class(cls) for cls in COMPONENTS]


class _LineWriter(component):
    """Writes each message on its own line to standard output (demo output only)."""

    Inboxes = {"inbox": "lines to write", "control": "any message stops it"}
    Outboxes = {"outbox": "unused", "signal": "the stopping message, passed on"}

    def main(self) -> Generator[int, None, None]:
        while True:
            while self.dataReady("inbox"):
                sys.stdout.write(f"{self.recv('inbox')}\n")
                sys.stdout.flush()
            if self.dataReady("control"):
                self.send(self.recv("control"), "signal")
                return
            if not self.anyReady():
                self.pause()
            yield 1


def run_pipeline_demo(argv: list[str]) -> int:
    """DataSource -> PureTransformer(str.upper) -> stdout, one word per line."""
    words = argv or ["hello", "from", "a", "kamaelia", "pipeline"]
    Pipeline(DataSource(words), PureTransformer(str.upper), _LineWriter()).run()
    return 0


def run_graphline_demo(argv: list[str]) -> int:
    """A Graphline numbering lines: source -> tagger -> writer, wired by name."""
    lines = argv or ["first line", "second line", "third line"]
    counter = iter(range(1, len(lines) + 1))
    Graphline(
        source=DataSource(lines),
        tagger=PureTransformer(lambda line: f"{next(counter)}: {line}"),
        writer=_LineWriter(),
        linkages={
            ("source", "outbox"): ("tagger", "inbox"),
            ("source", "signal"): ("tagger", "control"),
            ("tagger", "outbox"): ("writer", "inbox"),
            ("tagger", "signal"): ("writer", "control"),
        },
    ).run()
    return 0


@hookimpl
def kamaelia_examples() -> list[ExampleSpec]:
    """Small systems built from the chassis, for ``kamaelia demo``."""
    return [
        ExampleSpec(
            name="pipeline",
            summary="Upper-case words through a Pipeline (args: the words).",
            run=run_pipeline_demo,
        ),
        ExampleSpec(
            name="graphline",
            summary="Number lines with a Graphline wired by name (args: the lines).",
            run=run_graphline_demo,
        ),
    ]
