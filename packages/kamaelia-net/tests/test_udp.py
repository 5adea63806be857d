"""UDP peers and multicast on 127.0.0.1."""

from __future__ import annotations

import os
import socket

import pytest
from _net_harness import Probe, Running
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.Internet.Multicast_receiver import Multicast_receiver
from Kamaelia.Internet.Multicast_sender import Multicast_sender
from Kamaelia.Internet.Multicast_transceiver import Multicast_transceiver
from Kamaelia.Internet.UDP import PostboxPeer, SimplePeer, TargettedPeer


def _feeder(peer: object, box: str = "inbox") -> Probe:
    probe = Probe()
    probe.link((probe, "outbox"), (peer, box))
    probe.link((probe, "signal"), (peer, "control"))
    return probe


def _listener(peer: object) -> Probe:
    probe = Probe()
    peer.link((peer, "outbox"), (probe, "inbox"))
    peer.link((peer, "signal"), (probe, "control"))
    return probe


def test_simple_peer_sends_to_its_receiver() -> None:
    """Datagrams sent by one SimplePeer arrive at another as (data, (host, port))."""
    receiver = SimplePeer(localport=0)
    sender = SimplePeer(receiver_addr="127.0.0.1", receiver_port=receiver.localport)
    feed, heard = _feeder(sender), _listener(receiver)
    system = Running(receiver, sender, feed, heard)
    try:
        for i in range(5):
            system.call(lambda i=i: feed.send(b"datagram %d" % i, "outbox"))
        system.wait_for(lambda: len(heard.received) == 5, "five datagrams")
        assert [d for d, _ in heard.received] == [b"datagram %d" % i for i in range(5)]
        assert {a for _, a in heard.received} == {("127.0.0.1", sender.localport)}
    finally:
        system.call(lambda: feed.send(shutdownMicroprocess(), "signal"))
        system.deliver(receiver, "control", shutdownMicroprocess())
        system.close()


def test_big_datagrams_are_not_truncated() -> None:
    """A 60 kB datagram arrives whole (1.x cut datagrams at 1024 bytes)."""
    receiver = SimplePeer()
    sender = SimplePeer(receiver_addr="127.0.0.1", receiver_port=receiver.localport)
    feed, heard = _feeder(sender), _listener(receiver)
    system = Running(receiver, sender, feed, heard)
    try:
        system.call(lambda: feed.send(b"q" * 60000, "outbox"))
        system.wait_for(lambda: heard.received, "the datagram")
        assert heard.received[0][0] == b"q" * 60000
    finally:
        system.deliver(sender, "control", shutdownMicroprocess())
        system.deliver(receiver, "control", shutdownMicroprocess())
        system.close()


def test_targetted_and_postbox_peers_choose_destinations() -> None:
    """TargettedPeer follows its "target" inbox; PostboxPeer sends (host, port, data)."""
    a, b = SimplePeer(), SimplePeer()
    targetted, postbox = TargettedPeer(), PostboxPeer()
    heard_a, heard_b = _listener(a), _listener(b)
    feed_t, feed_p = _feeder(targetted), _feeder(postbox)
    retarget = _feeder(targetted, "target")
    system = Running(a, b, targetted, postbox, heard_a, heard_b, feed_t, feed_p, retarget)
    try:
        system.call(lambda: retarget.send(("127.0.0.1", a.localport), "outbox"))
        system.call(lambda: feed_t.send(b"to a", "outbox"))
        system.wait_for(lambda: heard_a.received, "a datagram at a")
        system.call(lambda: retarget.send(("127.0.0.1", b.localport), "outbox"))
        system.call(lambda: feed_t.send(b"to b", "outbox"))
        system.call(lambda: feed_p.send(("127.0.0.1", b.localport, b"post"), "outbox"))
        system.wait_for(lambda: len(heard_b.received) == 2, "two datagrams at b")
        assert [d for d, _ in heard_a.received] == [b"to a"]
        assert sorted(d for d, _ in heard_b.received) == [b"post", b"to b"]
    finally:
        for peer in (a, b, targetted, postbox):
            system.deliver(peer, "control", shutdownMicroprocess())
        system.close()


def test_producer_finished_flushes_then_passes_on() -> None:
    """producerFinished on control: queued datagrams are sent, then it is passed on."""
    receiver = SimplePeer()
    sender = SimplePeer(receiver_addr="127.0.0.1", receiver_port=receiver.localport)
    for i in range(3):
        sender.inboxes["inbox"].append(b"%d" % i)
    done = producerFinished()
    sender.inboxes["control"].append(done)
    heard, after = _listener(receiver), _listener(sender)
    system = Running(receiver, sender, heard, after)
    try:
        system.wait_for(sender._isStopped, "the sender to finish")
        system.wait_for(lambda: len(heard.received) == 3, "three datagrams")
        assert after.controls == [done]
    finally:
        system.deliver(receiver, "control", shutdownMicroprocess())
        system.close()


def _multicast_available() -> bool:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("224.0.0.251", 0))
            s.setsockopt(
                socket.IPPROTO_IP,
                socket.IP_ADD_MEMBERSHIP,
                socket.inet_aton("224.0.0.251") + socket.inet_aton("127.0.0.1"),
            )
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _multicast_available(), reason="no multicast on the loopback interface")
def test_multicast_sender_reaches_receiver_on_loopback() -> None:
    """A Multicast_sender's datagrams reach a Multicast_receiver as (addr, data)."""
    group = "239.255.42.99"
    receiver = Multicast_receiver(group, 0, interface="127.0.0.1")
    sender = Multicast_sender("127.0.0.1", 0, group, receiver.port)
    feed, heard = _feeder(sender), _listener(receiver)
    system = Running(receiver, sender, feed, heard)
    try:
        system.call(lambda: feed.send(b"to the group", "outbox"))
        system.wait_for(lambda: heard.received, "the multicast datagram")
        (address, data), *_ = heard.received
        assert data == b"to the group"
        assert address[1] == sender.localport
    finally:
        system.deliver(sender, "control", shutdownMicroprocess())
        system.deliver(receiver, "control", shutdownMicroprocess())
        system.close()


@pytest.mark.skipif(not _multicast_available(), reason="no multicast on the loopback interface")
def test_multicast_transceivers_talk_through_the_group() -> None:
    """Two transceivers on one group port hear each other's datagrams as (addr, data)."""
    group = "239.255.42.98"
    first = Multicast_transceiver(group, 0, group, 0, interface="127.0.0.1")
    port = first.local_port
    first.remote_port = port
    second = Multicast_transceiver(group, port, group, port, interface="127.0.0.1")
    feed, heard = _feeder(second), _listener(first)
    system = Running(first, second, feed, heard)
    try:
        system.call(lambda: feed.send(b"hello group", "outbox"))
        system.wait_for(lambda: heard.received, "the datagram at the first transceiver")
        assert heard.received[0][1] == b"hello group"
    finally:
        for peer in (first, second):
            system.deliver(peer, "control", shutdownMicroprocess())
        system.close()


def _igmp_groups_by_device() -> dict[str, set[str]]:
    """Linux's /proc/net/igmp: device name -> the groups joined on it (dotted quads)."""
    groups: dict[str, set[str]] = {}
    device = ""
    with open("/proc/net/igmp") as table:
        next(table)
        for line in table:
            if not line.startswith("\t"):
                device = line.split()[1]
                groups.setdefault(device, set())
            else:
                raw = bytes.fromhex(line.split()[0])[::-1]  # little-endian hex
                groups[device].add(socket.inet_ntoa(raw))
    return groups


@pytest.mark.skipif(
    not _multicast_available() or not os.path.exists("/proc/net/igmp"),
    reason="needs multicast on loopback and Linux's /proc/net/igmp",
)
@pytest.mark.parametrize("kind", ["receiver", "transceiver"])
def test_multicast_listeners_join_on_loopback_by_default(kind: str) -> None:
    """Without interface=, the group is joined on the loopback interface, as the guide says."""
    group = "239.255.42.97"
    if kind == "receiver":
        peer = Multicast_receiver(group, 0)
    else:
        peer = Multicast_transceiver(group, 0, group, 0)
    try:
        joined = _igmp_groups_by_device()
        assert group in joined.get("lo", set())
        assert not any(group in g for dev, g in joined.items() if dev != "lo")
    finally:
        peer.sock.close()
