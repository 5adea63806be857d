"""Every public kamaelia-net component refuses a misspelt keyword, naming the ones it takes,
and keeps its 1.x keywords and defaults."""

from __future__ import annotations

from typing import Any

import pytest
from Axon.options import REQUIRED, options

from Kamaelia.Internet.ConnectedSocketAdapter import ConnectedSocketAdapter
from Kamaelia.Internet.Multicast_receiver import Multicast_receiver
from Kamaelia.Internet.Multicast_sender import Multicast_sender
from Kamaelia.Internet.Multicast_transceiver import Multicast_transceiver
from Kamaelia.Internet.Selector import Selector
from Kamaelia.Internet.SingleServer import FastRestartSingleServer, SingleServer, echo
from Kamaelia.Internet.TCPServer import TCPServer
from Kamaelia.Internet.UDP import BasicPeer, PostboxPeer, SimplePeer, TargettedPeer
from Kamaelia.Protocol.EchoProtocol import EchoProtocol
from Kamaelia.Protocol.FortuneCookieProtocol import FortuneCookieProtocol
from Kamaelia.Protocol.Framing import (
    DataChunker,
    DataDeChunker,
    DeFramer,
    Framer,
    LengthPrefixDeFramer,
    LengthPrefixFramer,
    LineDeFramer,
    LineFramer,
)
from Kamaelia.Protocol.HTTP.ErrorPages import ErrorPageHandler
from Kamaelia.Protocol.HTTP.Handlers.Minimal import Minimal
from Kamaelia.Protocol.HTTP.HTTPClient import SimpleHTTPClient, SingleShotHTTPClient
from Kamaelia.Protocol.HTTP.HTTPParser import HTTPParser
from Kamaelia.Protocol.HTTP.HTTPServer import HTTPServer
from Kamaelia.Protocol.HTTP.WebSocket import WebSocketClient, WebSocketEndpoint
from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol, JSONEndpoint, StaticFiles

# (factory, positional arguments, a misspelt keyword, the keyword it should suggest)
TYPOS: list[tuple[Any, tuple[Any, ...], str, str]] = [
    (ConnectedSocketAdapter, (None,), "idleTimout", "idleTimeout"),
    (Multicast_receiver, ("224.0.0.1", 1), "interfce", "interface"),
    (Multicast_sender, ("", 0, "224.0.0.1", 1), "tl", "ttl"),
    (Multicast_transceiver, ("", 0, "224.0.0.1", 1), "debgu", "debug"),
    (Selector, (), "idleexit", "idleExit"),
    (SingleServer, (), "prot", "port"),
    (FastRestartSingleServer, (), "hostt", "host"),
    (TCPServer, (1,), "maxConnection", "maxConnections"),
    (BasicPeer, (), "localprot", "localport"),
    (SimplePeer, (), "receiver_prot", "receiver_port"),
    (TargettedPeer, (), "receiveraddr", "receiver_addr"),
    (PostboxPeer, (), "localadr", "localaddr"),
    (FortuneCookieProtocol, (), "debgu", "debug"),
    (DataChunker, (), "syncmesage", "syncmessage"),
    (DataDeChunker, (), "maxChunksize", "maxChunkSize"),
    (LineFramer, (), "seperator", "separator"),
    (LineDeFramer, (), "maxLineLen", "maxLineLength"),
    (LengthPrefixDeFramer, (), "maxFrameSise", "maxFrameSize"),
    (StaticFiles, (), "rot", "root"),
    (JSONEndpoint, (), "functon", "function"),
    (HTTPProtocol, ({},), "maxBodyByte", "maxBodyBytes"),
    (ErrorPageHandler, (404,), "mesage", "message"),
    (SingleShotHTTPClient, ("http://127.0.0.1/",), "postbdy", "postbody"),
    (SimpleHTTPClient, (), "connectionclas", "connectionclass"),
    (HTTPParser, (), "mdoe", "mode"),
    (HTTPServer, (None,), "peerprot", "peerport"),
    (WebSocketEndpoint, (None,), "max_msg_bytes", "max_message_bytes"),
    (WebSocketClient, ("ws://127.0.0.1/",), "connection_class", "connectionclass"),
    (Minimal, ({},), "homedir", "homedirectory"),
]


@pytest.mark.parametrize(
    ("factory", "args", "typo", "meant"), TYPOS, ids=[t[0].__name__ for t in TYPOS]
)
def test_a_misspelt_keyword_names_the_accepted_ones(factory, args, typo, meant):
    pattern = (
        rf"{factory.__name__}\(\) got unexpected keyword argument '{typo}'; it takes: .*{meant}"
    )
    with pytest.raises(TypeError, match=pattern + rf".*; did you mean: .*\b{meant}\b"):
        factory(*args, **{typo: 1})


@pytest.mark.parametrize(
    "factory", [echo, EchoProtocol, Framer, DeFramer, LengthPrefixFramer], ids=lambda f: f.__name__
)
def test_a_component_without_options_says_it_takes_none(factory):
    with pytest.raises(TypeError, match=rf"{factory.__name__}\(\) .* 'tag'; it takes none"):
        factory(tag=1)


def defaults(factory: Any) -> dict[str, Any]:
    return {o.name: o.default for o in options(factory)}


def test_the_1x_keywords_keep_their_defaults():
    assert defaults(SingleServer)["port"] == 1601
    assert defaults(TCPServer)["listenport"] is REQUIRED
    assert defaults(TCPServer)["socketOptions"] is None
    assert defaults(SimplePeer) == {
        "localaddr": "127.0.0.1",  # 1.x bound to "0.0.0.0"; see the differences page
        "localport": 0,
        "receiver_addr": "0.0.0.0",
        "receiver_port": 0,
    }
    assert defaults(DataChunker)["syncmessage"] == "X" * 24
    assert defaults(Minimal) == {
        "request": REQUIRED,
        "indexfilename": "index.html",
        "homedirectory": "htdocs/",
    }
    assert defaults(SingleShotHTTPClient)["postbody"] == ""
    assert defaults(Multicast_sender)["ttl"] == 1


def test_class_attributes_are_still_overridden_by_keyword_as_in_1x():
    assert options(TCPServer)[-1].name == "CSA"
    assert HTTPParser(peer="10.0.0.1", peerport=80).peerport == 80
    assert Selector(idleExit=0.5).idleExit == 0.5
