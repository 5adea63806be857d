"""The reference Kamaelia 1.14.32, installed in its own Python 3.11 venv.

The venv lives in ``benchmarks/.legacy-venv`` (git-ignored) by default. It is
reused when it already holds the right versions and rebuilt otherwise.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LEGACY_VERSION = "1.14.32"
REQUIREMENTS = (f"kamaelia=={LEGACY_VERSION}", f"kamaelia-axon=={LEGACY_VERSION}")
PYTHON_VERSION = "3.11"
_VERSIONS_SCRIPT = (
    "import importlib.metadata as m, platform; "
    "print(platform.python_version(), m.version('kamaelia'), m.version('kamaelia-axon'))"
)


def _run(command: list[str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    # Run from an empty directory: importing Axon 1.x reads ./debug.conf.
    with tempfile.TemporaryDirectory(prefix="kamaelia-legacy-") as cwd:
        return subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
        )


def _is_python311(executable: str) -> bool:
    try:
        done = _run([executable, "-c", "import sys; print(sys.version_info[:2])"], timeout=60)
    except OSError:
        return False
    return done.returncode == 0 and done.stdout.strip() == "(3, 11)"


def _pyenv_candidates() -> list[str]:
    roots = [os.environ.get("PYENV_ROOT", "")]
    pyenv = shutil.which("pyenv")
    if pyenv:
        done = _run([pyenv, "root"], timeout=60)
        roots.append(done.stdout.strip() if done.returncode == 0 else "")
    roots.append(str(Path.home() / ".pyenv"))
    found = []
    for root in filter(None, roots):
        found += sorted(
            glob.glob(os.path.join(root, "versions", f"{PYTHON_VERSION}.*", "bin", "python3.11"))
        )
    return found


def find_python311(explicit: str | None = None) -> str:
    """A working Python 3.11: ``explicit``, else ``python3.11`` on PATH, else pyenv's."""
    candidates = [explicit] if explicit else []
    candidates += [shutil.which(f"python{PYTHON_VERSION}") or "", *_pyenv_candidates()]
    for candidate in filter(None, candidates):
        if _is_python311(candidate):
            return candidate
    tried = ", ".join(filter(None, candidates)) or "nothing found"
    sys.exit(
        f"run.py: Kamaelia 1.14.32 needs Python {PYTHON_VERSION} for its venv; tried: {tried}. "
        "Pass --legacy-python PATH, or leave it out with --impls kamaelia2,asyncio."
    )


def describe(python: Path) -> str:
    """``Python X.Y.Z, kamaelia A, kamaelia-axon B`` for the venv's interpreter, or ''."""
    try:
        done = _run([str(python), "-c", _VERSIONS_SCRIPT], timeout=60)
    except OSError:
        return ""
    if done.returncode != 0:
        return ""
    py, kamaelia, axon = done.stdout.split()
    return f"Python {py}, kamaelia {kamaelia}, kamaelia-axon {axon}"


def _is_ready(python: Path) -> bool:
    expected = f", kamaelia {LEGACY_VERSION}, kamaelia-axon {LEGACY_VERSION}"
    return python.exists() and describe(python).endswith(expected)


def ensure_venv(venv: Path, explicit_python: str | None = None) -> Path:
    """Return the venv's python, creating the venv and installing Kamaelia 1.14.32 if needed."""
    python = venv / "bin" / "python"
    if _is_ready(python):
        return python
    base = find_python311(explicit_python)
    print(f"creating {venv} with {base} and installing {' '.join(REQUIREMENTS)}", file=sys.stderr)
    steps = (
        [base, "-m", "venv", "--clear", str(venv)],
        [str(python), "-m", "pip", "install", "--quiet", *REQUIREMENTS],
    )
    for step in steps:
        done = _run(step)
        if done.returncode != 0:
            sys.exit(f"run.py: `{' '.join(step)}` failed:\n{done.stderr.strip()}")
    if not _is_ready(python):
        sys.exit(f"run.py: {venv} still lacks {' and '.join(REQUIREMENTS)} after installing them")
    return python
