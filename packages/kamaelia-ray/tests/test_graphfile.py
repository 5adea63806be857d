"""A graph file places a registered component in Ray actors; `kamaelia run` runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from _parts import Collect
from Axon.Scheduler import scheduler

from Kamaelia.Chassis._cli import main
from Kamaelia.Chassis._graphfile import build_components, build_system, load_graph_file
from Kamaelia.Chassis.Registry import load_registry
from Kamaelia.Ray import RayWorkers

GRAPH = """\
pipeline = ["source", "work"]

[components.source]
type = "DataSource"
args = { messages = [1, 2, 3] }

[components.work]
type = "RayWorkers"
args = { factory = "Stringify", copies = 2, batch_size = 1 }
"""


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "distributed.toml"
    path.write_text(GRAPH, encoding="utf-8")
    return path


def test_the_graph_file_builds_workers_from_a_registered_name(graph_file: Path) -> None:
    """`factory = "Stringify"` names the registered component each worker runs."""
    graph = load_graph_file(graph_file, load_registry())
    components = build_components(graph)
    assert isinstance(components["work"], RayWorkers)
    system, sink = build_system(graph, components), Collect()
    sink.link((components["work"], "outbox"), (sink, "inbox"))
    sink.link((components["work"], "signal"), (sink, "control"))
    system.activate()
    sink.activate()
    scheduler.run.runThreads()
    assert sink.got == ["1", "2", "3"]


def test_kamaelia_run_runs_the_distributed_graph_to_its_end(graph_file: Path) -> None:
    """`kamaelia run FILE` exits 0 once producerFinished has crossed and everything ended."""
    assert main(["run", str(graph_file)]) == 0
