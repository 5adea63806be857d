"""`pip install kamaelia` brings the sets it promises, and `kamaelia list` shows them."""

from __future__ import annotations

import subprocess
import sysconfig
from importlib.metadata import distribution, entry_points
from pathlib import Path

from packaging.requirements import Requirement

META = distribution("kamaelia")


def _promised() -> list[str]:
    """The distributions `pip install kamaelia` (no extras) must bring."""
    reqs = [Requirement(r) for r in META.requires or []]
    return [r.name for r in reqs if r.marker is None or r.marker.evaluate({"extra": ""})]


def _kamaelia_list() -> str:
    script = Path(sysconfig.get_path("scripts")) / "kamaelia"
    done = subprocess.run(
        [str(script), "list"], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


def test_it_promises_the_core_and_the_light_sets() -> None:
    assert set(_promised()) == {
        "kamaelia-axon",
        "kamaelia-chassis",
        "kamaelia-console",
        "kamaelia-net",
    }


def test_every_promised_distribution_is_installed() -> None:
    for name in _promised():
        assert distribution(name).version.startswith("2."), name


def test_kamaelia_list_shows_each_promised_set() -> None:
    listed = _kamaelia_list()
    sets = {ep.dist.name: ep.name for ep in entry_points(group="kamaelia") if ep.dist}
    shown = [name for name in _promised() if name in sets]
    assert shown, f"no promised distribution offers a kamaelia entry point: {sets}"
    for name in shown:
        header = f"{name} {distribution(name).version}  [entry point '{sets[name]}'"
        assert header in listed, listed


def _extra(name: str) -> set[str]:
    reqs = [Requirement(r) for r in META.requires or []]
    return {r.name for r in reqs if r.marker and r.marker.evaluate({"extra": name})}


def test_each_extra_brings_its_set_and_all_brings_every_one() -> None:
    assert _extra("ui") == {"kamaelia-ui"}
    assert _extra("inspect") == {"kamaelia-inspect"}
    assert _extra("ray") == {"kamaelia-ray"}
    assert _extra("all") == {"kamaelia-ui", "kamaelia-inspect", "kamaelia-ray"}


def test_the_meta_distribution_has_no_code() -> None:
    files = [str(f) for f in META.files or []]
    code = [f for f in files if f.endswith(".py") and ".dist-info" not in f]
    assert code == [], code
