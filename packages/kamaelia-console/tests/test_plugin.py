"""The plugin entry point, the components it offers, and the echo example."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

from conftest import run_app

from Kamaelia.Util import _console_plugin

EXPECTED = {
    "ConsoleReader",
    "ConsoleEchoer",
    "SimpleReader",
    "MaxSpeedFileReader",
    "PromptedFileReader",
    "RateControlledFileReader",
    "SimpleFileWriter",
    # 1.x ports, each at its 1.x module
    "Append",
    "FixedRateControlledReusableFileReader",
    "IntelligentFileReader",
    "RateControlledReusableFileReader",
    "ReadFileAdaptor",
    "ReusableFileReader",
    "TriggeredFileReader",
    "UnixProcess",
    "WholeFileWriter",
    "InterpreterTransformer",
    "StandaloneInterpreter",
}


def test_entry_point_points_at_the_plugin_module():
    """The 'console' entry point in group 'kamaelia' loads the plugin module."""
    found = [ep for ep in entry_points(group="kamaelia") if ep.name == "console"]
    assert len(found) == 1
    assert found[0].value == "Kamaelia.Util._console_plugin"
    assert found[0].load() is _console_plugin


def test_components_are_offered_with_their_boxes():
    """kamaelia_components() lists every component with its docs and boxes."""
    specs = {spec.name: spec for spec in _console_plugin.kamaelia_components()}
    assert set(specs) == EXPECTED
    reader = specs["ConsoleReader"]
    assert set(reader.inboxes) == {"inbox", "control"}
    assert set(reader.outboxes) == {"outbox", "signal"}
    assert reader.summary == "Send each line of standard input; finish at EOF."
    assert specs["ConsoleEchoer"].module == "Kamaelia.Util.Console"
    assert specs["UnixProcess"].module == "Kamaelia.File.UnixProcess"
    assert specs["IntelligentFileReader"].module == "Kamaelia.File.BetterReading"
    assert specs["InterpreterTransformer"].module == "Kamaelia.Experimental.PythonInterpreter"
    assert "exit_status" in specs["UnixProcess"].outboxes


def test_echo_example_is_offered():
    """kamaelia_examples() offers the front-page system as 'echo'."""
    (example,) = _console_plugin.kamaelia_examples()
    assert example.name == "echo"
    assert example.run is _console_plugin.run_echo


def test_echo_example_runs():
    """The echo example echoes piped lines and ends at end of input."""
    result = run_app("echo", stdin=b"one\ntwo\n")
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout == b"one\ntwo\n"


def test_echo_example_rejects_arguments():
    """Extra arguments to the echo example are an error with exit status 2."""
    result = run_app("echo", "extra")
    assert result.returncode == 2
    assert b"takes no arguments" in result.stderr


def test_echo_example_ends_when_stdout_closes():
    """In the example, a closed stdout also stops the reader, so endless input cannot hang it."""
    import subprocess
    import threading

    from conftest import app_command, child_env

    proc = subprocess.Popen(
        app_command("echo"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    stop_feeding = threading.Event()

    def feed_forever() -> None:
        try:
            while not stop_feeding.is_set():
                proc.stdin.write(b"again\n" * 1000)
                proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass

    feeder = threading.Thread(target=feed_forever, daemon=True)
    feeder.start()
    try:
        assert proc.stdout.readline() == b"again\n"
        proc.stdout.close()
        returncode = proc.wait(timeout=20)
    finally:
        stop_feeding.set()
        proc.kill()
    feeder.join(timeout=5)
    stderr = proc.stderr.read()
    proc.stderr.close()
    assert returncode == 0, stderr.decode(errors="replace")
    assert stderr == b""


def test_modules_export_what_they_define():
    """Each public module's __all__ names exist, and its public classes are listed."""
    for name in ("Kamaelia.Util.Console", "Kamaelia.File.Reading", "Kamaelia.File.Writing"):
        module = importlib.import_module(name)
        for item in module.__all__:
            assert hasattr(module, item), f"{name}.{item}"
        public = {
            attr
            for attr, value in vars(module).items()
            if isinstance(value, type) and value.__module__ == name and not attr.startswith("_")
        }
        assert public <= set(module.__all__), f"{name} leaves out {public - set(module.__all__)}"
