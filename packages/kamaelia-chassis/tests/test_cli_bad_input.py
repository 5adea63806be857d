"""`kamaelia run` on hostile or mistaken graph files: one clear line, a non-zero exit."""

from __future__ import annotations

import logging
from pathlib import Path

from Axon.Component import component

from Kamaelia.Chassis import _cli_run
from Kamaelia.Chassis._cli import main


def _run(capsys, *argv: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    status = main(list(argv))
    return status, capsys.readouterr().err


def test_deeply_nested_toml_is_one_line_not_a_recursion_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A graph file nested thousands deep is refused in one line, with the file named."""
    path = tmp_path / "deep.toml"
    path.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    for argv in (("run", str(path)), ("run", "--check", str(path))):
        status, err = _run(capsys, *argv)
        assert status == 1
        assert err.count("\n") == 1
        assert f"{path}" in err
        assert "nested too deeply" in err


def test_infinite_clock_interval_names_the_component(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """interval = inf is refused when the graph is built, naming the component and the value."""
    path = tmp_path / "clock.toml"
    path.write_text(
        '[components.tick]\ntype = "CheapAndCheerfulClock"\nargs = { interval = inf }\n'
    )
    status, err = _run(capsys, "run", "--check", str(path))
    assert status == 1
    assert err.count("\n") == 1
    assert "component 'tick'" in err
    assert "interval must be a finite number of seconds > 0, got inf" in err


class _LogsAnError(component):
    def main(self):  # type: ignore[no-untyped-def]
        logging.getLogger("Kamaelia.test").error("could not do the thing")
        yield 1


def test_a_system_that_logs_an_error_exits_non_zero() -> None:
    """A run during which a component logged an error ends with status 1."""
    assert _cli_run.run_system(_LogsAnError()) == 1
