"""Multicast_receiver: joins a multicast group and emits what arrives."""

from __future__ import annotations

import socket
from typing import Any

from Axon.options import checked_keywords

from Kamaelia.Internet.UDP import BasicPeer

__all__ = ["Multicast_receiver"]


@checked_keywords
class Multicast_receiver(BasicPeer):
    """Joins group ``address`` on ``port``; each datagram goes out of "outbox" as ``(addr, data)``.

    The order ``(addr, data)`` is 1.x's (the opposite of the UDP peers).
    ``interface`` picks the local interface to join on (default
    127.0.0.1, the loopback interface, as servers bind; "0.0.0.0" lets
    the kernel choose, 1.x's behaviour).
    Unlike 1.x it sleeps until a datagram arrives, and stops on
    producerFinished or shutdownMicroprocess. Its "inbox" is unused.
    """

    Outboxes = {"outbox": "(addr, data) for each datagram received", "signal": "shutdown"}

    def __init__(self, address: str, port: int, interface: str = "127.0.0.1") -> None:
        self.mcast_addr = address
        self.interface = interface
        super().__init__(address, port)
        self.port = self.localport

    def makeSocket(self, localaddr: str, localport: int) -> socket.socket:
        """Bind to the group's port and join the group."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((localaddr, localport))
            membership = socket.inet_aton(localaddr) + socket.inet_aton(self.interface)
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
        except OSError as error:
            sock.close()
            raise OSError(
                error.errno,
                f"Multicast_receiver could not join {localaddr}:{localport}: {error.strerror}",
            ) from error
        sock.setblocking(False)
        return sock

    def destinationFor(self, message: Any) -> None:
        """Nothing is sent: inbox messages are ignored."""
        return None

    def formatReceived(self, data: bytes, address: Any) -> Any:
        """``(addr, data)``, as 1.x."""
        return (address[:2], data)
