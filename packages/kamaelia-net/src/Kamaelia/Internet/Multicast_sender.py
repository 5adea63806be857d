"""Multicast_sender: sends each inbox message to a multicast group."""

from __future__ import annotations

import socket
from typing import Any

from Axon.options import checked_keywords

from Kamaelia.Internet.UDP import BasicPeer

__all__ = ["Multicast_sender"]


@checked_keywords
class Multicast_sender(BasicPeer):
    """Sends every "inbox" message to ``(remote_addr, remote_port)`` with multicast TTL ``ttl``.

    Unlike 1.x it is woken by messages instead of polling, and stops on
    producerFinished (after sending what is queued) or shutdownMicroprocess.
    """

    def __init__(
        self,
        local_addr: str,
        local_port: int,
        remote_addr: str,
        remote_port: int,
        ttl: int = 1,
        loopback: bool = True,
    ) -> None:
        self.ttl = ttl
        self.loopback = loopback
        super().__init__(local_addr, local_port)
        self.local_addr, self.local_port = self.localaddr, self.localport
        self.remote_addr = remote_addr
        self.remote_port = remote_port

    def makeSocket(self, localaddr: str, localport: int) -> socket.socket:
        """Bind, then set the multicast TTL and loopback options."""
        sock = super().makeSocket(localaddr, localport)
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, self.ttl)
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, int(self.loopback))
        if localaddr not in ("", "0.0.0.0"):
            # Send out of the interface we were asked to use.
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(localaddr))
        return sock

    def destinationFor(self, message: Any) -> tuple[bytes, tuple[str, int]] | None:
        """Every message goes to the group."""
        return message, (self.remote_addr, self.remote_port)
