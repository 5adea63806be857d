"""A 100 MB file streamed through a reader and SimpleFileWriter in bounded memory."""

from __future__ import annotations

import hashlib
import os

import pytest
from conftest import run_app

SIZE_MB = 100
# Peak RSS may grow by at most this much while the file is copied: a few
# chunks in flight, not the file.
GROWTH_LIMIT_KIB = 60 * 1024


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    """A 100 MB file of random bytes and its sha256."""
    path = tmp_path_factory.mktemp("big") / "source.bin"
    digest = hashlib.sha256()
    with open(path, "wb") as fh:
        for _ in range(SIZE_MB):
            block = os.urandom(1024 * 1024)
            digest.update(block)
            fh.write(block)
    return path, digest.hexdigest()


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


@pytest.mark.parametrize("reader", ["simple", "maxspeed", "rate"])
def test_100mb_copy_is_exact_and_bounded(big_file, tmp_path, reader):
    """The copy has the same sha256 and the child's peak RSS grows by under 60 MB."""
    source, expected = big_file
    target = tmp_path / "copy.bin"
    result = run_app("copy", reader, str(source), str(target), timeout=50)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stderr == b""
    assert sha256_of(target) == expected
    _, before, after = result.stdout.split()
    growth = int(after) - int(before)  # ru_maxrss is in KiB on Linux
    assert growth < GROWTH_LIMIT_KIB, f"peak RSS grew by {growth} KiB"
