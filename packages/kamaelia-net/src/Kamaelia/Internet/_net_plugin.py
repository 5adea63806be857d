"""What kamaelia-net offers Kamaelia, found through the `kamaelia` entry point `net`."""

from __future__ import annotations

from Axon.plugins import ComponentSpec, ExampleSpec, hookimpl

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Internet._examples import run_chat, run_echo
from Kamaelia.Internet.ConnectedSocketAdapter import ConnectedSocketAdapter
from Kamaelia.Internet.Multicast_receiver import Multicast_receiver
from Kamaelia.Internet.Multicast_sender import Multicast_sender
from Kamaelia.Internet.Multicast_transceiver import Multicast_transceiver
from Kamaelia.Internet.Selector import Selector
from Kamaelia.Internet.SingleServer import SingleServer
from Kamaelia.Internet.TCPClient import TCPClient
from Kamaelia.Internet.TCPServer import TCPServer
from Kamaelia.Internet.UDP import PostboxPeer, SimplePeer, TargettedPeer
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
from Kamaelia.Protocol.SimpleHTTP import HTTPProtocol

_COMPONENTS = (
    ServerCore,
    SimpleServer,
    TCPServer,
    TCPClient,
    ConnectedSocketAdapter,
    SingleServer,
    Selector,
    SimplePeer,
    TargettedPeer,
    PostboxPeer,
    Multicast_sender,
    Multicast_receiver,
    Multicast_transceiver,
    EchoProtocol,
    FortuneCookieProtocol,
    Framer,
    DeFramer,
    DataChunker,
    DataDeChunker,
    LineFramer,
    LineDeFramer,
    LengthPrefixFramer,
    LengthPrefixDeFramer,
    HTTPProtocol,
)


@hookimpl
def kamaelia_components() -> list[ComponentSpec]:
    """The components this package publishes."""
    return [ComponentSpec.from_class(cls) for cls in _COMPONENTS]


@hookimpl
def kamaelia_examples() -> list[ExampleSpec]:
    """The example systems this package offers to `kamaelia demo`."""
    return [
        ExampleSpec(
            name="echo-server",
            summary="An echo server on 127.0.0.1 (argument: port, default 1601).",
            run=run_echo,
        ),
        ExampleSpec(
            name="chat",
            summary="A chat server (ServerCore + Backplane); join with `nc 127.0.0.1 1602`.",
            run=run_chat,
        ),
    ]
