"""Bulk transfer in both directions: nothing lost or reordered, memory bounded.

KAMAELIA_NET_BULK_MB sets the size (default 200 MB each way).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time

from _net_harness import Running, connect

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Protocol.EchoProtocol import EchoProtocol

BULK_MB = int(os.environ.get("KAMAELIA_NET_BULK_MB", "200"))
BLOCK = 1 << 20


def _rss_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def _blocks(count: int) -> list[bytes]:
    # A few distinct random blocks, reused with a counter so that reordering shows.
    base = [os.urandom(BLOCK) for _ in range(4)]
    return [i.to_bytes(8, "big") + base[i % 4][8:] for i in range(count)]


def test_bulk_echo_both_directions_is_exact_and_memory_bounded() -> None:
    """BULK_MB sent and echoed back: sha256 matches and the process grows < 64 MB."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    system = Running(server)
    blocks = _blocks(BULK_MB)
    sent_hash = hashlib.sha256()
    for block in blocks:
        sent_hash.update(block)
    total = BULK_MB * BLOCK
    baseline = _rss_bytes()
    peak = baseline
    try:
        with connect(server.port, timeout=30) as sock:
            errors: list[BaseException] = []

            def sender() -> None:
                try:
                    for block in blocks:
                        sock.sendall(block)
                except BaseException as error:  # reported below
                    errors.append(error)

            thread = threading.Thread(target=sender, daemon=True)
            thread.start()
            got_hash = hashlib.sha256()
            received = 0
            buffer = bytearray(1 << 18)
            while received < total:
                n = sock.recv_into(buffer)
                assert n, f"connection closed after {received} of {total} bytes"
                got_hash.update(memoryview(buffer)[:n])
                received += n
                if received % (16 * BLOCK) < n:
                    peak = max(peak, _rss_bytes())
            thread.join(30)
            assert not errors, errors
        assert got_hash.hexdigest() == sent_hash.hexdigest()
        assert peak - baseline < 64 * BLOCK, f"grew by {(peak - baseline) >> 20} MB"
    finally:
        system.close()


def test_slow_reader_gets_backpressure_not_buffering() -> None:
    """A client that sends but does not read is stopped by TCP flow control; nothing is lost."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    system = Running(server)
    payload = os.urandom(64 * BLOCK)
    try:
        with connect(server.port, timeout=30) as sock:
            sock.setblocking(False)
            offset, stalled_since = 0, None
            while offset < len(payload):
                try:
                    offset += sock.send(payload[offset : offset + BLOCK])
                    stalled_since = None
                except BlockingIOError:
                    stalled_since = stalled_since or time.monotonic()
                    if time.monotonic() - stalled_since > 0.5:
                        break  # the server stopped taking data: that is the backpressure
                    time.sleep(0.01)
            # Socket buffers plus the server's bounded queues: far less than 64 MB.
            assert offset < 40 * BLOCK, f"server accepted {offset >> 20} MB without us reading"
            sock.setblocking(True)
            rest = threading.Thread(target=sock.sendall, args=(payload[offset:],), daemon=True)
            rest.start()
            got = bytearray()
            while len(got) < len(payload):
                chunk = sock.recv(1 << 18)
                assert chunk, "connection closed early"
                got += chunk
            rest.join(30)
        assert hashlib.sha256(got).digest() == hashlib.sha256(payload).digest()
    finally:
        system.close()


def test_many_connections_bulk_in_parallel() -> None:
    """Ten connections each echo 4 MB at once, every byte back on its own connection."""
    server = SimpleServer(protocol=EchoProtocol, port=0)
    system = Running(server)
    results: dict[int, bool] = {}

    def one(i: int) -> None:
        data = bytes([i]) * (4 * BLOCK)
        with connect(server.port, timeout=30) as sock:
            t = threading.Thread(target=sock.sendall, args=(data,), daemon=True)
            t.start()
            got = bytearray()
            while len(got) < len(data):
                chunk = sock.recv(1 << 18)
                if not chunk:
                    break
                got += chunk
            t.join(30)
        results[i] = bytes(got) == data

    try:
        threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(10)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert results == dict.fromkeys(range(10), True)
    finally:
        system.close()
