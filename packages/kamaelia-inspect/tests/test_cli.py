"""`kamaelia run --inspect` and its errors; the plugin's registration."""

import json
import signal
import subprocess
import time
import urllib.request

from conftest import kamaelia, run_inspected

from Kamaelia.Inspect import _plugin


def _picture(url):
    with urllib.request.urlopen(url + "snapshot.json", timeout=5) as reply:
        return json.load(reply)


def test_run_inspect_serves_the_running_system_and_ctrl_c_stops_it(inspected):
    """The URL printed serves the system's components; Ctrl-C still stops it cleanly."""
    proc, url = inspected
    deadline = time.monotonic() + 10
    names = set()
    while time.monotonic() < deadline and not {"Burst", "Sipper", "Pipeline"} <= names:
        names = {c["name"].split(".")[-1].split("_")[0] for c in _picture(url)["components"]}
        time.sleep(0.1)
    assert {"Burst", "Sipper", "Pipeline"} <= names
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert "interrupted (Ctrl-C)" in err


def test_a_bad_address_is_one_error_line(tmp_path):
    """--inspect with something that is not [HOST:]PORT fails before the system starts."""
    script = tmp_path / "never.py"
    script.write_text("print('ran')\n")
    done = subprocess.run(
        kamaelia("run", "--inspect", "nowhere", str(script)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "kamaelia run: error: --inspect nowhere: expected [HOST:]PORT with PORT 0-65535, "
        "got 'nowhere'\n"
    )


def test_the_plugin_offers_top_and_the_inspect_option():
    """The entry point's module offers `kamaelia top` and `kamaelia run --inspect`."""
    assert [c.name for c in _plugin.kamaelia_commands()] == ["top"]
    assert [o.name for o in _plugin.kamaelia_run_options()] == ["inspect"]


def test_run_inspect_works_for_graph_files_too(tmp_path):
    """A .toml graph file run with --inspect is served the same way."""
    graph = tmp_path / "idle.toml"
    graph.write_text('[components.idle]\ntype = "PassThrough"\n')
    with run_inspected(graph) as (_, url):
        deadline = time.monotonic() + 10
        names = []
        while time.monotonic() < deadline and not any("PassThrough" in n for n in names):
            names = [c["name"] for c in _picture(url)["components"]]
            time.sleep(0.1)
        assert any("PassThrough" in n for n in names), names
