"""Every generic Util component honours producerFinished and shutdownMicroprocess."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import check_component_conformance

from Kamaelia.Apps.SA.Chassis import TTL
from Kamaelia.Apps.SA.DSL import DataSink
from Kamaelia.Apps.SA.Time import PeriodicTick, SingleTick
from Kamaelia.Automata.Behaviours import continuousZero, loopingCounter
from Kamaelia.Util.Chargen import Chargen
from Kamaelia.Util.Chooser import Chooser, ForwardIteratingChooser
from Kamaelia.Util.Chunkifier import Chunkifier
from Kamaelia.Util.ChunkNamer import ChunkNamer
from Kamaelia.Util.Clock import CheapAndCheerfulClock
from Kamaelia.Util.Collate import Collate
from Kamaelia.Util.Comparator import Comparator
from Kamaelia.Util.Detuple import SimpleDetupler
from Kamaelia.Util.Fanout import Fanout
from Kamaelia.Util.Filter import Filter
from Kamaelia.Util.FirstOnly import FirstOnly
from Kamaelia.Util.Introspector import Introspector
from Kamaelia.Util.LineSplit import LineSplit
from Kamaelia.Util.LossyConnector import LossyConnector
from Kamaelia.Util.MarshallComponent import BasicMarshallComponent
from Kamaelia.Util.Marshalling import DeMarshaller, JSONMarshalling, Marshaller
from Kamaelia.Util.Max import Max
from Kamaelia.Util.NullSink import nullSinkComponent
from Kamaelia.Util.OneShot import TriggeredOneShot
from Kamaelia.Util.PassThrough import PassThrough
from Kamaelia.Util.PromptedTurnstile import PromptedTurnstile
from Kamaelia.Util.PureTransformer import PureTransformer
from Kamaelia.Util.RangeFilter import RangeFilter
from Kamaelia.Util.RateChunker import RateChunker
from Kamaelia.Util.RateFilter import (
    ByteRate_RequestControl,
    MessageRateLimit,
    OnDemandLimit,
    VariableByteRate_RequestControl,
)
from Kamaelia.Util.SequentialTransformer import SequentialTransformer
from Kamaelia.Util.Splitter import PlugSplitter, Splitter
from Kamaelia.Util.Stringify import Stringify
from Kamaelia.Util.Sync import Sync
from Kamaelia.Util.TagWithSequenceNumber import TagWithSequenceNumber
from Kamaelia.Util.TestResult import TestResult
from Kamaelia.Util.TwoWaySplitter import TwoWaySplitter
from Kamaelia.Util.UnseenOnly import UnseenOnly

FACTORIES = {
    "Chargen": Chargen,
    "loopingCounter": lambda: loopingCounter(1),
    "continuousZero": continuousZero,
    "ChunkNamer": ChunkNamer,
    "RateChunker": lambda: RateChunker(datarate=100, quantasize=2, chunkrate=10),
    "BasicMarshallComponent": lambda: BasicMarshallComponent(JSONMarshalling),
    "SingleTick": lambda: SingleTick(60),
    "PeriodicTick": lambda: PeriodicTick(60),
    "DataSink": lambda: DataSink([]),
    "TTL": lambda: TTL(PassThrough(), 60),
    "Chooser": lambda: Chooser([1, 2]),
    "ForwardIteratingChooser": lambda: ForwardIteratingChooser([1, 2]),
    "Chunkifier": lambda: Chunkifier(4),
    "CheapAndCheerfulClock": lambda: CheapAndCheerfulClock(10.0),
    "Collate": Collate,
    "Comparator": Comparator,
    "SimpleDetupler": lambda: SimpleDetupler(0),
    "Fanout": lambda: Fanout(["extra"]),
    "Filter": Filter,
    "Introspector": lambda: Introspector(interval=60),
    "LineSplit": LineSplit,
    "Marshaller": lambda: Marshaller(JSONMarshalling),
    "DeMarshaller": lambda: DeMarshaller(JSONMarshalling),
    "nullSinkComponent": nullSinkComponent,
    "TriggeredOneShot": lambda: TriggeredOneShot("x"),
    "PassThrough": PassThrough,
    "PureTransformer": lambda: PureTransformer(str),
    "MessageRateLimit": lambda: MessageRateLimit(1000, buffer=1),
    "ByteRate_RequestControl": lambda: ByteRate_RequestControl(rate=10, chunksize=1),
    "VariableByteRate_RequestControl": lambda: VariableByteRate_RequestControl(
        rate=10, chunksize=1
    ),
    "OnDemandLimit": OnDemandLimit,
    "Splitter": Splitter,
    "PlugSplitter": PlugSplitter,
    "Stringify": Stringify,
    "Sync": Sync,
    "TwoWaySplitter": TwoWaySplitter,
    "UnseenOnly": UnseenOnly,
    "FirstOnly": FirstOnly,
    "LossyConnector": LossyConnector,
    "Max": Max,
    "PromptedTurnstile": PromptedTurnstile,
    "RangeFilter": lambda: RangeFilter([(0, 1)]),
    "SequentialTransformer": lambda: SequentialTransformer(str),
    "TagWithSequenceNumber": TagWithSequenceNumber,
    "TestResult": TestResult,
}


@pytest.mark.parametrize("name", sorted(FACTORIES))
@pytest.mark.parametrize("stop_class", [producerFinished, shutdownMicroprocess])
def test_component_stops_on_shutdown_and_passes_it_on(name, stop_class):
    """The component ends when told to and sends a shutdown message of the same kind on signal."""
    comp = FACTORIES[name]()
    out = drive(comp, control=[stop_class()], timeout=3.0)
    assert comp._isStopped()
    assert out.signals
    assert isinstance(out.signals[-1], stop_class)


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_component_passes_the_axon_conformance_check(name):
    """Axon's own conformance check (boxes declared, shutdown honoured and passed on) passes."""
    check_component_conformance(FACTORIES[name], timeout=3.0)
