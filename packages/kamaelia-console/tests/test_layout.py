"""Packaging: the Kamaelia namespace levels stay namespace packages."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def test_namespace_levels_have_no_init():
    """Kamaelia, Kamaelia/Util and Kamaelia/File have no __init__.py (PEP 420)."""
    for level in ("Kamaelia", "Kamaelia/Util", "Kamaelia/File"):
        assert (SRC / level).is_dir()
        assert not (SRC / level / "__init__.py").exists(), level


def test_imports_share_the_namespace():
    """Kamaelia.Util and Kamaelia.File import as namespace packages."""
    import Kamaelia.File
    import Kamaelia.Util

    assert Kamaelia.Util.__file__ is None
    assert Kamaelia.File.__file__ is None
