"""Append: each message appended to a file (and passed on), the 1.x keyword arguments."""

from __future__ import annotations

import pytest
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component

from Kamaelia.File.Append import Append


@pytest.mark.parametrize("hold_open", [True, False])
def test_appends_and_forwards(tmp_path, hold_open):
    """str and bytes are appended after what the file held; copies leave outbox; the stop is passed on."""
    path = tmp_path / "log.txt"
    path.write_bytes(b"old\n")
    stop = producerFinished()
    out = run_component(
        Append(filename=str(path), hold_open=hold_open),
        {"inbox": ["one\n", b"two\n"], "control": [stop]},
    )
    assert path.read_bytes() == b"old\none\ntwo\n"
    assert out["outbox"] == ["one\n", b"two\n"]
    assert out["signal"] == [stop]


def test_blat_file_empties_it_first_and_forwarder_false_sends_nothing(tmp_path):
    """blat_file=True starts from an empty file; forwarder=False passes nothing on."""
    path = tmp_path / "log.txt"
    path.write_bytes(b"old\n")
    out = run_component(
        Append(filename=path, blat_file=True, forwarder=False),
        {"inbox": ["new\n"], "control": [producerFinished()]},
    )
    assert path.read_bytes() == b"new\n"
    assert out["outbox"] == []


def test_shutdown_microprocess_stops_before_queued_messages(tmp_path):
    """shutdownMicroprocess stops at once; any other control message lets queued data be written."""
    path = tmp_path / "log.txt"
    stop = shutdownMicroprocess()
    out = run_component(Append(filename=path), {"inbox": ["x"], "control": [stop]})
    assert out["signal"] == [stop]
    other = run_component(
        Append(filename=path, blat_file=True), {"inbox": ["y"], "control": ["bye"]}
    )
    assert other["signal"] == ["bye"]
    assert path.read_bytes() == b"y"


def test_bad_arguments_and_data_are_refused(tmp_path):
    """No filename, an unknown keyword, or data that is not text or bytes, is refused by name."""
    with pytest.raises(ValueError, match="Append: filename is required"):
        Append()
    with pytest.raises(
        TypeError,
        match=r"keyword argument 'file'; it takes: .*filename.*; did you mean: filename\b",
    ):
        Append(file="x")
    with pytest.raises(TypeError, match="inbox data must be bytes or str, got int"):
        run_component(Append(filename=tmp_path / "a"), {"inbox": [3], "control": ["stop"]})
