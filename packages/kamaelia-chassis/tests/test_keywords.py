"""kamaelia-chassis components refuse a misspelt keyword, naming the ones they take,
and keep their 1.x keywords and defaults."""

from __future__ import annotations

from typing import Any

import pytest
from Axon.options import REQUIRED, options

from Kamaelia.Apps.SA.Chassis import TTL
from Kamaelia.Apps.SA.DSL import DataSink
from Kamaelia.Apps.SA.Time import PeriodicTick, SingleTick
from Kamaelia.Automata.Behaviours import loopingCounter
from Kamaelia.Chassis.Carousel import Carousel
from Kamaelia.Chassis.PAR import PAR
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Chassis.Seq import Seq
from Kamaelia.Chassis.Supervisor import Supervisor
from Kamaelia.Util.Backplane import Backplane, PublishTo, SubscribeTo
from Kamaelia.Util.Chooser import Chooser, ForwardIteratingChooser
from Kamaelia.Util.Chunkifier import Chunkifier
from Kamaelia.Util.ChunkNamer import ChunkNamer
from Kamaelia.Util.Clock import CheapAndCheerfulClock
from Kamaelia.Util.Collate import Collate
from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.Fanout import Fanout
from Kamaelia.Util.Filter import Filter
from Kamaelia.Util.Introspector import Introspector
from Kamaelia.Util.LineSplit import LineSplit
from Kamaelia.Util.OneShot import OneShot, TriggeredOneShot
from Kamaelia.Util.PassThrough import PassThrough
from Kamaelia.Util.PureTransformer import PureTransformer
from Kamaelia.Util.RangeFilter import RangeFilter
from Kamaelia.Util.RateChunker import RateChunker
from Kamaelia.Util.RateFilter import ByteRate_RequestControl, MessageRateLimit, OnDemandLimit
from Kamaelia.Util.Splitter import PlugSplitter, Splitter
from Kamaelia.Util.Stringify import Stringify
from Kamaelia.Util.Sync import Sync
from Kamaelia.Util.TagWithSequenceNumber import TagWithSequenceNumber

# (factory, positional arguments, a misspelt keyword, the keyword it should suggest)
TYPOS: list[tuple[Any, tuple[Any, ...], str, str]] = [
    (TTL, (None, 1), "dealy", "delay"),
    (DataSink, ([],), "limt", "limit"),
    (SingleTick, (1,), "check_intervall", "check_interval"),
    (PeriodicTick, (1,), "tick_msg", "tick_mesg"),
    (loopingCounter, (1,), "modulus", "modulo"),
    (Carousel, (None,), "make1strequest", "make1stRequest"),
    (PAR, (), "polcy", "policy"),
    (Pipeline, (), "circualr", "circular"),
    (Supervisor, ({},), "max_restart", "max_restarts"),
    (Backplane, (), "nmae", "name"),
    (PublishTo, ("x",), "forwader", "forwarder"),
    (SubscribeTo, (), "sorce", "source"),
    (Chooser, (), "lopp", "loop"),
    (ForwardIteratingChooser, (), "item", "items"),
    (ChunkNamer, (), "sufix", "suffix"),
    (Chunkifier, (), "chunk_size", "chunksize"),
    (CheapAndCheerfulClock, (), "intervall", "interval"),
    (DataSource, (), "message", "messages"),
    (Fanout, (), "boxname", "boxnames"),
    (Filter, (), "filtre", "filter"),
    (LineSplit, (), "functon", "function"),
    (OneShot, (), "mgs", "msg"),
    (TriggeredOneShot, (), "mesg", "msg"),
    (PassThrough, (), "shutdownon", "shutdownOn"),
    (PureTransformer, (), "func", "function"),
    (RangeFilter, (), "range", "ranges"),
    (RateChunker, (1, 1, 1), "quantsize", "quantasize"),
    (MessageRateLimit, (1,), "bufer", "buffer"),
    (ByteRate_RequestControl, (), "chunkrat", "chunkrate"),
    (PlugSplitter, (), "sourcecomponent", "sourceComponent"),
    (Stringify, (), "functon", "function"),
    (Sync, (), "m", "n"),
    (TagWithSequenceNumber, (), "inital", "initial"),
    (Introspector, (), "intervall", "interval"),
]


@pytest.mark.parametrize(
    ("factory", "args", "typo", "meant"), TYPOS, ids=[t[0].__name__ for t in TYPOS]
)
def test_a_misspelt_keyword_names_the_accepted_ones(factory, args, typo, meant):
    pattern = (
        rf"{factory.__name__}\(\) got unexpected keyword argument '{typo}'; it takes: .*{meant}"
    )
    with pytest.raises(TypeError, match=pattern):
        factory(*args, **{typo: 1})


@pytest.mark.parametrize(
    "factory", [Seq, Splitter, Collate, OnDemandLimit], ids=lambda f: f.__name__
)
def test_a_component_without_options_says_it_takes_none(factory):
    with pytest.raises(TypeError, match=rf"{factory.__name__}\(\) .* 'tag'; it takes none"):
        factory(tag=1)


def defaults(factory: Any) -> dict[str, Any]:
    return {o.name: o.default for o in options(factory)}


def test_the_1x_keywords_keep_their_defaults():
    assert defaults(PublishTo) == {"destination": REQUIRED, "forwarder": False}
    assert defaults(SubscribeTo) == {"source": REQUIRED}
    assert defaults(Carousel) == {"componentFactory": REQUIRED, "make1stRequest": False}
    assert defaults(PAR) == {"policy": None}
    assert defaults(Pipeline) == {"circular": False}
    assert defaults(MessageRateLimit) == {
        "messages_per_second": REQUIRED,
        "buffer": 60,
        "hardlimit": 0,
    }
    assert defaults(Chunkifier) == {"chunksize": 1048576, "nodelay": False}
    assert defaults(DataSink) == {"outlist": REQUIRED, "limit": 0, "pass_thru": True}


def test_class_attributes_are_still_overridden_by_keyword_as_in_1x():
    assert PublishTo("x", forwarder=True).forwarder is True
    assert MessageRateLimit(1, hardlimit=5).hardlimit == 5

    class Counted(Pipeline):
        retries = 1

    assert Counted(PassThrough(), retries=3).retries == 3
