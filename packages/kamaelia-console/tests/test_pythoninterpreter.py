"""Kamaelia.Experimental.PythonInterpreter: lines of Python in, what they give out."""

from __future__ import annotations

import subprocess

import pytest
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.testing import run_component
from conftest import app_command, child_env

from Kamaelia.Experimental.PythonInterpreter import InterpreterTransformer


def interpret(lines, stop=None):
    out = run_component(
        InterpreterTransformer(), {"inbox": lines, "control": [stop or producerFinished()]}
    )
    return out


def test_expressions_give_values_and_statements_give_a_blank():
    """A value is sent as the object; a statement sends " "; names persist; " " comes first."""
    out = interpret(["x = 6", "x * 7", b"[x] * 2", "None"])
    assert out["outbox"] == [" ", " ", 42, [6, 6], " "]


def test_blocks_wait_for_the_blank_line():
    """An incomplete statement sends nothing until the blank line that ends the block."""
    out = interpret(["total = 0", "for i in range(4):", "    total += i", "", "total"])
    assert out["outbox"] == [" ", " ", " ", 6]


def test_errors_come_out_as_traceback_text_and_the_session_goes_on():
    """A syntax error or an exception is sent as its traceback text; later lines still run."""
    out = interpret(["1/0", "def (", "'still here'"])
    first, second = out["outbox"][1], out["outbox"][2]
    assert "ZeroDivisionError: division by zero" in first
    assert "PythonInterpreter.py" not in first  # the user's code only, not ours
    assert "SyntaxError" in second
    assert out["outbox"][3] == "still here"


@pytest.mark.parametrize("stop_class", [producerFinished, shutdownMicroprocess])
def test_shutdown_is_passed_on(stop_class):
    """producerFinished (after the lines received) or shutdownMicroprocess stops it."""
    stop = stop_class()
    out = interpret([], stop)
    assert out["signal"] == [stop]


def test_non_text_input_is_refused():
    """Something other than str or bytes on inbox is a TypeError naming it."""
    with pytest.raises(TypeError, match="inbox takes lines of source"):
        interpret([42])


def test_standalone_interpreter_on_standard_input():
    """StandaloneInterpreter reads stdin with a "> " prompt, prints values, ends at end of input."""
    code = (
        "from Kamaelia.Experimental.PythonInterpreter import StandaloneInterpreter\n"
        "StandaloneInterpreter().run()\n"
    )
    result = subprocess.run(
        [app_command()[0], "-c", code],
        input=b"y = 20\ny + 1\nfor i in (1,):\n    print('in loop')\n\n",
        capture_output=True,
        timeout=30,
        env=child_env(),
        check=True,
    )
    assert result.stdout.decode().split("> ") == ["", "", "21\n", "", "", "in loop\n", ""]
