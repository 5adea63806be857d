"""WholeFileWriter: each [filename, contents] job written as a new file, its name sent on."""

from __future__ import annotations

import pytest
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component

from Kamaelia.File.WholeFileWriter import WholeFileWriter


def test_writes_each_job_and_sends_the_filename(tmp_path):
    """bytes are written as they are and str as UTF-8; existing files are replaced."""
    a, b = tmp_path / "a", tmp_path / "b"
    b.write_bytes(b"old contents")
    stop = producerFinished()
    out = run_component(
        WholeFileWriter(), {"inbox": [[str(a), b"\x00\x01"], (b, "né")], "control": [stop]}
    )
    assert a.read_bytes() == b"\x00\x01"
    assert b.read_text(encoding="utf-8") == "né"
    assert out["outbox"] == [str(a), b]
    assert out["signal"] == [stop]


def test_shutdown_microprocess_stops_before_queued_jobs(tmp_path):
    """shutdownMicroprocess is passed on and no queued job is written."""
    stop = shutdownMicroprocess()
    out = run_component(
        WholeFileWriter(), {"inbox": [[str(tmp_path / "x"), b""]], "control": [stop]}
    )
    assert not (tmp_path / "x").exists()
    assert out["signal"] == [stop]


def test_bad_jobs_are_errors_naming_them(tmp_path):
    """A job that is not [filename, contents], or contents that are not text or bytes, is refused."""
    with pytest.raises(TypeError, match=r"inbox takes \[filename, contents\], got 'oops'"):
        run_component(WholeFileWriter(), {"inbox": ["oops"]})
    with pytest.raises(TypeError, match=r"contents for .* must be bytes or str, got int"):
        run_component(WholeFileWriter(), {"inbox": [[str(tmp_path / "f"), 5]]})
    with pytest.raises(IsADirectoryError, match="WholeFileWriter: cannot open"):
        run_component(WholeFileWriter(), {"inbox": [[str(tmp_path), b""]]})
