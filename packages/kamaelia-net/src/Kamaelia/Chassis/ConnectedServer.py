"""ServerCore / SimpleServer: a TCP server that makes a protocol handler per connection.

``ServerCore(protocol=factory, port=1601)`` listens (on 127.0.0.1 unless
``host`` is given). For each connection it calls
``factory(peer=, peerport=, localip=, localport=)`` (``SimpleServer`` calls
``factory()``), then wires the connection's adapter (CSA) and the handler
exactly as 1.x does: CSA "outbox" -> handler "inbox", handler "outbox" -> CSA
"inbox", handler "signal" -> CSA "control" (so a handler closes its
connection by sending producerFinished or shutdownMicroprocess on "signal"),
and a handler outbox named "serversignal" -> the server's "control".

Kamaelia 2 additions: the port is bound at construction (``port=0`` picks a
free one; ``self.port`` and a ``serverListening`` message on "listening" say
which), a port in use raises ``BindError``; ``sslContext`` serves TLS;
``idleTimeout`` closes connections that stay silent; ``requestTimeout`` closes
a connection whose peer has sent something that got no reply within that many
seconds (a slowloris dribbling one request); a handler may bring its own
values for these two (a ``connectionTimeouts`` message as its attribute of that
name, as the HTTP protocols do), which apply where the server sets none;
``maxConnections`` caps the open
connections (more wait in the listen backlog); when a peer half-closes,
the handler gets ``socketShutdown()`` on "control" and its replies still go
out; the handler's "inbox" is size-limited (``handlerInboxSize``) so a fast
peer cannot fill memory faster than the handler works (for a Pipeline or
Graphline handler, the inbox of the child that receives the bytes); a handler
that raises - or any component it adopts - is logged, the whole handler is
stopped and its connection closed while the others carry on
(``isolateHandlerCrashes=False`` restores 1.x's "any crash ends the run"). A
factory that cannot be called as the server will call it is refused at
construction; one that raises closes only that connection.
"""

from __future__ import annotations

import inspect
import logging
import socket
import ssl
from collections.abc import Generator
from typing import Any

from Axon.AdaptiveCommsComponent import AdaptiveCommsComponent
from Axon.Component import component
from Axon.Ipc import shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Internet.ConnectedSocketAdapter import ConnectedSocketAdapter
from Kamaelia.Internet.TCPServer import TCPServer
from Kamaelia.IPC import (
    connectionTimeouts,
    newCSA,
    serverListening,
    serverShutdown,
    shutdownCSA,
    socketHalfClosed,
    socketShutdown,
)

__all__ = ["FastRestartServer", "MoreComplexServer", "ServerCore", "SimpleServer"]

_log = logging.getLogger("Kamaelia.Chassis.ConnectedServer")


def _receivingInbox(comp: Any, boxname: str) -> Any:
    """The inbox that really holds what is sent to ``comp``'s ``boxname``.

    A container (Pipeline, Graphline) forwards its inbox to a child's
    (passthrough=1 links): a size limit only means something there.
    """
    while True:
        forward = [
            link
            for link in comp.postoffice.linkages
            if link.passthrough == 1 and link.sourcePair() == (comp, boxname)
        ]
        if not forward:
            return comp.inboxes[boxname]
        comp, boxname = forward[0].sinkPair()


def _applyTimeouts(csa: Any, handler: Any) -> None:
    """Hand the adapter the handler's own deadlines (see ``connectionTimeouts``) before it starts."""
    timeouts = getattr(handler, "connectionTimeouts", None)
    if isinstance(timeouts, connectionTimeouts) and isinstance(csa, ConnectedSocketAdapter):
        csa.deliver(timeouts, "control")


def _ownMkProtocolHandler(cls: type) -> Any:
    """The mkProtocolHandler of ServerCore or SimpleServer that ``cls`` would use unchanged."""
    for base in cls.__mro__:
        if base.__module__ == __name__ and "mkProtocolHandler" in vars(base):
            return vars(base)["mkProtocolHandler"]
    return None


def _stopTree(comp: Any) -> None:
    """Stop ``comp`` and every component it has adopted, depth first."""
    for child in comp.childComponents():
        _stopTree(child)
    if not comp._isStopped():
        comp.stop()


@checked_keywords
class ServerCore(AdaptiveCommsComponent):
    """A multi-connection TCP server that creates a protocol handler for every connection.

    Keyword arguments (each also a class attribute a subclass may override, as in 1.x):

    - protocol               -- callable returning a component, called as
                                ``protocol(peer=, peerport=, localip=, localport=)``
                                per connection (``SimpleServer``: ``protocol()``); required
    - port                   -- TCP port (1601); 0 picks a free one, see ``self.port``
    - host                   -- address to listen on ("127.0.0.1")
    - socketOptions          -- a ``(level, option, value)`` tuple for the listening socket
    - sslContext             -- an ``ssl.SSLContext`` to serve TLS (None: plain TCP)
    - idleTimeout            -- seconds a connection may be silent both ways (None: no limit)
    - requestTimeout         -- seconds a peer's bytes may go unanswered (None: no limit)
    - maxConnections         -- open connections at most; more wait in the backlog (None)
    - handlerInboxSize       -- messages waiting for a handler before the socket is not
                                read (16; None: unbounded)
    - isolateHandlerCrashes  -- a handler's crash closes only its connection (True)
    - TCPS                   -- the listening component's class (``TCPServer``; 1.x's hook)
    """

    Inboxes = {
        "_socketactivity": "newCSA / shutdownCSA / socketHalfClosed from the TCPServer",
        "control": "serverShutdown or shutdownMicroprocess: close every connection and end",
        "inbox": "unused (kept so the server fits in Pipelines)",
    }
    Outboxes = {
        "_serversignal": "shutdown messages to the TCPServer",
        "outbox": "unused (kept so the server fits in Pipelines)",
        "signal": "unused (kept from 1.x)",
        "listening": "serverListening((host, port)) once the port is bound",
    }
    port: int = 1601
    host: str = "127.0.0.1"
    protocol: Any = None
    socketOptions: Any = None
    sslContext: ssl.SSLContext | None = None
    idleTimeout: float | None = None
    requestTimeout: float | None = None
    maxConnections: int | None = None
    handlerInboxSize: int | None = 16
    isolateHandlerCrashes: bool = True
    TCPS: Any = TCPServer

    def __init__(self, **argd: Any) -> None:
        super().__init__(**argd)
        if not self.protocol:
            raise TypeError(
                f"{type(self).__name__} needs protocol=<a callable returning a component>, "
                f"got {self.protocol!r}"
            )
        self._checkFactory()
        # CSA -> None: an insertion-ordered set, so a close costs O(1) however many are open.
        self.connectedSockets: dict[Any, None] = {}
        self.server = self._makeServer()
        self.address: tuple[str, int] = getattr(self.server, "address", (self.host, self.port))
        self.port = self.address[1]

    def _makeServer(self) -> Any:
        options: dict[str, Any] = {"listenport": self.port}
        if self.socketOptions is not None:
            options["socketOptions"] = self.socketOptions
        # Only pass the Kamaelia 2 options when used, so a 1.x TCPS subclass still fits.
        if self.host != "127.0.0.1":
            options["host"] = self.host
        if self.sslContext is not None:
            options["sslContext"] = self.sslContext
        for name in ("idleTimeout", "requestTimeout", "maxConnections"):
            if getattr(self, name) is not None:
                options[name] = getattr(self, name)
        return self.TCPS(**options)

    def initialiseServerSocket(self) -> None:
        """Wire up and start the (already bound) TCPServer."""
        self.link((self.server, "protocolHandlerSignal"), (self, "_socketactivity"))
        self.link((self, "_serversignal"), (self.server, "control"))
        self.addChildren(self.server)
        self.server.activate()

    def main(self) -> Generator[int, None, None]:
        """Dispatch connection events until told to stop."""
        self.initialiseServerSocket()
        while True:
            while self.dataReady("_socketactivity"):
                self._dispatch(self.recv("_socketactivity"))
            if self._stopRequested():
                break
            if not self.anyReady():
                self.pause()
            yield 1
        self._shutdownAll()

    def _dispatch(self, message: Any) -> None:
        if isinstance(message, newCSA):
            self.handleNewConnection(message)
        elif isinstance(message, shutdownCSA):
            self.handleClosedCSA(message)
        elif isinstance(message, socketHalfClosed):
            self.handleHalfClosedCSA(message)
        elif isinstance(message, serverListening):
            self.send(serverListening(self, message.object), "listening")

    def _stopRequested(self) -> bool:
        while self.dataReady("control"):
            message = self.recv("control")
            if isinstance(message, shutdownMicroprocess) or message is shutdownMicroprocess:
                return True
        return False

    def _shutdownAll(self) -> None:
        for csa in list(self.connectedSockets):
            self.handleClosedCSA(shutdownCSA(self, csa))
        self.send(serverShutdown(), "_serversignal")

    def stop(self) -> None:
        """Close every connection and the listener (also when stopped from outside)."""
        if self.connectedSockets:
            self._shutdownAll()
        super().stop()

    _FACTORY_CALL = "protocol(peer=, peerport=, localip=, localport=)"
    _FACTORY_ARGS: dict[str, Any] = {"peer": "", "peerport": 0, "localip": "", "localport": 0}

    # A component class whose keywords are checked, given as protocol: the connection
    # keywords it takes (the rest become attributes, as 1.x's component.__init__ made
    # them). None: the factory is called with all of them.
    _protocolTakes: frozenset[str] | None = None

    def _checkFactory(self) -> None:
        """Refuse a protocol factory that cannot be called the way connections will call it."""
        if type(self).mkProtocolHandler is not _ownMkProtocolHandler(type(self)):
            return  # a subclass builds handlers its own way
        problem = None
        if not callable(self.protocol):
            problem = "is not callable"
        else:
            try:
                signature = inspect.signature(self.protocol)
            except (TypeError, ValueError):
                return  # some builtins have no signature: nothing to check
            arguments = self._FACTORY_ARGS
            parameters = signature.parameters
            if (
                isinstance(self.protocol, type)
                and issubclass(self.protocol, component)
                and not any(p.kind is p.VAR_KEYWORD for p in parameters.values())
            ):
                self._protocolTakes = frozenset(arguments).intersection(parameters)
                arguments = {name: arguments[name] for name in self._protocolTakes}
            try:
                signature.bind(**arguments)
            except TypeError as error:
                problem = f"cannot be called as {self._FACTORY_CALL}: {error}"
        if problem is not None:
            raise TypeError(
                f"{type(self).__name__}: protocol={self.protocol!r} {problem}; it must be a "
                f"callable returning a component, called as {self._FACTORY_CALL} "
                "for each connection"
            )

    def mkProtocolHandler(self, **sock_info: Any) -> Any:
        """Build the handler for one connection (override to change how)."""
        info = {name: sock_info[name] for name in self._FACTORY_ARGS}
        takes = self._protocolTakes
        if takes is None:
            return self.protocol(**info)
        handler = self.protocol(**{name: info[name] for name in takes})
        for name in info.keys() - takes:
            setattr(handler, name, info[name])
        return handler

    def handleNewConnection(self, newCSAMessage: newCSA) -> None:
        """Make a handler for a new connection, wire it to the adapter, start both."""
        csa = newCSAMessage.object
        try:
            peer, peerport = newCSAMessage.sock.getpeername()[:2]
            localip, localport = newCSAMessage.sock.getsockname()[:2]
        except OSError:
            # The peer may already have gone; the handler still gets sane values.
            peer, peerport, localip, localport = "0.0.0.0", 0, self.host, self.port
        handler = self._makeHandler(
            f"{peer}:{peerport}",
            peer=peer,
            peerport=peerport,
            localip=localip,
            localport=localport,
        )
        if handler is None:
            # No handler, no connection: the adapter closes at once and reports as usual.
            self.addChildren(csa)
            csa.deliver(shutdownMicroprocess(), "control")
            csa.activate()
            return
        if self.handlerInboxSize is not None and "inbox" in handler.inboxes:
            _receivingInbox(handler, "inbox").setSize(self.handlerInboxSize)
        _applyTimeouts(csa, handler)
        self.connectedSockets[csa] = None
        toHandler = self.addOutbox("protocolHandlerShutdownSignal")
        toCSA = self.addOutbox("connectedSocketShutdownSignal")
        self.link((csa, "outbox"), (handler, "inbox"))
        self.link((handler, "outbox"), (csa, "inbox"))
        self.link((self, toHandler), (handler, "control"))
        self.link((self, toCSA), (csa, "control"))
        self.link((handler, "signal"), (csa, "control"))
        controllink = None
        if "serversignal" in handler.outboxes:
            controllink = self.link((handler, "serversignal"), (self, "control"))
        self.trackResourceInformation(csa, [], [toHandler, toCSA], (handler, controllink))
        if self.isolateHandlerCrashes:
            crashed = self._handlerCrashed(handler, toCSA, f"{peer}:{peerport}")
            handler.set_failure_handler(crashed, children=True)
        self.addChildren(csa, handler)
        csa.activate()
        handler.activate()

    def _makeHandler(self, who: str, **sock_info: Any) -> Any:
        """The new connection's handler, or None (logged) when the factory fails."""
        try:
            handler = self.mkProtocolHandler(**sock_info)
        except Exception as error:
            if not self.isolateHandlerCrashes:
                raise
            _log.error(
                "%s: could not make a protocol handler for %s with %r; closing that connection",
                self.name,
                who,
                self.protocol,
                exc_info=error,
            )
            return None
        if not isinstance(handler, component):
            problem = (
                f"{self.name}: protocol={self.protocol!r} returned {handler!r}, not a component"
            )
            if not self.isolateHandlerCrashes:
                raise TypeError(problem)
            _log.error("%s: could not make a protocol handler for %s: %s", self.name, who, problem)
            return None
        return handler

    def _handlerCrashed(self, handler: Any, toCSA: str, who: str) -> Any:
        def crashed(culprit: Any, error: BaseException) -> None:
            # One connection's bug must not take every other connection down with it.
            _log.error(
                "%s: protocol handler %s for %s crashed; closing that connection",
                self.name,
                culprit.name,
                who,
                exc_info=error,
            )
            # A part of a composite handler crashed: the rest of it stops too.
            _stopTree(handler)
            if toCSA in self.outboxes:
                self.send(shutdownMicroprocess(), toCSA)

        return crashed

    def handleHalfClosedCSA(self, message: socketHalfClosed) -> None:
        """The peer stopped sending: ask the handler to finish (its replies still go out)."""
        try:
            _inboxes, outboxes, _handler = self.retrieveTrackedResourceInformation(message.object)
        except KeyError:
            return
        self.send(socketShutdown(), outboxes[0])

    def handleClosedCSA(self, shutdownCSAMessage: shutdownCSA) -> None:
        """Stop and unwire the handler of a closed connection."""
        csa = shutdownCSAMessage.object
        try:
            bundle = self.retrieveTrackedResourceInformation(csa)
        except KeyError:
            return
        _inboxes, outboxes, (handler, controllink) = bundle
        self.connectedSockets.pop(csa, None)
        if controllink is not None:
            self.unlink(thelinkage=controllink)
        self.send(socketShutdown(), outboxes[0])
        self.send(shutdownMicroprocess(), outboxes[1])
        self.removeChild(csa)
        self.removeChild(handler)
        self.deleteOutbox(outboxes[0])
        self.deleteOutbox(outboxes[1])
        self.ceaseTrackingResource(csa)


class SimpleServer(ServerCore):
    """A ServerCore whose protocol factory takes no arguments."""

    _FACTORY_CALL = "protocol()"
    _FACTORY_ARGS: dict[str, Any] = {}

    def mkProtocolHandler(self, **sock_info: Any) -> Any:
        """Build the handler with ``protocol()``."""
        return self.protocol()


class FastRestartServer(ServerCore):
    """A ServerCore that sets SO_REUSEADDR (Kamaelia 2 servers do so on POSIX anyway)."""

    socketOptions = (socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


MoreComplexServer = ServerCore
