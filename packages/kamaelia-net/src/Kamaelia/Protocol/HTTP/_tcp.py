"""The TCP connection under the HTTP and WebSocket clients."""

from __future__ import annotations

from typing import Any

__all__ = ["TCP_INBOXES", "TCP_OUTBOXES", "startConnection"]

TCP_INBOXES = {"_tcpinbox": "bytes from the server", "_tcpcontrol": "the TCPClient's end message"}
TCP_OUTBOXES = {"_tcpoutbox": "bytes to the server", "_tcpsignal": "closes the TCPClient"}


def startConnection(owner: Any, connectionclass: Any, host: str, port: int) -> Any:
    """Start ``connectionclass(host, port)`` (a TCPClient) as ``owner``'s child on its _tcp boxes."""
    tcp = connectionclass(host, port)
    owner.link((owner, "_tcpoutbox"), (tcp, "inbox"))
    owner.link((owner, "_tcpsignal"), (tcp, "control"))
    owner.link((tcp, "outbox"), (owner, "_tcpinbox"))
    owner.link((tcp, "signal"), (owner, "_tcpcontrol"))
    owner.addChildren(tcp)
    tcp.activate()
    return tcp
