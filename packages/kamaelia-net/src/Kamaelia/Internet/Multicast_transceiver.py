"""Multicast_transceiver: sends to a multicast group and emits what arrives from it."""

from __future__ import annotations

import socket
from typing import Any

from Axon.options import checked_keywords

from Kamaelia.Internet.UDP import BasicPeer

__all__ = ["Multicast_transceiver"]


@checked_keywords
class Multicast_transceiver(BasicPeer):
    """Binds ``(local_addr, local_port)``, joins group ``remote_addr``, sends "inbox" to it.

    Received datagrams go out of "outbox" as ``(addr, data)`` (1.x's order).
    ``interface`` is the local interface used to join and send on (default
    127.0.0.1, the loopback interface; "0.0.0.0" lets the kernel choose, as 1.x). Unlike
    1.x it sleeps until there is something to do, reads datagrams up to
    64 KiB (1.x: 16 KiB), and stops on producerFinished (after sending what is
    queued) or shutdownMicroprocess. ``debug`` is accepted and ignored.
    """

    Outboxes = {"outbox": "(addr, data) for each datagram received", "signal": "shutdown"}

    def __init__(
        self,
        local_addr: str,
        local_port: int,
        remote_addr: str,
        remote_port: int,
        debug: bool = False,
        interface: str = "127.0.0.1",
        ttl: int = 1,
    ) -> None:
        self.remote_addr = remote_addr
        self.remote_port = remote_port
        self.interface = interface
        self.ttl = ttl
        self.debug = debug
        super().__init__(local_addr, local_port)
        self.local_addr, self.local_port = self.localaddr, self.localport

    def makeSocket(self, localaddr: str, localport: int) -> socket.socket:
        """Bind, join the group and set the multicast TTL."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((localaddr, localport))
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, self.ttl)
            membership = socket.inet_aton(self.remote_addr) + socket.inet_aton(self.interface)
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
            if self.interface != "0.0.0.0":
                sock.setsockopt(
                    socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(self.interface)
                )
        except OSError as error:
            sock.close()
            raise OSError(
                error.errno,
                f"Multicast_transceiver could not bind {localaddr}:{localport} and join "
                f"{self.remote_addr}: {error.strerror}",
            ) from error
        sock.setblocking(False)
        return sock

    def destinationFor(self, message: Any) -> tuple[bytes, tuple[str, int]] | None:
        """Every message goes to the group."""
        return message, (self.remote_addr, self.remote_port)

    def formatReceived(self, data: bytes, address: Any) -> Any:
        """``(addr, data)``, as 1.x."""
        return (address[:2], data)
