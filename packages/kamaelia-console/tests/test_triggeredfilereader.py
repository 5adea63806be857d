"""TriggeredFileReader: each path on inbox becomes that file's contents on outbox."""

from __future__ import annotations

import pytest
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component

from Kamaelia.File.TriggeredFileReader import TriggeredFileReader


def test_reads_each_named_file_in_order(tmp_path):
    """Files are read whole, as bytes, in the order asked; producerFinished comes after them."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"AAA")
    b.write_text("bé", encoding="utf-8")
    stop = producerFinished()
    out = run_component(TriggeredFileReader(), {"inbox": [str(a), b, str(a)], "control": [stop]})
    assert out["outbox"] == [b"AAA", "bé".encode(), b"AAA"]
    assert out["signal"] == [stop]


def test_shutdown_microprocess_stops_before_the_next_request(tmp_path):
    """shutdownMicroprocess is passed on without reading the queued files."""
    stop = shutdownMicroprocess()
    out = run_component(TriggeredFileReader(), {"inbox": [str(tmp_path / "a")], "control": [stop]})
    assert out["outbox"] == []
    assert out["signal"] == [stop]


def test_a_missing_file_or_a_non_path_is_an_error_naming_it(tmp_path):
    """A missing file is FileNotFoundError naming it; a non-path is a TypeError."""
    with pytest.raises(FileNotFoundError, match=r"TriggeredFileReader: cannot open .*nope"):
        run_component(TriggeredFileReader(), {"inbox": [str(tmp_path / "nope")]})
    with pytest.raises(TypeError, match="inbox takes file paths, got 7"):
        run_component(TriggeredFileReader(), {"inbox": [7]})
